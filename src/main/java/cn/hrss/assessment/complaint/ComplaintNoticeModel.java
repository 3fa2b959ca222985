package cn.hrss.assessment.complaint;

import cn.hrss.assessment.notification.NoticeModelContributor;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The values of the complaint's notices: number, institution, reply and where to follow it (never the identity). */
@Component
class ComplaintNoticeModel implements NoticeModelContributor {

  private final ComplaintRepository complaints;
  private final String publicBaseUrl;

  ComplaintNoticeModel(ComplaintRepository complaints, @Value("${assessment.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.complaints = complaints;
    this.publicBaseUrl = publicBaseUrl;
  }

  @Override
  public boolean supports(String processDefinitionKey) {
    return ComplaintProcess.KEY.equals(processDefinitionKey);
  }

  @Override
  public Map<String, Object> contribute(String processDefinitionKey, String businessKey) {
    Map<String, Object> model = new HashMap<>();
    complaints.find(businessKey).ifPresent(c -> {
      model.put("complaintNo", c.complaintNo());
      model.put("institutionName", c.institutionName());
      model.put("submittedOn", c.submittedAt().atZone(ComplaintService.ZONE).toLocalDate());
      model.put("stage", c.status().stage());
      if (c.reply() != null) {
        model.put("replyText", c.reply());
      }
      model.put("statusUrl", publicBaseUrl + "/complaints");
    });
    return model;
  }
}
