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
 * @param reportWorkingDays the team's report (the scorecards) is due this many working days after the activity (001,
 *     河南 过程督导: "督导工作结束后5个工作日内提交质量督导报告")
 * @param defenceWorkingDays the institution may answer the preliminary opinion within this many working days of it
 *     (001 督导规程 Art. 15(2)(3) sets no period: 5 is the choice)
 * @param rectificationWorkingDays the rectification (限期整改, 003 Annex 1 备注 1) is due this many working days after
 *     the opinion letter (no period in the seeds: 30, as assessment.discipline.rectification-working-days for 002 Annex 2
 *     Art. 13, is our choice)
 */
@ConfigurationProperties("assessment.supervision")
public record SupervisionProperties(@DefaultValue("5") int planNoticeWorkingDays, @DefaultValue("2") int defaultTeamSize,
    @DefaultValue("5") int reportWorkingDays, @DefaultValue("5") int defenceWorkingDays,
    @DefaultValue("30") int rectificationWorkingDays) {

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
    check("report-working-days", reportWorkingDays);
    check("defence-working-days", defenceWorkingDays);
    check("rectification-working-days", rectificationWorkingDays);
  }

  private static void check(String name, int days) {
    if (days < 1 || days > 120) {
      throw new IllegalArgumentException("assessment.supervision." + name + " must be 1-120, was " + days);
    }
  }
}
