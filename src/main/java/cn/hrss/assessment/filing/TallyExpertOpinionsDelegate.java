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
    // Issue 19 item 6: where the process hears the applicant, a failed review is an intended refusal: its reasons go
    // to the hearing (reviewFailedReason → intendedRefusalReason) and the decision follows it.
    // (The definition id of a long key is a bare UUID, so the key is read from the definition, which the engine caches.)
    String key = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    String failed = filings.tally(applicationNo, FilingProcess.REVIEW_HEARING_KEYS.contains(key));
    execution.setVariable(FilingProcess.Vars.REVIEW_PASSED, failed == null);
    execution.setVariable(FilingProcess.Vars.REVIEW_FAILED_REASON, failed);
  }
}
