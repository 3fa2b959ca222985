package cn.hrss.assessment.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DrawExpertPanel: random panel without conflicted experts; the draw is stored with the case. */
@Component
class DrawExpertPanelDelegate implements JavaDelegate {

  static final String TOO_FEW_EXPERTS = "TOO_FEW_EXPERTS";
  static final String TOO_FEW_EXPERTS_BOUNDARY = "Boundary_TooFewExperts";

  private final FilingService filings;

  DrawExpertPanelDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
    try {
      execution.setVariable(FilingProcess.Vars.EXPERT_PANEL, FilingService.jsonList(filings.drawPanel(applicationNo)));
    } catch (ExpertPanel.TooFewExperts shortage) {
      // Issue 19 item 7: never a smaller panel. Where the model waits for experts (Boundary_TooFewExperts) this is a
      // business outcome; elsewhere (renewal, scope change) a failure that retries and then shows as an incident.
      if (((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution).getProcessDefinition()
          .findActivity(TOO_FEW_EXPERTS_BOUNDARY) == null) {
        throw shortage;
      }
      filings.recordPanelWait(applicationNo, shortage.draw());
      throw new org.camunda.bpm.engine.delegate.BpmnError(TOO_FEW_EXPERTS, shortage.getMessage());
    }
  }
}
