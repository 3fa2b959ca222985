package cn.hrss.assessment.site;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记不予确认: the request is closed with the officer's reasons (sent to the organisation by the next step). */
@Component("recordSiteRejectionDelegate")
class RecordSiteRejectionDelegate implements JavaDelegate {

  private final SiteRepository repository;

  RecordSiteRejectionDelegate(SiteRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SiteRepository.SiteRow site = repository.find(execution.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("站点申报 " + execution.getProcessBusinessKey() + " 不存在"));
    repository.reject(site.id(), (String) execution.getVariable(SiteProcess.Vars.COMMENT));
  }
}
