package cn.hrss.assessment.supervision;

import cn.hrss.assessment.supervision.QualitySupervisionProcess.Ids;
import cn.hrss.assessment.supervision.QualitySupervisionProcess.Vars;
import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.TaskCompletionRule;
import cn.hrss.assessment.workflow.Violations;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the three tasks of QualitySupervisionProcess (CONTRACT.md "Supervision"): every item of the
 * scorecard scored within its maximum (003 Annex 1 and 2), a serious violation described (人社厅发〔2024〕27号: it
 * makes the supervision fail), scores 0-100, the opinions given, and a failed supervision rectified (003 Annex 1
 * 备注 1: 不合格 → 限期整改).
 */
@Component
class SupervisionCompletionRules implements TaskCompletionRule {

  static final int TEXT_MAX = 2000;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Scorecards scorecards;

  SupervisionCompletionRules(Scorecards scorecards) {
    this.scorecards = scorecards;
  }

  @Override
  public List<String> taskDefinitionKeys() {
    return List.of(Ids.SCORE, Ids.PRELIMINARY, Ids.ISSUE);
  }

  @Override
  public void check(TaskCompletion completion, Violations violations) {
    switch (completion.taskDefinitionKey()) {
      case Ids.SCORE -> checkScores(completion, violations);
      case Ids.PRELIMINARY -> {
        // 001 督导规程 Art. 15(2): the team (its leader) forms the preliminary opinion.
        onlyBy(completion, (String) completion.existing().apply("teamLeader"), "组长", violations);
        score(completion, Vars.PRELIMINARY_SCORE, violations);
        text(completion, Vars.PRELIMINARY_OPINION, violations, 4000);
      }
      default -> {
        BigDecimal score = score(completion, Vars.FINAL_SCORE, violations);
        Boolean serious = violations.bool(completion, Vars.SERIOUS);
        text(completion, Vars.OPINION, violations, 4000);
        Boolean rectification = violations.bool(completion, Vars.RECTIFICATION_REQUIRED);
        // 003 Annex 1 备注 1-2: 不合格 (< 60, or a serious violation) → 限期整改.
        if (score != null && serious != null && Boolean.FALSE.equals(rectification)
            && SupervisionGrade.of(score, serious) == SupervisionGrade.FAIL) {
          violations.add(Vars.RECTIFICATION_REQUIRED, "督导结果不合格（低于 60 分或存在不合格项）的，必须责令限期整改");
        }
      }
    }
  }

  private void checkScores(TaskCompletion completion, Violations violations) {
    // Each member scores on the task assigned to them (the multi-instance element variable).
    onlyBy(completion, (String) completion.existing().apply("supervisor"), "本督导员", violations);
    String kind = (String) completion.existing().apply(Vars.KIND);
    Scorecard card = scorecards.find(kind).orElseThrow(() -> new IllegalStateException("no scorecard " + kind));
    ScoreSheet.read(completion.submitted(), card).problems().forEach(p -> violations.add(Vars.SCORES, p));
    Boolean serious = violations.bool(completion, Vars.SERIOUS);
    if (Boolean.TRUE.equals(serious)) {
      text(completion, Vars.SERIOUS_DESCRIPTION, violations, TEXT_MAX);
    } else if (completion.value(Vars.SERIOUS_DESCRIPTION) instanceof String s && s.length() > TEXT_MAX) {
      violations.add(Vars.SERIOUS_DESCRIPTION, "不得超过 " + TEXT_MAX + " 个字符");
    }
    if (completion.value(Vars.SCORE_COMMENT) instanceof String s && s.length() > TEXT_MAX) {
      violations.add(Vars.SCORE_COMMENT, "不得超过 " + TEXT_MAX + " 个字符");
    }
  }

  private static void onlyBy(TaskCompletion completion, String expected, String who, Violations violations) {
    if (completion.userId() != null && expected != null && !expected.equals(completion.userId())) {
      violations.add("assignee", "此任务只能由" + who + "（" + expected + "）办理");
    }
  }

  /** A number 0-100 with at most two decimals (the column is NUMERIC(5,2)). */
  private static BigDecimal score(TaskCompletion completion, String field, Violations violations) {
    Object value = completion.value(field);
    if (value == null || value instanceof String s && s.isBlank()) {
      violations.add(field, "必填（0 至 100 分）");
      return null;
    }
    BigDecimal score = ScoreSheet.number(value);
    if (score == null) {
      violations.add(field, "必须是数字（0 至 100 分）");
    } else if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
      violations.add(field, "须在 0 至 100 分之间");
    } else if (score.stripTrailingZeros().scale() > 2) {
      violations.add(field, "最多保留两位小数");
    } else {
      return score;
    }
    return null;
  }

  private static void text(TaskCompletion completion, String field, Violations violations, int max) {
    if (violations.required(completion, field) && ((String) completion.value(field)).length() > max) {
      violations.add(field, "不得超过 " + max + " 个字符");
    }
  }
}
