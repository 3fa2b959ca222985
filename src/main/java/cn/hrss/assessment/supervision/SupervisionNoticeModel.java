package cn.hrss.assessment.supervision;

import cn.hrss.assessment.notification.NoticeModelContributor;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The values of the supervision's notices (the same as its letter's): read from the supervision by its number. */
@Component
class SupervisionNoticeModel implements NoticeModelContributor {

  private final SupervisionOutcomes outcomes;
  private final SupervisionService service;

  SupervisionNoticeModel(SupervisionOutcomes outcomes, SupervisionService service) {
    this.outcomes = outcomes;
    this.service = service;
  }

  @Override
  public boolean supports(String processDefinitionKey) {
    return QualitySupervisionProcess.KEY.equals(processDefinitionKey);
  }

  @Override
  public Map<String, Object> contribute(String processDefinitionKey, String businessKey) {
    return outcomes.find(businessKey).map(service::letterModel).orElse(Map.of());
  }
}
