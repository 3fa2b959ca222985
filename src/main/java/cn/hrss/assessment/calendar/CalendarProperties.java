package cn.hrss.assessment.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.MonthDay;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.calendar.*}.
 *
 * <p>Public: other features that turn instants into calendar days (notice deadlines, registry dates) inject it
 * so that the whole application counts days in one configured zone.
 *
 * @param zone the zone in which days are counted (the regulations count in Beijing time)
 * @param overrideFile optional path of the YAML override file adding or correcting years; {@code classpath:}
 *     prefix allowed (tests)
 * @param warnFrom from this day of the year ({@code MM-dd}), the log warns daily that next year is still
 *     provisional and the managers get one e-mail (the State Council usually publishes in November)
 * @param scheduled run the periodic tasks on this node: the recomputation sweep and the provisional-year warning
 * @param sweepInterval how often each node looks for deadlines still to recompute
 */
@ConfigurationProperties("assessment.calendar")
public record CalendarProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    String overrideFile,
    @DefaultValue("10-01") String warnFrom,
    @DefaultValue("true") boolean scheduled,
    @DefaultValue("PT5M") Duration sweepInterval) {

  public CalendarProperties {
    try {
      MonthDay.parse("--" + warnFrom);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("assessment.calendar.warn-from must be MM-dd (e.g. 10-01): " + warnFrom);
    }
    if (sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException("assessment.calendar.sweep-interval must be positive: " + sweepInterval);
    }
  }

  /** {@link #warnFrom} as a day of the year. */
  public MonthDay warnFromDay() {
    return MonthDay.parse("--" + warnFrom);
  }
}
