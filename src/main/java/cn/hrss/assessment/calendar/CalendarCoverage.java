package cn.hrss.assessment.calendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Which years are official and which provisional, in {@code /actuator/info} ({@code calendar}) and as the
 * details of the {@code calendar} health component: always UP (a provisional year is not a failure), with
 * {@code nextYearProvisional} for monitoring.
 */
@Component("calendar")
class CalendarCoverage implements HealthIndicator, InfoContributor {

  private final WorkingDayCalendar calendar;
  private final CalendarProperties properties;

  CalendarCoverage(WorkingDayCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  @Override
  public Health health() {
    return Health.up().withDetails(coverage()).build();
  }

  @Override
  public void contribute(Info.Builder builder) {
    builder.withDetail("calendar", coverage());
  }

  Map<String, Object> coverage() {
    int thisYear = ClockUtil.getCurrentTime().toInstant().atZone(properties.zone()).toLocalDate().getYear();
    List<Integer> provisional = IntStream.rangeClosed(thisYear, thisYear + 5).filter(y -> !calendar.isOfficial(y))
        .boxed().toList();
    Map<String, Object> coverage = new LinkedHashMap<>();
    coverage.put("officialYears", CalendarData.ranges(calendar.officialYears()));
    coverage.put("provisionalYears", provisional.isEmpty() ? "none up to " + (thisYear + 5)
        : CalendarData.ranges(provisional) + (provisional.contains(thisYear + 5) ? " and later" : ""));
    coverage.put("currentYearProvisional", !calendar.isOfficial(thisYear));
    coverage.put("nextYearProvisional", !calendar.isOfficial(thisYear + 1));
    coverage.put("revision", calendar.revision());
    coverage.put("checkedOn", LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), properties.zone()).toString());
    return coverage;
  }
}
