package cn.hrss.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViolationsTest {

  private static TaskCompletion submitting(Map<String, Object> values) {
    return new TaskCompletion("t1", "Task_X", "Process_X", "p1", "BK-1", "officer", values, name -> null);
  }

  @Test
  void blankStringsCountAsMissing() {
    Violations violations = new Violations();
    assertThat(violations.required(submitting(Map.of("comment", "   ")), "comment")).isFalse();
    assertThat(violations.messages()).containsExactly("comment：必填");
  }

  @Test
  void aPersonReadsTheFieldsLabelAndKey() {
    Violations violations = new Violations();
    violations.required(submitting(Map.of()), "comment");
    violations.required(submitting(Map.of()), "other");
    assertThat(violations.messages(field -> field.equals("comment") ? "审查意见" : null))
        .containsExactly("审查意见（comment）：必填", "other：必填");
    assertThat(violations.messages()).containsExactly("comment：必填", "other：必填");
  }

  @Test
  void aRepeatedValueIsShortAndFreeOfControlCharacters() {
    Violations violations = new Violations();
    violations.oneOf(submitting(Map.of("decision", "A\u0000B" + "x".repeat(100))), "decision", List.of("OK"));
    assertThat(violations.messages()).singleElement().asString()
        .contains("A\uFFFDB").doesNotContain("\u0000").doesNotContain("x".repeat(41)).endsWith("…”");
  }

  @Test
  void oneOfRefusesValuesOutsideTheContract() {
    Violations violations = new Violations();
    String value = violations.oneOf(submitting(Map.of("decision", "MAYBE")), "decision", List.of("APPROVE", "REJECT"));
    assertThat(value).isNull();
    assertThat(violations.messages()).singleElement().asString().contains("APPROVE / REJECT").contains("MAYBE");
  }

  @Test
  void booleansAndIntegersAcceptTheirStringForms() {
    Violations violations = new Violations();
    TaskCompletion completion = submitting(Map.of("upheld", "true", "article", "7", "item", 4L));
    assertThat(violations.bool(completion, "upheld")).isTrue();
    assertThat(violations.integer(completion, "article")).isEqualTo(7);
    assertThat(violations.integer(completion, "item")).isEqualTo(4);
    assertThat(violations.isEmpty()).isTrue();
  }

  @Test
  void wrongTypesAreReported() {
    Violations violations = new Violations();
    TaskCompletion completion = submitting(Map.of("upheld", "yes", "article", "seven", "item", 2.5));
    assertThat(violations.bool(completion, "upheld")).isNull();
    assertThat(violations.integer(completion, "article")).isNull();
    assertThat(violations.integer(completion, "item")).isNull();
    assertThat(violations.messages()).hasSize(3);
  }

  @Test
  void integersOutsideTheIntRangeAreRefusedNotTruncated() {
    Violations violations = new Violations();
    TaskCompletion completion = submitting(Map.of("article", 4294967301L, "item", 1e12));
    assertThat(violations.integer(completion, "article")).isNull();
    assertThat(violations.integer(completion, "item")).isNull();
    assertThat(violations.messages()).hasSize(2);
  }

  @Test
  void aRequiredTextMustBeText() {
    // Found by the hostile-input properties: {"value":"1e400","type":"Double"} passed as a rejection's reason.
    Violations violations = new Violations();
    assertThat(violations.required(submitting(Map.of("comment", Double.POSITIVE_INFINITY)), "comment")).isFalse();
    assertThat(violations.messages()).containsExactly("comment：必须是文本");
  }
}
