package cn.hrss.assessment.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.SortedSet;

/**
 * Working days of the People's Republic of China (DOMAIN.md §6): Monday-Friday, minus the statutory holidays
 * and the weekdays given off around them, plus the adjusted working weekend days (调休上班) of the State
 * Council's yearly 放假安排 notice.
 *
 * <p>Data: tyme4j's legal-holiday table (complete years 2002-2026 in tyme4j 1.4.9), replaced per year by the
 * operator's override file ({@code assessment.calendar.override-file}, see {@link CalendarOverrideFile}).
 *
 * <p>Missing years: a year without a complete schedule is never treated as a plain Monday-Friday year. Any
 * question about a day of such a year throws {@link CalendarDataMissingException} naming the year and how to
 * add it. Used from BPMN (through {@link WorkingDays}), the exception makes the engine refuse the command: a
 * process start or task completion through REST fails with the message, and in an asynchronous job the
 * engine retries and then raises an incident in Cockpit. Once the operator adds the year to the override file
 * and restarts, "Retry" in Cockpit resolves the incident.
 */
public class WorkingDayCalendar {

  private final CalendarData data;

  WorkingDayCalendar(CalendarData data) {
    this.data = data;
  }

  /**
   * The calendar of the built-in data only (no override file), for plain unit tests of other features that
   * need real working days without a Spring context. The application uses the bean.
   */
  public static WorkingDayCalendar builtIn() {
    return new WorkingDayCalendar(CalendarData.fromTyme());
  }

  /** Is {@code date} a working day? */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (!data.covered().contains(date.getYear())) {
      throw new CalendarDataMissingException(date.getYear(), data.description());
    }
    Boolean exception = data.exceptions().get(date);
    if (exception != null) {
      return exception;
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /**
   * The {@code n}-th working day after {@code start}; {@code start} itself is not counted, whether or not it is
   * a working day (2026-02-12 + 10 = 2026-03-04). {@code n = 0} returns {@code start}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws CalendarDataMissingException if a day to be counted lies in a year without data
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    Objects.requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate day = start;
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * Working days in ({@code fromExclusive}, {@code toInclusive}]; 0 if {@code toInclusive} is not after
   * {@code fromExclusive}. Inverse of {@link #addWorkingDays}: {@code workingDaysBetween(d, addWorkingDays(d, n))
   * == n}.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    int count = 0;
    for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** Years with a complete schedule, for start-up logs and health checks. */
  public SortedSet<Integer> coveredYears() {
    return data.covered();
  }

  /** Where the data comes from and which years it covers. */
  public String describe() {
    return data.description();
  }
}
