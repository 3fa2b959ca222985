package cn.hrss.assessment.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_WithdrawApplication: no supplement within the period → the application counts as withdrawn. */
@Component
class WithdrawApplicationDelegate implements JavaDelegate {

  private final FilingService filings;

  WithdrawApplicationDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    filings.withdraw((String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO));
  }
}
