package cn.hrss.assessment.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RegisterBranch: the branch's code carries its own province; its parent is the employer (§一(十)5). */
@Component
class RegisterBranchDelegate implements JavaDelegate {

  private final FilingService filings;

  RegisterBranchDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FilingRegistration.Registered registered = filings.registerBranch(
        (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO),
        ((Number) execution.getVariable(FilingProcess.Vars.BRANCH_INDEX)).intValue(),
        (String) execution.getVariable(FilingProcess.Vars.PARENT_FILING_CODE));
    execution.setVariable(FilingProcess.Vars.BRANCH_FILING_CODE, registered.filingCode());
    execution.setVariable(FilingProcess.Vars.RECEIPT_NO, registered.receiptNo());
  }
}
