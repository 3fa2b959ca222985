package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.Violations;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilingCompletionRuleTest {

  final FilingCompletionRule rule = new FilingCompletionRule();

  Violations check(String task, Map<String, Object> submitted, String user, Map<String, Object> existing) {
    Violations violations = new Violations();
    rule.check(new TaskCompletion("t1", task, FilingProcess.KEY, "p1", "BA2026000001", user, submitted, existing::get),
        violations);
    return violations;
  }

  Violations check(String task, Map<String, Object> submitted) {
    return check(task, submitted, null, Map.of());
  }

  @Test
  void acceptanceCommentIsRequiredUnlessAccepted() {
    assertThat(check("Task_ReviewCompleteness", Map.of("acceptanceDecision", "ACCEPT")).isEmpty()).isTrue();
    assertThat(check("Task_ReviewCompleteness", Map.of("acceptanceDecision", "REQUEST_SUPPLEMENT")).messages())
        .singleElement().asString().startsWith("acceptanceComment");
    assertThat(check("Task_ReviewCompleteness", Map.of("acceptanceDecision", "REJECT", "acceptanceComment", " ")).isEmpty())
        .isFalse();
    assertThat(check("Task_ReviewCompleteness", Map.of("acceptanceDecision", "MAYBE")).messages()).hasSize(1);
    assertThat(check("Task_ReviewCompleteness", Map.of()).messages()).hasSize(1);
  }

  @Test
  void expertOpinionNeedsACommentAndTheAssignedExpert() {
    assertThat(check("Task_ExpertReview", Map.of("expertOpinion", "PASS", "expertComment", "符合"), "expert1",
        Map.of("expert", "expert1")).isEmpty()).isTrue();
    assertThat(check("Task_ExpertReview", Map.of("expertOpinion", "PASS")).messages()).singleElement().asString()
        .startsWith("expertComment");
    assertThat(check("Task_ExpertReview", Map.of("expertOpinion", "PASS", "expertComment", "x"), "expert2",
        Map.of("expert", "expert1")).isEmpty()).isFalse();
  }

  @Test
  void objectionNeedsABooleanAndAResponse() {
    assertThat(check("Task_ReviewObjection", Map.of("objectionUpheld", false, "objectionResponse", "不成立")).isEmpty()).isTrue();
    assertThat(check("Task_ReviewObjection", Map.of("objectionUpheld", "true", "objectionResponse", "成立")).isEmpty()).isTrue();
    assertThat(check("Task_ReviewObjection", Map.of("objectionUpheld", "yes")).messages()).hasSize(2);
  }

  @Test
  void rejectionsNeedReasons() {
    assertThat(check("Task_DecideFiling", Map.of("filingDecision", "APPROVE")).isEmpty()).isTrue();
    assertThat(check("Task_DecideFiling", Map.of("filingDecision", "REJECT")).messages()).singleElement().asString()
        .startsWith("decisionComment");
    assertThat(check("Task_ReviewBranch", Map.of("branchDecision", "APPROVE")).isEmpty()).isTrue();
    assertThat(check("Task_ReviewBranch", Map.of("branchDecision", "REJECT")).messages()).singleElement().asString()
        .startsWith("branchComment");
  }
}
