package cn.hrss.assessment.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.web.util.HtmlUtils;

/** Messages collected while checking a task completion; empty means the completion is valid. */
public final class Violations {

  /**
   * Ends the subject of every refusal message ({@code 提交内容未通过校验：…}, {@code 立案信息未通过校验：…}); the
   * filter that drops Camunda's English prefix recognises our messages by it.
   */
  public static final String REFUSED = "未通过校验：";

  /** Longest piece of a submitted value a message repeats. */
  private static final int SHOWN_VALUE_LENGTH = 40;

  private record Violation(String field, String message) {}

  private final List<Violation> violations = new ArrayList<>();

  public void add(String field, String message) {
    violations.add(new Violation(field, message));
  }

  public boolean isEmpty() {
    return violations.isEmpty();
  }

  /** {@code field：message} for each violation, the form API clients see. */
  public List<String> messages() {
    return violations.stream().map(v -> v.field() + "：" + v.message()).toList();
  }

  /**
   * The message a refused submission carries: {@code subject + 未通过校验：} and the details, HTML-escaped. Tasklist
   * shows the message as HTML (its notifications trust it), and details repeat submitted values and keys.
   */
  public static String refusal(String subject, List<String> details) {
    return HtmlUtils.htmlEscape(subject + REFUSED + String.join("；", details), "UTF-8");
  }

  /** A submitted value as a message may repeat it: at most {@value #SHOWN_VALUE_LENGTH} characters. */
  static String shown(Object value) {
    // Control characters are replaced: a message must not carry what the check refused.
    String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "\uFFFD");
    return text.length() <= SHOWN_VALUE_LENGTH ? text : text.substring(0, SHOWN_VALUE_LENGTH) + "…";
  }

  /**
   * The messages for a person at a form: {@code 评审说明（expertComment）：必填} where {@code label} knows the
   * field's label (null otherwise: the plain {@code field：message}).
   */
  public List<String> messages(Function<String, String> label) {
    return violations.stream().map(v -> {
      String shown = label.apply(v.field());
      return (shown == null ? v.field() : shown + "（" + v.field() + "）") + "：" + v.message();
    }).toList();
  }

  /** Checks that {@code field} was submitted as a non-blank text; returns whether it was. */
  public boolean required(TaskCompletion completion, String field) {
    if (!completion.has(field)) {
      add(field, "必填");
      return false;
    }
    if (!completion.hasText(field)) {
      // CONTRACT.md: values are strings unless stated; a Double "Infinity" is no reason.
      add(field, "必须是文本");
      return false;
    }
    return true;
  }

  /** Checks that {@code field} is one of {@code allowed} (as a string); returns the value or {@code null}. */
  public String oneOf(TaskCompletion completion, String field, Collection<String> allowed) {
    if (!required(completion, field)) {
      return null;
    }
    String value = String.valueOf(completion.value(field));
    if (!allowed.contains(value)) {
      add(field, "取值必须是 " + String.join(" / ", allowed) + " 之一，收到 “" + shown(value) + "”");
      return null;
    }
    return value;
  }

  /** Checks that {@code field} is a boolean (or the string true/false); returns it or {@code null}. */
  public Boolean bool(TaskCompletion completion, String field) {
    Object value = completion.value(field);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && Set.of("true", "false").contains(s)) {
      return Boolean.valueOf(s);
    }
    add(field, value == null ? "必填（是/否）" : "必须是布尔值 true 或 false");
    return null;
  }

  /** Checks that {@code field} is an integer (or a string of digits); returns it or {@code null}. */
  public Integer integer(TaskCompletion completion, String field) {
    Object value = completion.value(field);
    try {
      if (value instanceof Integer || value instanceof Long || value instanceof Short) {
        return Math.toIntExact(((Number) value).longValue());
      }
      if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
          && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
        return n.intValue();
      }
    } catch (ArithmeticException tooLarge) {
      add(field, "超出整数范围");
      return null;
    }
    if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      return Integer.valueOf(s.strip());
    }
    add(field, value == null ? "必填（整数）" : "必须是整数");
    return null;
  }
}
