package cn.hrss.assessment.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.supervision.*}.
 *
 * @param reportWorkingDays the team's report (the scorecards) is due this many working days after the activity (001,
 *     河南 过程督导: "督导工作结束后5个工作日内提交质量督导报告")
 * @param defenceWorkingDays the institution may answer the preliminary opinion within this many working days of it
 *     (001 督导规程 Art. 15(2)(3) sets no period: 5 is the choice)
 * @param rectificationWorkingDays the rectification (限期整改, 003 Annex 1 备注 1) is due this many working days after
 *     the opinion letter (no period in the seeds: 30, as assessment.discipline.rectification-working-days for 002 Annex 2
 *     Art. 13, is our choice)
 */
@ConfigurationProperties("assessment.supervision")
public record SupervisionProperties(@DefaultValue("5") int reportWorkingDays, @DefaultValue("5") int defenceWorkingDays,
    @DefaultValue("30") int rectificationWorkingDays) {

  public SupervisionProperties {
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
