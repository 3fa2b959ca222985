package cn.hrss.assessment.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DrawExpertPanel: random panel without conflicted experts; the draw is stored with the case. */
@Component
class DrawExpertPanelDelegate implements JavaDelegate {

  private final FilingService filings;

  DrawExpertPanelDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
    execution.setVariable(FilingProcess.Vars.EXPERT_PANEL, FilingService.jsonList(filings.drawPanel(applicationNo)));
  }
}
