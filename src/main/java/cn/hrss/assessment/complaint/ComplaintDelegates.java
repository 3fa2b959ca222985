package cn.hrss.assessment.complaint;

import cn.hrss.assessment.complaint.ComplaintProcess.Vars;
import java.util.Date;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code ComplaintProcess}: each reads its variables and calls the repository or the service.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintDelegates {

  /**
   * Task_RecordComplaint: keeps the reply deadline (set at the start event) with the complaint, for its page, and
   * gives the officers' forms what the complaint is about (never who complains).
   */
  @Bean
  JavaDelegate recordComplaintDelegate(ComplaintRepository complaints) {
    return execution -> {
      String no = execution.getProcessBusinessKey();
      complaints.replyDue(no, ((Date) execution.getVariable(Vars.REPLY_DUE)).toInstant());
      Complaint c = complaints.find(no).orElseThrow();
      execution.setVariable(Vars.SUMMARY, "投诉编号 " + no + "；被投诉机构：" + c.institutionName()
          + (c.institutionFilingCode() == null ? "（未填备案编码）" : "（备案编码 " + c.institutionFilingCode() + "）")
          + "\n\n" + c.content());
    };
  }

  /** Start of Task_VerifyComplaint: the complaint is being verified (its page says so). */
  @Bean
  ExecutionListener markComplaintVerifyingListener(ComplaintRepository complaints) {
    return execution -> complaints.verifying(execution.getProcessBusinessKey(),
        (String) execution.getVariable(Vars.TRIAGE_COMMENT));
  }

  /** Task_OpenDisciplinaryCase (asynchronous): the verified complaint becomes a disciplinary case. */
  @Bean
  JavaDelegate openDisciplinaryCaseDelegate(ComplaintService complaints) {
    return execution -> execution.setVariable("caseNo", complaints.openCase(execution.getProcessBusinessKey(),
        (String) execution.getVariable(Vars.FINDINGS), (String) execution.getVariable("verifiedBy")));
  }

  /** Task_RecordOutcome: the answer the complainant gets, and when. */
  @Bean
  JavaDelegate recordComplaintOutcomeDelegate(ComplaintRepository complaints) {
    return execution -> {
      String no = execution.getProcessBusinessKey();
      if ("DISMISS".equals(execution.getVariable(Vars.TRIAGE_DECISION))) {
        String reasons = (String) execution.getVariable(Vars.TRIAGE_COMMENT);
        complaints.answered(no, ComplaintStatus.DISMISSED, reasons, null, reasons);
      } else {
        boolean verified = Boolean.TRUE.equals(execution.getVariable(Vars.VERIFIED));
        complaints.answered(no, verified ? ComplaintStatus.VERIFIED : ComplaintStatus.NOT_VERIFIED, null,
            (String) execution.getVariable(Vars.FINDINGS), (String) execution.getVariable(Vars.REPLY));
      }
    };
  }
}
