package cn.hrss.assessment.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseNotice: the notice period ended; later objections are refused with 409. */
@Component
class CloseNoticeDelegate implements JavaDelegate {

  private final FilingService filings;

  CloseNoticeDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    filings.closeNotice((String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO));
  }
}
