package cn.hrss.assessment.filing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completion of every user task of the filing processes: stores the decision with the case in the same
 * transaction as the completion (nothing is lost even if a later step fails), and the step in the history.
 * The values were validated before the engine acted (the TaskCompletionRule beans of this package).
 */
@Component
class RecordTaskOutcomeListener implements TaskListener {

  private final FilingService filings;

  RecordTaskOutcomeListener(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void notify(DelegateTask task) {
    String applicationNo = (String) task.getVariable(FilingProcess.Vars.APPLICATION_NO);
    String user = user(task);
    switch (task.getTaskDefinitionKey()) {
      case FilingProcess.Elements.REVIEW_COMPLETENESS -> filings.recordAcceptance(applicationNo, user,
          string(task, FilingProcess.Vars.ACCEPTANCE_DECISION), string(task, FilingProcess.Vars.ACCEPTANCE_COMMENT));
      case FilingProcess.Elements.EXPERT_REVIEW -> filings.recordOpinion(applicationNo,
          task.getAssignee() != null ? task.getAssignee() : (String) task.getVariable(FilingProcess.Vars.EXPERT),
          string(task, FilingProcess.Vars.EXPERT_OPINION), string(task, FilingProcess.Vars.EXPERT_COMMENT));
      case FilingProcess.Elements.REVIEW_OBJECTION -> filings.recordObjectionDecision(applicationNo,
          ((Number) task.getVariable("reviewedObjectionId")).longValue(),
          Boolean.parseBoolean(String.valueOf(task.getVariable(FilingProcess.Vars.OBJECTION_UPHELD))),
          string(task, FilingProcess.Vars.OBJECTION_RESPONSE), user);
      case FilingProcess.Elements.DECIDE_FILING -> filings.recordFilingDecision(applicationNo, user,
          string(task, FilingProcess.Vars.FILING_DECISION), string(task, FilingProcess.Vars.DECISION_COMMENT),
          // Issue 19 item 6: every process with this task hears the applicant first (FilingProcess.HEARING_KEYS).
          Boolean.TRUE.equals(task.getVariable(FilingProcess.Vars.HEARING_HELD)));
      case FilingProcess.BranchElements.REVIEW_BRANCH -> filings.recordBranchDecision(applicationNo,
          ((Number) task.getVariable(FilingProcess.Vars.BRANCH_INDEX)).intValue(), user,
          string(task, FilingProcess.Vars.BRANCH_DECISION), string(task, FilingProcess.Vars.BRANCH_COMMENT),
          // Issue 19 item 6: a branch refusal, too, is final only after the hearing (BranchFilingProcess).
          Boolean.TRUE.equals(task.getVariable(FilingProcess.Vars.HEARING_HELD)));
      default -> throw new IllegalStateException("No outcome recorded for task " + task.getTaskDefinitionKey());
    }
    // Issue 19 item 11: the phone call the officer recorded (checked by PhoneCalls), as a step of its own.
    // The rule (PhoneCalls) made this completion submit it, so the value read is this call's, not an earlier one.
    if (PhoneCalls.required(task.getTaskDefinitionKey(), task.getVariable(FilingProcess.Vars.INSTITUTION_TYPE),
        decision(task)) && task.getVariable(PhoneCalls.AT) != null) {
      filings.recordPhoneCall(applicationNo, user, task.getVariable(PhoneCalls.AT).toString(),
          string(task, PhoneCalls.OUTCOME), string(task, PhoneCalls.NOTE));
    }
  }

  private static String decision(DelegateTask task) {
    return FilingProcess.Elements.DECIDE_FILING.equals(task.getTaskDefinitionKey())
        ? string(task, FilingProcess.Vars.FILING_DECISION) : string(task, FilingProcess.Vars.ACCEPTANCE_DECISION);
  }

  private static String user(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }

  private static String string(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }
}
