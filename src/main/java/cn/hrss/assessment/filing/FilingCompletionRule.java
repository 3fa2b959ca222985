package cn.hrss.assessment.filing;

import static cn.hrss.assessment.filing.FilingProcess.Values.ACCEPT;
import static cn.hrss.assessment.filing.FilingProcess.Values.APPROVE;
import static cn.hrss.assessment.filing.FilingProcess.Values.FAIL;
import static cn.hrss.assessment.filing.FilingProcess.Values.PASS;
import static cn.hrss.assessment.filing.FilingProcess.Values.REJECT;
import static cn.hrss.assessment.filing.FilingProcess.Values.REQUEST_SUPPLEMENT;

import cn.hrss.assessment.filing.FilingProcess.BranchElements;
import cn.hrss.assessment.filing.FilingProcess.Elements;
import cn.hrss.assessment.filing.FilingProcess.Vars;
import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.TaskCompletionRule;
import cn.hrss.assessment.workflow.Violations;
import java.util.List;
import org.springframework.stereotype.Component;

/** Server-side checks of the filing tasks' completions, exactly the variables of CONTRACT.md. */
@Component
class FilingCompletionRule implements TaskCompletionRule {

  /** The quota refusal of an approval (application number → reason, or null). */
  interface DecisionQuota {
    String refusal(String applicationNo);
  }

  private final DecisionQuota quota;

  FilingCompletionRule() {
    this(applicationNo -> null);
  }

  /**
   * The service is looked up at the first decision, not injected: the rule is built with the process engine, before
   * Flyway's migrations (which the service's repository needs) may run.
   */
  @org.springframework.beans.factory.annotation.Autowired
  FilingCompletionRule(org.springframework.beans.factory.ObjectProvider<FilingService> filings) {
    this(applicationNo -> filings.getObject().quotaRefusalAtDecision(applicationNo));
  }

  FilingCompletionRule(DecisionQuota quota) {
    this.quota = quota;
  }

  @Override
  public List<String> taskDefinitionKeys() {
    return List.of(Elements.REVIEW_COMPLETENESS, Elements.EXPERT_REVIEW, Elements.REVIEW_OBJECTION,
        Elements.DECIDE_FILING, BranchElements.REVIEW_BRANCH);
  }

  @Override
  public void check(TaskCompletion completion, Violations violations) {
    switch (completion.taskDefinitionKey()) {
      case Elements.REVIEW_COMPLETENESS -> {
        String decision = violations.oneOf(completion, Vars.ACCEPTANCE_DECISION, List.of(ACCEPT, REQUEST_SUPPLEMENT, REJECT));
        if (decision != null && !ACCEPT.equals(decision) && !completion.hasText(Vars.ACCEPTANCE_COMMENT)) {
          violations.add(Vars.ACCEPTANCE_COMMENT, REQUEST_SUPPLEMENT.equals(decision)
              ? "要求补正时必须写明需补正的材料" : "不予受理时必须写明理由");
        }
        PhoneCalls.check(completion, violations, decision);
        if (ACCEPT.equals(decision)) {
          // Issue 19 items 1-2: an acceptance confirms every condition (002 Annex 1 §一(六), §二(五); 人社鉴发〔2019〕3号
          // §二1) and prohibition (§二(七)) of the applicant's type; an item the officer cannot confirm calls for a
          // supplement or a refusal, with the comment required above.
          Object type = completion.existing().apply(Vars.INSTITUTION_TYPE);
          for (IntakeChecklist.Item item : IntakeChecklist.forType(type == null ? null : type.toString())) {
            Object confirmed = completion.value(item.confirmKey());
            if (!Boolean.TRUE.equals(confirmed) && !"true".equals(confirmed)) {
              violations.add(item.confirmKey(), "予以受理前须逐项核对确认：" + item.text() + "（" + item.source()
                  + "）；无法确认的，请要求补正或不予受理并写明理由");
            }
          }
        }
      }
      case Elements.EXPERT_REVIEW -> {
        violations.oneOf(completion, Vars.EXPERT_OPINION, List.of(PASS, FAIL));
        violations.required(completion, Vars.EXPERT_COMMENT);
        Object expert = completion.existing().apply(Vars.EXPERT);
        if (completion.userId() != null && expert != null && !completion.userId().equals(expert)) {
          // Each panel member gives their own opinion: nobody completes another member's review.
          violations.add(Vars.EXPERT_OPINION, "该评审任务分配给专家 " + expert + "，只能由其本人提交意见");
        }
      }
      case Elements.REVIEW_OBJECTION -> {
        violations.bool(completion, Vars.OBJECTION_UPHELD);
        violations.required(completion, Vars.OBJECTION_RESPONSE);
      }
      case Elements.DECIDE_FILING -> {
        String decision = violations.oneOf(completion, Vars.FILING_DECISION, List.of(APPROVE, REJECT));
        if (REJECT.equals(decision) && !completion.hasText(Vars.DECISION_COMMENT)) {
          violations.add(Vars.DECISION_COMMENT, "不予备案时必须写明理由");
        }
        if (APPROVE.equals(decision) && completion.businessKey() != null) {
          // 002 Annex 1 §二(四): the places may have been taken since intake (another organisation filed meanwhile).
          String refusal = quota.refusal(completion.businessKey());
          if (refusal != null) {
            violations.add(Vars.FILING_DECISION, refusal);
          }
        }
        PhoneCalls.check(completion, violations, decision);
      }
      case BranchElements.REVIEW_BRANCH -> {
        String decision = violations.oneOf(completion, Vars.BRANCH_DECISION, List.of(APPROVE, REJECT));
        if (REJECT.equals(decision) && !completion.hasText(Vars.BRANCH_COMMENT)) {
          violations.add(Vars.BRANCH_COMMENT, "不予备案时必须写明理由");
        }
        // Issue 19 item 9, 002 Annex 1 §一(十)5 (对分支机构进行技术评审): every item of the review is rated and the
        // reviewer writes an opinion; an approval needs every item met (BranchReviewItems cites each item's source).
        for (BranchReviewItems.Item item : BranchReviewItems.ITEMS) {
          String rating = violations.oneOf(completion, item.key(),
              List.of(BranchReviewItems.MEETS, BranchReviewItems.NOT_MEETS));
          if (APPROVE.equals(decision) && BranchReviewItems.NOT_MEETS.equals(rating)) {
            violations.add(item.key(), "同意备案须该项评审符合：" + item.text() + "（" + item.source() + "）");
          }
        }
        violations.required(completion, BranchReviewItems.OPINION);
      }
      default -> {
        // not a filing task
      }
    }
  }
}
