package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.Violations;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server-side checks of the discipline tasks, without an engine. */
class DisciplineCompletionRulesTest {

  private final DisciplineCompletionRules rules = new DisciplineCompletionRules(new ViolationCatalog());

  @ParameterizedTest(name = "{0} {1} art {2} item {3} severity {4} → {5}")
  @CsvSource(nullValues = "", value = {
      "CANDIDATE,, 7, 4, SERIOUS, ",
      "CANDIDATE,, 7, 4, , severity",
      "CANDIDATE,, 10, 1, , 第10条不适用于参评人员",
      "CANDIDATE,, 5, 5, , 第5条没有第5项",
      "CANDIDATE,, 8, 7, MINOR, ",
      "CANDIDATE,, 8, 4, , 第8条没有第4项",
      "STAFF, EXAM_ADMIN, 9, 5, , ",
      "STAFF, EXAMINER, 9, 1, , 考务管理人员",
      "STAFF, SUPERVISOR, 11, 1, , ",
      "INSTITUTION,, 12, 1, SERIOUS, 第十三条第（一）项",
      "INSTITUTION,, 13, 7, , ",
      "INSTITUTION,, 15, 1, , severity",
      "INSTITUTION,, 16, 1, , 第5条至第15条",
      "INSTITUTION,, 6, 1, , 第6条不适用于评价机构"})
  void determinationMustFitTheParty(String party, String role, int article, int item, String severity, String expected) {
    Map<String, Object> submitted = new HashMap<>(Map.of("violationArticle", article, "violationItem", item, "findings", "事实"));
    if (severity != null) {
      submitted.put("severity", severity);
    }
    Violations v = check("Task_DetermineViolation", "u1", submitted, Map.of("partyType", party, "staffRole", role == null ? "" : role));
    if (expected == null) {
      assertThat(v.messages()).isEmpty();
    } else {
      assertThat(String.join(" ", v.messages())).contains(expected);
    }
  }

  @Test
  void findingsAreRequired() {
    Violations v = check("Task_DetermineViolation", "u1", Map.of("violationArticle", 5, "violationItem", 1), Map.of("partyType", "CANDIDATE"));
    assertThat(v.messages()).anySatisfy(m -> assertThat(m).startsWith("findings"));
  }

  @Test
  void theDeciderCannotReview() {
    Map<String, Object> review = Map.of("reviewOutcome", "UPHOLD", "reviewReasoning", "维持");
    assertThat(check("Task_ReviewAppeal", "alice", review, Map.of("partyType", "CANDIDATE", "decidedBy", "alice")).messages())
        .anySatisfy(m -> assertThat(m).contains("回避"));
    assertThat(check("Task_ReviewAppeal", "bob", review, Map.of("partyType", "CANDIDATE", "decidedBy", "alice")).messages()).isEmpty();
  }

  @Test
  void statementOutcomeAndResponseAreRequired() {
    assertThat(check("Task_ConsiderStatement", "u1", Map.of("statementOutcome", "MAYBE"), Map.of()).messages()).hasSize(2);
  }

  private Violations check(String key, String user, Map<String, Object> submitted, Map<String, Object> existing) {
    Violations violations = new Violations();
    rules.check(new TaskCompletion("t1", key, "DisciplinaryCaseProcess", "p1", "WJ2026-000001", user, submitted,
        name -> "".equals(existing.get(name)) ? null : existing.get(name)), violations);
    return violations;
  }
}
