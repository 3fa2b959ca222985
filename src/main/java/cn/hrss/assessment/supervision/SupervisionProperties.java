package cn.hrss.assessment.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.supervision.*}.
 *
 * @param planNoticeWorkingDays an assessment plan is declared at least this many working days before the activity
 *     (003 indicator 14: 考前至少 5 个工作日; Henan asks for 10)
 * @param defaultTeamSize supervisors per supervision when the request names none and it is not special: 001 督导规程
 *     sets a number only for 专项督导 (Art. 15: 原则上 3 名以上), so a routine supervision gets 2, the smallest team
 *     in which no supervisor works alone
 */
@ConfigurationProperties("assessment.supervision")
public record SupervisionProperties(@DefaultValue("5") int planNoticeWorkingDays, @DefaultValue("2") int defaultTeamSize) {

  /** 001 督导规程 Art. 15: a special supervision's team is 3 or more. */
  public static final int SPECIAL_MIN_TEAM = 3;
  /** Our bound on a team (no rule; a larger team is a mistake in the request). */
  public static final int MAX_TEAM = 9;

  public SupervisionProperties {
    if (planNoticeWorkingDays < 1 || planNoticeWorkingDays > 30) {
      throw new IllegalArgumentException(
          "assessment.supervision.plan-notice-working-days must be 1-30, was " + planNoticeWorkingDays);
    }
    if (defaultTeamSize < 1 || defaultTeamSize > MAX_TEAM) {
      throw new IllegalArgumentException("assessment.supervision.default-team-size must be 1-" + MAX_TEAM);
    }
  }
}
