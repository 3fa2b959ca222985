package cn.hrss.assessment.calendar;

import java.sql.Timestamp;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * From {@code assessment.calendar.warn-from} (1 October) on: next year still without an official holiday schedule
 * is logged as a WARN each time it is checked (daily, {@link CalendarTasks}), and the managers are told once per
 * year ({@link ProvisionalYearAhead}), by whichever node notices first.
 */
@Component
class ProvisionalYearWarning {

  private static final Logger LOG = LoggerFactory.getLogger(ProvisionalYearWarning.class);

  private final WorkingDayCalendar calendar;
  private final CalendarProperties properties;
  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;

  ProvisionalYearWarning(WorkingDayCalendar calendar, CalendarProperties properties, JdbcTemplate jdbc,
      ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
    this.calendar = calendar;
    this.properties = properties;
    this.jdbc = jdbc;
    this.events = events;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Warns if today is on or after {@code warn-from} and next year is provisional; the managers' e-mail is claimed
   * by inserting the year into {@code calendar_warning} in the transaction that publishes the event.
   *
   * @return whether it warned
   */
  boolean check() {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(properties.zone()).toLocalDate();
    int next = today.getYear() + 1;
    if (today.isBefore(properties.warnFromDay().atYear(today.getYear())) || calendar.isOfficial(next)) {
      return false;
    }
    LOG.warn("Working-day calendar: {} has no official holiday schedule yet; deadlines reaching into {} are "
        + "provisional (暂定). Load the State Council's schedule with PUT /api/calendar/{} once it is published "
        + "(README \"Working-day calendar\").", next, next, next);
    Integer warned = jdbc.queryForObject("SELECT COUNT(*) FROM calendar_warning WHERE cal_year = ?", Integer.class, next);
    if (warned != null && warned == 0) {
      try {
        transaction.executeWithoutResult(tx -> {
          jdbc.update("INSERT INTO calendar_warning (cal_year, warned_at) VALUES (?, ?)", next,
              Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
          events.publishEvent(new ProvisionalYearAhead(next, today));
        });
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        LOG.debug("The managers were told about {} by another node", next);
      }
    }
    return true;
  }
}
