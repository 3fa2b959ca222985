package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.registry.InstitutionRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of a report-upwards notice step (004 Art. 10): the report date goes into the directory record in the same
 * transaction as the notice, so the date shows exactly when the report was sent.
 */
@Component
class ReportedUpwardsListener implements ExecutionListener {

  private final InstitutionRegistry registry;

  ReportedUpwardsListener(InstitutionRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // A filing by the ministry itself (national employers, social organisations filed first with the ministry) is
    // not reported upwards: no date (LifecycleRecipients.upwardsOf).
    String filingCode = (String) execution.getVariable(FilingProcess.Vars.FILING_CODE);
    if (LifecycleRecipients.reportsUpwards(filingCode)) {
      registry.markReportedUpwards(filingCode);
    }
  }
}
