package cn.hrss.assessment.complaint;

import cn.hrss.assessment.calendar.DeadlineKind;
import cn.hrss.assessment.calendar.DeadlineKind.Binding;
import cn.hrss.assessment.calendar.ProcessDeadlines;
import cn.hrss.assessment.complaint.ComplaintProcess.Ids;
import cn.hrss.assessment.complaint.ComplaintProcess.Vars;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code complaintReplyDue}: the department's own deadline to answer the complainant ({@link ComplaintProperties}),
 * counted in working days from the complaint; it follows the official calendar when a year is published
 * (authority-bound, like the acceptance deadline of a filing).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplaintProperties.class)
class ComplaintDeadlines {

  static final String REPLY = "complaintReplyDue";

  @Bean
  DeadlineKind complaintReplyDueKind(ProcessDeadlines deadlines) {
    return deadlines.kind(REPLY, Binding.AUTHORITY).whileAt(Ids.TRIAGE, Ids.VERIFY)
        .variable(Vars.REPLY_DUE).taskDueDate(Ids.TRIAGE).timers(Ids.TRIAGE_OVERDUE, Ids.VERIFY_OVERDUE).build();
  }

  /** Expression bean {@code complaintSettings}: {@code ${complaintSettings.replyWorkingDays}} in the model. */
  @Bean
  Settings complaintSettings(ComplaintProperties properties) {
    return new Settings(properties.replyWorkingDays());
  }

  /** What the model reads (JUEL reads getters, not record accessors). */
  public static final class Settings {
    private final int replyWorkingDays;

    Settings(int replyWorkingDays) {
      this.replyWorkingDays = replyWorkingDays;
    }

    public int getReplyWorkingDays() {
      return replyWorkingDays;
    }
  }
}
