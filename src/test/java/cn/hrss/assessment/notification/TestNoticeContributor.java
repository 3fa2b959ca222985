package cn.hrss.assessment.notification;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Model contributor for the test harness process only: shows that {@link SendNoticeDelegate} adds what
 * {@link NoticeModelContributor} beans contribute (the applicant's name is no process variable there).
 */
@Component
class TestNoticeContributor implements NoticeModelContributor {

  static final String APPLICANT_NAME = "某某职业技能评价中心";

  @Override
  public boolean supports(String processDefinitionKey) {
    return "Process_NoticeTest".equals(processDefinitionKey);
  }

  @Override
  public Map<String, Object> contribute(String processDefinitionKey, String businessKey) {
    return Map.of("applicantName", APPLICANT_NAME);
  }
}
