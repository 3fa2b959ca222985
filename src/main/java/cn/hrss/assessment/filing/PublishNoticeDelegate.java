package cn.hrss.assessment.filing;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PublishNotice: opens the public notice until {@code closesAt} (input parameter, computed in the model from
 * {@code deadlines.publicNotice} working days) and hands the same instant to the period timer.
 */
@Component
class PublishNoticeDelegate implements JavaDelegate {

  private final FilingService filings;

  PublishNoticeDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
    Date closesAt = (Date) execution.getVariableLocal(FilingProcess.Vars.CLOSES_AT);
    filings.openNotice(applicationNo, closesAt);
    execution.getProcessInstance().setVariable(FilingProcess.Vars.PUBLIC_NOTICE_CLOSES_AT, closesAt);
  }
}
