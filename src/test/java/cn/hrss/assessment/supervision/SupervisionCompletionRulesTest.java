package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.Violations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server-side checks of the supervision tasks without an engine (CONTRACT.md "Supervision"). */
class SupervisionCompletionRulesTest {

  private final Scorecards scorecards = new Scorecards(new ObjectMapper());
  private final SupervisionCompletionRules rules = new SupervisionCompletionRules(scorecards);

  @Test
  void theLeaderGivesAPreliminaryScoreFrom0To100AndAnOpinion() {
    assertThat(check("Task_PreliminaryOpinion", "supervisor1", Map.of("preliminaryScore", 88.5, "preliminaryOpinion", "规范。")))
        .isEmpty();
    assertThat(check("Task_PreliminaryOpinion", "supervisor1", Map.of("preliminaryScore", 101)))
        .contains("preliminaryScore：须在 0 至 100 分之间", "preliminaryOpinion：必填");
    assertThat(check("Task_PreliminaryOpinion", "supervisor1", Map.of("preliminaryScore", "很好", "preliminaryOpinion", "x")))
        .containsExactly("preliminaryScore：必须是数字（0 至 100 分）");
    assertThat(check("Task_PreliminaryOpinion", "supervisor1", Map.of("preliminaryScore", 80.125, "preliminaryOpinion", "x")))
        .containsExactly("preliminaryScore：最多保留两位小数");
    // 001 督导规程 Art. 15(2): the team (its leader) forms the preliminary opinion.
    assertThat(check("Task_PreliminaryOpinion", "supervisor2", Map.of("preliminaryScore", 80, "preliminaryOpinion", "x")))
        .singleElement().asString().contains("组长", "supervisor1");
  }

  @Test
  void aFailingResultMustBeRectified() {
    Map<String, Object> base = new HashMap<>(Map.of("finalScore", 90, "seriousViolation", false, "opinion", "优良。",
        "rectificationRequired", false));
    assertThat(check("Task_IssueSupervisionOpinion", "manager", base)).isEmpty();
    // 003 Annex 1 备注 1: < 60 不合格 → 限期整改.
    base.put("finalScore", 59.99);
    assertThat(check("Task_IssueSupervisionOpinion", "manager", base)).singleElement().asString()
        .startsWith("rectificationRequired：");
    // 备注 2: a serious violation fails whatever the score.
    base.put("finalScore", 95);
    base.put("seriousViolation", true);
    assertThat(check("Task_IssueSupervisionOpinion", "manager", base)).singleElement().asString()
        .contains("必须责令限期整改");
    base.put("rectificationRequired", true);
    assertThat(check("Task_IssueSupervisionOpinion", "manager", base)).isEmpty();
    assertThat(check("Task_IssueSupervisionOpinion", "manager", Map.of("finalScore", -1)))
        .contains("finalScore：须在 0 至 100 分之间", "seriousViolation：必填（是/否）", "opinion：必填",
            "rectificationRequired：必填（是/否）");
  }

  @Test
  void aSeriousViolationNeedsItsDescription() {
    Map<String, Object> card = new HashMap<>();
    scorecards.find(Scorecards.QUESTION_SETTING).orElseThrow().items()
        .forEach(item -> card.put("score_" + item.id(), (long) item.maxPoints()));
    card.put("seriousViolation", true);
    assertThat(check("Task_ScoreSupervision", "supervisor1", card)).containsExactly("seriousViolationDescription：必填");
    card.put("seriousViolationDescription", "伪造试卷。");
    assertThat(check("Task_ScoreSupervision", "supervisor1", card)).isEmpty();
    assertThat(check("Task_ScoreSupervision", "supervisor2", card)).singleElement().asString().contains("supervisor1");
  }

  private List<String> check(String taskKey, String user, Map<String, Object> submitted) {
    Map<String, Object> existing = Map.of("teamLeader", "supervisor1", "supervisor", "supervisor1",
        "scorecardKind", Scorecards.QUESTION_SETTING);
    Violations violations = new Violations();
    rules.check(new TaskCompletion("t1", taskKey, QualitySupervisionProcess.KEY, "p1", "DD-1", user, Map.copyOf(submitted),
        existing::get), violations);
    return violations.messages();
  }
}
