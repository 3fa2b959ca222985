package cn.hrss.assessment.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.complaint.*}.
 *
 * @param replyWorkingDays the complainant is answered within this many working days of the complaint (004 Art. 28
 *     and 监督管理办法 Art. 17 set no period: 15 is our choice, as 信访工作条例 Art. 32 allows 60 days for a letter)
 */
@ConfigurationProperties("assessment.complaint")
public record ComplaintProperties(@DefaultValue("15") int replyWorkingDays) {

  public ComplaintProperties {
    if (replyWorkingDays < 1 || replyWorkingDays > 60) {
      throw new IllegalArgumentException("assessment.complaint.reply-working-days must be 1-60, was " + replyWorkingDays);
    }
  }
}
