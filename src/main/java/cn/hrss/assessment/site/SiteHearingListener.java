package cn.hrss.assessment.site;

import cn.hrss.assessment.site.SiteProcess.Ids;
import cn.hrss.assessment.site.SiteProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Issue 19 item 6 for sites (002 Annex 1 §一(十五), §二(十一): 申报机构对办理事项享有陈述权、知情权): when the process
 * waits for the organisation's statement nothing has been said yet; when the hearing ends (statement received or
 * window closed) {@code Task_ConfirmSite} is told so ({@code hearingHeld}), with what the organisation said.
 */
@Component("siteHearingListener")
class SiteHearingListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (Ids.AWAIT_STATEMENT.equals(execution.getCurrentActivityId())) {
      execution.setVariable(Vars.STATEMENT, null);
    } else if (Ids.STATEMENT_JOIN.equals(execution.getCurrentActivityId())) {
      if (execution.getVariable(Vars.STATEMENT) == null) {
        execution.setVariable(Vars.STATEMENT, SiteTexts.text("hearing.noStatement"));
      }
      execution.setVariable(Vars.HEARING_HELD, true);
    }
  }
}
