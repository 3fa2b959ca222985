package cn.hrss.assessment.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_TallyExpertOpinions: a majority of PASS opinions passes the technical review. */
@Component
class TallyExpertOpinionsDelegate implements JavaDelegate {

  private final FilingService filings;

  TallyExpertOpinionsDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
    execution.setVariable(FilingProcess.Vars.REVIEW_PASSED, filings.tally(applicationNo));
  }
}
