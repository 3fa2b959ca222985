package cn.hrss.assessment.filing;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Keeps the application's status in step with the activity the process enters (waiting states only). */
@Component
class FilingStageListener implements ExecutionListener {

  private static final Map<String, FilingStatus> STAGES = Map.of(
      FilingProcess.Elements.REVIEW_COMPLETENESS, FilingStatus.ACCEPTANCE_REVIEW,
      FilingProcess.Elements.AWAIT_SUPPLEMENT, FilingStatus.SUPPLEMENT_REQUESTED,
      FilingProcess.Elements.DECIDE_FILING, FilingStatus.DECISION,
      FilingProcess.Elements.AWAIT_STATEMENT, FilingStatus.HEARING);

  private final FilingService filings;

  FilingStageListener(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FilingStatus status = STAGES.get(execution.getCurrentActivityId());
    if (status != null) {
      filings.enterStage((String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO), status);
    }
  }
}
