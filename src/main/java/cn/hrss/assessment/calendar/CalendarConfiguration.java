package cn.hrss.assessment.calendar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar and its deadline ledger. The base data (tyme4j, then the override file) are read once at
 * start-up, and an invalid override file stops the start with its problems listed; the schedules loaded at run
 * time come from the database ({@link CalendarStore}).
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);
  private static final String CLASSPATH = "classpath:";

  @Bean
  CalendarStore calendarStore(JdbcTemplate jdbc, CalendarProperties properties) {
    CalendarData base = baseData(properties);
    LOG.info("Working-day calendar, built-in and override file: {}", base.description());
    return new CalendarStore(jdbc, () -> base, properties.zone());
  }

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarStore store) {
    return new WorkingDayCalendar(store);
  }

  @Bean
  DeadlineLedger deadlineLedger(JdbcTemplate jdbc, CalendarProperties properties) {
    return new DeadlineLedger(jdbc, properties.zone());
  }

  @Bean
  DeadlineKinds deadlineKinds(ObjectProvider<DeadlineKind> kinds) {
    return new DeadlineKinds(kinds);
  }

  @Bean
  WorkingDays workingDays(WorkingDayCalendar workingDayCalendar, CalendarProperties properties, DeadlineLedger ledger,
      DeadlineKinds kinds) {
    return new WorkingDays(workingDayCalendar, properties.zone(), ledger, kinds);
  }

  @Bean
  DeadlineRecomputation deadlineRecomputation(WorkingDayCalendar calendar, WorkingDays workingDays,
      DeadlineLedger ledger, CalendarStore store, DeadlineKinds kinds, ObjectProvider<DeadlineMoveListener> listeners,
      PlatformTransactionManager transactionManager) {
    return new DeadlineRecomputation(calendar, workingDays, ledger, store, kinds, listeners,
        new TransactionTemplate(transactionManager));
  }

  static CalendarData baseData(CalendarProperties properties) {
    CalendarData data = CalendarData.fromTyme();
    String file = properties.overrideFile();
    if (file != null && !file.isBlank()) {
      data = data.withOverrides(read(file.trim()));
    }
    return data;
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
