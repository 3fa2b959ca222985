package cn.hrss.assessment.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days of the People's Republic of China (DOMAIN.md §6): Monday-Friday, minus the statutory holidays
 * and the weekdays given off around them, plus the adjusted working weekend days (调休上班) of the State
 * Council's yearly 放假安排 notice.
 *
 * <p>Official years: tyme4j's legal-holiday table (2002-2026 in tyme4j 1.4.9), the operator's override file
 * ({@code assessment.calendar.override-file}), and the schedules an administrator loads at run time
 * ({@code PUT /api/calendar/{year}}), see {@link CalendarData}.
 *
 * <p>Every other year is <b>provisional</b>: derived from the statutory holidays of 《全国年节及纪念日放假办法》
 * ({@link StatutoryHolidays}). A computation never fails for want of data (a deadline five years ahead is
 * computed as well as one next week); callers learn whether a result rests on a provisional year from
 * {@link #anyProvisional}, so that it is shown as 暂定 and recomputed when the official schedule arrives
 * ({@link DeadlineRecomputation}).
 *
 * <p>Run-time loads reach every node: with a {@link Source} (the database), each public question first compares
 * the source's revision with the one this node holds (one primary-key read) and reloads when it changed.
 */
public class WorkingDayCalendar {

  /** Where official data live and change at run time. */
  interface Source {
    /** The revision of the stored data; changes with every load. */
    long revision();

    /** The official data at that revision. */
    CalendarData load();
  }

  private record Snapshot(long revision, CalendarData data) {}

  private final Source source;
  private volatile Snapshot snapshot;
  /** Provisional years do not depend on the data: their rules are fixed, so they are derived once per year. */
  private final Map<Integer, SortedMap<LocalDate, String>> provisional = new ConcurrentHashMap<>();

  WorkingDayCalendar(CalendarData data) {
    this.source = null;
    this.snapshot = new Snapshot(0, data);
  }

  /** Reads the source at the first question, not here: the database may not be migrated yet. */
  WorkingDayCalendar(Source source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * The calendar of the built-in data only (no override file, no stored years), for plain unit tests of other
   * features that need real working days without a Spring context. The application uses the bean.
   */
  public static WorkingDayCalendar builtIn() {
    return new WorkingDayCalendar(CalendarData.fromTyme());
  }

  /** Is {@code date} a working day? */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return isWorkingDay(current().data(), date);
  }

  /**
   * The {@code n}-th working day after {@code start}; {@code start} itself is not counted, whether or not it is
   * a working day (2026-02-12 + 10 = 2026-03-04). {@code n = 0} returns {@code start}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    return count(start, n).due();
  }

  /**
   * A count of {@code n} working days after {@code start} on one consistent set of data.
   *
   * @param due the n-th working day after {@code start}
   * @param provisional whether a day counted (or the due day) lies in a provisional year
   * @param revision the revision of the data counted on
   */
  record Count(LocalDate due, boolean provisional, long revision) {}

  Count count(LocalDate start, int n) {
    Objects.requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    Snapshot held = current();
    CalendarData data = held.data();
    LocalDate day = start;
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(data, day)) {
        counted++;
      }
    }
    boolean provisional = false;
    for (int year = start.plusDays(n == 0 ? 0 : 1).getYear(); year <= day.getYear(); year++) {
      provisional |= !data.official().containsKey(year);
    }
    return new Count(day, provisional, held.revision());
  }

  /**
   * Working days in ({@code fromExclusive}, {@code toInclusive}]; 0 if {@code toInclusive} is not after
   * {@code fromExclusive}. Inverse of {@link #addWorkingDays}: {@code workingDaysBetween(d, addWorkingDays(d, n))
   * == n}.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    CalendarData data = current().data();
    int count = 0;
    for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
      if (isWorkingDay(data, day)) {
        count++;
      }
    }
    return count;
  }

  /** Does the year have an official schedule (built in, override file or loaded)? */
  public boolean isOfficial(int year) {
    return current().data().official().containsKey(year);
  }

  /**
   * Does a count over the days from {@code from} to {@code to} (either order, both included) rest on a
   * provisional year? Used to mark a deadline 暂定.
   */
  public boolean anyProvisional(LocalDate from, LocalDate to) {
    CalendarData data = current().data();
    int first = Math.min(from.getYear(), to.getYear());
    int last = Math.max(from.getYear(), to.getYear());
    for (int year = first; year <= last; year++) {
      if (!data.official().containsKey(year)) {
        return true;
      }
    }
    return false;
  }

  /** A whole year as {@code GET /api/calendar/{year}} shows it. */
  public CalendarYear year(int year) {
    CalendarData data = current().data();
    String basis = data.official().get(year);
    SortedSet<LocalDate> holidays = new TreeSet<>();
    SortedSet<LocalDate> workdays = new TreeSet<>();
    if (basis == null) {
      holidays.addAll(provisionalDaysOff(year).keySet());
      return new CalendarYear(year, CalendarYear.Source.PROVISIONAL, holidays, workdays,
          StatutoryHolidays.provisionalBasis(year));
    }
    data.exceptions().forEach((date, working) -> {
      if (date.getYear() == year) {
        (working ? workdays : holidays).add(date);
      }
    });
    return new CalendarYear(year, CalendarYear.Source.OFFICIAL, holidays, workdays, basis);
  }

  /** Years with an official schedule, for start-up logs and health checks. */
  public SortedSet<Integer> officialYears() {
    return current().data().covered();
  }

  /** Where the data comes from and which years it covers. */
  public String describe() {
    return current().data().description();
  }

  /** The revision of the official data this node uses (0 without a run-time source). */
  public long revision() {
    return current().revision();
  }

  /** Reloads now if the stored data changed (after this node stored a year itself, for example). */
  void refresh() {
    current();
  }

  private Snapshot current() {
    Snapshot held = snapshot;
    if (source == null) {
      return held;
    }
    long revision = source.revision();
    if (held != null && revision == held.revision()) {
      return held;
    }
    synchronized (this) {
      if (snapshot == null || snapshot.revision() != revision) {
        snapshot = new Snapshot(revision, source.load());
      }
      return snapshot;
    }
  }

  private boolean isWorkingDay(CalendarData data, LocalDate date) {
    Boolean exception = data.exceptions().get(date);
    if (exception != null) {
      return exception;
    }
    if (!data.official().containsKey(date.getYear()) && provisionalDaysOff(date.getYear()).containsKey(date)) {
      return false;
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private SortedMap<LocalDate, String> provisionalDaysOff(int year) {
    if (year < StatutoryHolidays.firstYear()) {
      throw new IllegalArgumentException("The working-day calendar starts in " + StatutoryHolidays.firstYear()
          + "; no day of " + year + " can be counted");
    }
    return provisional.computeIfAbsent(year, StatutoryHolidays::provisionalDaysOff);
  }
}
