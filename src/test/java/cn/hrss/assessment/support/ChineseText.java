package cn.hrss.assessment.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a text users read is Chinese: it holds at least one Han character and no English word, which is
 * what a label left over from a modeler ("Text Field", "Submit") or a placeholder ("TODO") looks like. Values
 * filled in at runtime ({@code {{applicationSummary}}} in a Camunda Form, {@code ${caseNo}} in a template) are
 * not part of the text. Capital abbreviations (PDF, SHA, GB/T) and codes (6-18-01-01, §二(十)3) belong in
 * Chinese official text and pass.
 */
public final class ChineseText {

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern EXPRESSION = Pattern.compile("\\{\\{.*?}}|[$#*@]\\{.*?}", Pattern.DOTALL);
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
  private static final Set<String> PLACEHOLDERS = Set.of("TODO", "FIXME", "TBD", "XXX", "LOREM", "IPSUM");

  private ChineseText() {}

  /** What is wrong with {@code text} as Chinese user-facing text; empty when nothing is. */
  public static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add("empty");
      return problems;
    }
    String literal = EXPRESSION.matcher(text).replaceAll(" ");
    if (!HAN.matcher(literal).find()) {
      problems.add("no Chinese character");
    }
    Matcher word = LATIN_WORD.matcher(literal);
    while (word.find()) {
      String w = word.group();
      if (w.length() > 1 && (!w.equals(w.toUpperCase(Locale.ROOT)) || PLACEHOLDERS.contains(w.toUpperCase(Locale.ROOT)))) {
        problems.add("English word \"" + w + "\"");
      }
    }
    return problems;
  }

  /** "where: text (problems)" when {@code text} is not Chinese, for an assertion listing every offender; else null. */
  public static String describeProblem(String where, String text) {
    List<String> problems = problems(text);
    return problems.isEmpty() ? null : where + ": \"" + text + "\" " + problems;
  }
}
