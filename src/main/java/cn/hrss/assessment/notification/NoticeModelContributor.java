package cn.hrss.assessment.notification;

import java.util.Map;

/**
 * Adds values to the model of notices sent from a process (for example the institution's name looked up by
 * the business key), so that processes keep few variables. Implement as a Spring bean.
 */
public interface NoticeModelContributor {

  boolean supports(String processDefinitionKey);

  Map<String, Object> contribute(String processDefinitionKey, String businessKey);
}
