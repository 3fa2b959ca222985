package cn.hrss.assessment.discipline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The discretionary sanctions an officer imposes (CONTRACT.md {@code discretionarySanctions}: a String holding a JSON
 * array of {@code {"code", "reason"}}), read and checked against what the DMN proposed for the determination: nothing
 * outside it, each at most once, each with a reason (002 Annex 2 视情况/视情节: the choice must be reasoned).
 */
final class DiscretionarySanctions {

  /** One imposed discretionary sanction and why. */
  record Choice(String code, String reason) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private DiscretionarySanctions() {}

  /**
   * Parses {@code value} (null, blank or {@code []} = none) and reports each problem under {@code field}; returns the
   * valid choices (those that passed).
   */
  static List<Choice> parse(Object value, String allowedCodes, ViolationCatalog catalog, String field,
      BiConsumer<String, String> problems) {
    List<Choice> choices = new ArrayList<>();
    if (value == null || (value instanceof String s && s.isBlank())) {
      return choices;
    }
    if (!(value instanceof String text)) {
      problems.accept(field, "必须是 JSON 数组文本，例如 [{\"code\": \"CREDIT_RECORD\", \"reason\": \"……\"}]");
      return choices;
    }
    JsonNode array;
    try {
      array = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      problems.accept(field, "不是有效的 JSON 数组，例如 [{\"code\": \"CREDIT_RECORD\", \"reason\": \"……\"}]");
      return choices;
    }
    if (array == null || !array.isArray()) {
      problems.accept(field, "必须是 JSON 数组，例如 [{\"code\": \"CREDIT_RECORD\", \"reason\": \"……\"}]");
      return choices;
    }
    Set<String> allowed = new LinkedHashSet<>(SanctionExecution.codes(allowedCodes));
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode entry = array.get(i);
      String at = "第" + (i + 1) + "项";
      if (!entry.isObject() || !entry.path("code").isTextual()) {
        problems.accept(field, at + "须为 {\"code\", \"reason\"}");
        continue;
      }
      String code = entry.get("code").asText().strip();
      String reason = entry.path("reason").isTextual() ? entry.get("reason").asText().strip() : "";
      if (!allowed.contains(code)) {
        problems.accept(field, at + " “" + shown(code) + "” 不在本案可视情况给予的处理之内（"
            + (allowed.isEmpty() ? "本案没有可视情况给予的处理" : describe(allowed, catalog)) + "）");
      } else if (!seen.add(code)) {
        problems.accept(field, at + " “" + code + "” 重复");
      } else if (reason.isEmpty()) {
        problems.accept(field, at + " “" + catalog.sanctionNames(code).get(0) + "” 须说明理由（reason）");
      } else {
        choices.add(new Choice(code, reason));
      }
    }
    return choices;
  }

  /**
   * The choices of a stored decision ({@code json}) that {@code allowedCodes} still allows: an AMEND that does not
   * restate the discretionary sanctions keeps those of the decision its new determination allows.
   */
  static List<Choice> kept(String json, String allowedCodes) {
    Set<String> allowed = new LinkedHashSet<>(SanctionExecution.codes(allowedCodes));
    try {
      return fromJson(json).stream().filter(c -> allowed.contains(c.code())).toList();
    } catch (IllegalStateException notAChoice) {
      return List.of(); // a variable from before issue 18 held the DMN's codes, not a choice
    }
  }

  /** The codes of {@code choices}, comma-separated. */
  static String codes(List<Choice> choices) {
    return choices.stream().map(Choice::code).collect(Collectors.joining(","));
  }

  /** Mandatory codes followed by the imposed discretionary ones. */
  static String finalCodes(String mandatory, List<Choice> choices) {
    Set<String> all = new LinkedHashSet<>(SanctionExecution.codes(mandatory));
    choices.forEach(c -> all.add(c.code()));
    return String.join(",", all);
  }

  static String toJson(List<Choice> choices) {
    try {
      return JSON.writeValueAsString(choices);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored JSON back as choices (a case without any: empty). */
  static List<Choice> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.of(JSON.readValue(json, Choice[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored discretionary sanctions unreadable", e);
    }
  }

  /** "CREDIT_RECORD（列入诚信不良档案）、PUBLIC_ANNOUNCEMENT（向社会公布）" for forms and messages. */
  static String describe(java.util.Collection<String> codes, ViolationCatalog catalog) {
    return codes.stream().map(c -> c + "（" + catalog.sanctionNames(c).get(0) + "）").collect(Collectors.joining("、"));
  }

  private static String shown(String s) {
    String t = s.replaceAll("\\p{Cntrl}", "\uFFFD");
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }
}
