package cn.hrss.assessment.filing;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Issue 19 item 6, the hearing before a refusal (002 Annex 1 §一(十五), §二(十一): 申报机构对办理事项享有陈述权、知情权):
 * when the process waits for the statement the step is recorded with the reasons told; when the hearing ends (statement
 * received or window closed) the deciding task is told so ({@code hearingHeld}), with what the applicant said.
 */
@Component
class HearingListener implements ExecutionListener {

  private final FilingService filings;

  HearingListener(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
    // A branch (BranchFilingProcess) is heard under its own business key; the employer's application keeps its status.
    Integer branchIndex = execution.getProcessDefinitionId().startsWith(FilingProcess.BRANCH_KEY + ":")
        ? ((Number) execution.getVariable(FilingProcess.Vars.BRANCH_INDEX)).intValue() : null;
    if (FilingProcess.Elements.AWAIT_STATEMENT.equals(execution.getCurrentActivityId())) {
      execution.setVariable(FilingProcess.Vars.APPLICANT_STATEMENT, null);
      if (branchIndex != null) {
        filings.openBranchHearing(applicationNo, branchIndex,
            (String) execution.getVariable(FilingProcess.Vars.INTENDED_REFUSAL_REASON),
            (Date) execution.getVariable(FilingProcess.Vars.STATEMENT_DUE_AT));
        return;
      }
      filings.openHearing(applicationNo, (String) execution.getVariable(FilingProcess.Vars.INTENDED_REFUSAL_REASON),
          (Date) execution.getVariable(FilingProcess.Vars.STATEMENT_DUE_AT));
    } else if (FilingProcess.Elements.STATEMENT_JOIN.equals(execution.getCurrentActivityId())) {
      if (execution.getVariable(FilingProcess.Vars.APPLICANT_STATEMENT) == null) {
        if (branchIndex != null) {
          filings.closeBranchHearingWithoutStatement(applicationNo, branchIndex);
        } else {
          filings.closeHearingWithoutStatement(applicationNo);
        }
        execution.setVariable(FilingProcess.Vars.APPLICANT_STATEMENT, FilingTexts.text("hearing.noStatement"));
      }
      execution.setVariable(FilingProcess.Vars.HEARING_HELD, true);
    }
  }
}
