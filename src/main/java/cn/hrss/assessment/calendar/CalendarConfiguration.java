package cn.hrss.assessment.calendar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** Builds the calendar once at start-up; an invalid override file stops the start with its problems listed. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);
  private static final String CLASSPATH = "classpath:";

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
    CalendarData data = CalendarData.fromTyme();
    String file = properties.overrideFile();
    if (file != null && !file.isBlank()) {
      data = data.withOverrides(read(file.trim()));
    }
    WorkingDayCalendar calendar = new WorkingDayCalendar(data);
    LOG.info("Working-day calendar: {}", calendar.describe());
    int thisYear = LocalDate.now(properties.zone()).getYear();
    for (int year : List.of(thisYear, thisYear + 1)) {
      if (!calendar.coveredYears().contains(year)) {
        // Not fatal (deadlines may not reach that year yet), but every deadline that does will fail.
        LOG.warn("Working-day calendar has no data for {}: deadlines reaching into {} will fail until its "
            + "schedule is added to assessment.calendar.override-file", year, year);
      }
    }
    return calendar;
  }

  @Bean
  WorkingDays workingDays(WorkingDayCalendar workingDayCalendar, CalendarProperties properties) {
    return new WorkingDays(workingDayCalendar, properties.zone());
  }

  private static CalendarOverrideFile read(String location) {
    if (!location.startsWith(CLASSPATH)) {
      return CalendarOverrideFile.read(Path.of(location));
    }
    ClassPathResource resource = new ClassPathResource(location.substring(CLASSPATH.length()));
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return CalendarOverrideFile.parse(location, reader);
    } catch (IOException e) {
      throw new InvalidCalendarOverrideException(location, List.of("cannot be read: " + e.getMessage()));
    }
  }
}
