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
    assertThat(check("Task_ReviewBranch", branchReview("APPROVE", "MEETS")).isEmpty()).isTrue();
    Map<String, Object> rejected = branchReview("REJECT", "MEETS");
    rejected.remove("branchComment");
    assertThat(check("Task_ReviewBranch", rejected).messages()).singleElement().asString()
        .startsWith("branchComment");
  }

  /** A complete technical review of a branch: every item rated {@code rating}, an opinion, reasons. */
  static Map<String, Object> branchReview(String decision, String rating) {
    Map<String, Object> values = new java.util.HashMap<>(Map.of("branchDecision", decision,
        "branchOpinion", "文件审核并现场考察：方案可行，场地设备、人员和制度满足要求", "branchComment", "理由"));
    for (BranchReviewItems.Item item : BranchReviewItems.ITEMS) {
      values.put(item.key(), rating);
    }
    return values;
  }

  @Test
  void branchReviewIsATechnicalReviewOfEveryItemWithAnOpinion() {
    // 002 Annex 1 §一(十)5: 对分支机构进行技术评审 — not one click.
    assertThat(BranchReviewItems.ITEMS).extracting(BranchReviewItems.Item::id)
        .containsExactly("plan", "site", "staff", "quality");
    assertThat(check("Task_ReviewBranch", Map.of("branchDecision", "APPROVE")).messages())
        .anyMatch(m -> m.startsWith("branchOpinion")).anyMatch(m -> m.startsWith("branchReview_site"))
        .hasSize(BranchReviewItems.ITEMS.size() + 1);
    Map<String, Object> noOpinion = branchReview("APPROVE", "MEETS");
    noOpinion.put("branchOpinion", "  ");
    assertThat(check("Task_ReviewBranch", noOpinion).messages()).singleElement().asString().startsWith("branchOpinion");
    // An approval needs every item met; a refusal may rest on an unmet item (with its reasons).
    Map<String, Object> siteUnmet = branchReview("APPROVE", "MEETS");
    siteUnmet.put("branchReview_site", "NOT_MEETS");
    assertThat(check("Task_ReviewBranch", siteUnmet).messages()).singleElement().asString()
        .startsWith("branchReview_site");
    assertThat(check("Task_ReviewBranch", branchReview("REJECT", "NOT_MEETS")).isEmpty()).isTrue();
    Map<String, Object> badRating = branchReview("REJECT", "MEETS");
    badRating.put("branchReview_staff", "OK");
    assertThat(check("Task_ReviewBranch", badRating).messages()).singleElement().asString()
        .startsWith("branchReview_staff");
  }
}
