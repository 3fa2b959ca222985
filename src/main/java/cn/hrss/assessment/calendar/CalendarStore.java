package cn.hrss.assessment.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The official schedules loaded at run time ({@code calendar_year}) and their revision counter, the source of
 * {@link WorkingDayCalendar} on every node. The base data (tyme4j and the override file) are read once at start;
 * the stored years are layered on top at each revision.
 */
class CalendarStore implements WorkingDayCalendar.Source {

  /** A year as stored. */
  record StoredYear(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> workdays, String reason,
      String loadedBy, String loadedAt, long revision) {}

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JdbcTemplate jdbc;
  private final Supplier<CalendarData> base;
  private final ZoneId zone;

  CalendarStore(JdbcTemplate jdbc, Supplier<CalendarData> base, ZoneId zone) {
    this.jdbc = jdbc;
    this.base = base;
    this.zone = zone;
  }

  @Override
  public long revision() {
    Long revision = jdbc.queryForObject("SELECT revision FROM calendar_revision WHERE id = 1", Long.class);
    return revision == null ? 0 : revision;
  }

  @Override
  public CalendarData load() {
    return base.get().withStoredYears(years());
  }

  List<StoredYear> years() {
    return jdbc.query("SELECT cal_year, holidays, workdays, reason, loaded_by, loaded_at, revision FROM calendar_year"
        + " ORDER BY cal_year", (rs, n) -> new StoredYear(rs.getInt("cal_year"), dates(rs.getString("holidays")),
        dates(rs.getString("workdays")), rs.getString("reason"), rs.getString("loaded_by"),
        SHOWN.format(rs.getTimestamp("loaded_at").toInstant().atZone(zone)), rs.getLong("revision")));
  }

  Optional<StoredYear> year(int year) {
    return years().stream().filter(y -> y.year() == year).findFirst();
  }

  /** Locks the revision row until the caller's transaction ends: loads of schedules are serialised. */
  void lock() {
    jdbc.update("UPDATE calendar_revision SET revision = revision WHERE id = 1");
  }

  /**
   * Stores a year (replacing a stored one) and returns the new revision. Must run in the caller's transaction:
   * the revision row's lock serialises concurrent loads, and the recomputation that follows reads the year.
   */
  long store(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> workdays, String reason, String loadedBy,
      Instant at, CalendarYear.Source replaced) {
    jdbc.update("UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1");
    long revision = revision();
    Timestamp now = Timestamp.from(at);
    String h = join(holidays);
    String w = join(workdays);
    int updated = jdbc.update("UPDATE calendar_year SET holidays = ?, workdays = ?, reason = ?, loaded_by = ?,"
        + " loaded_at = ?, revision = ? WHERE cal_year = ?", h, w, reason, loadedBy, now, revision, year);
    if (updated == 0) {
      jdbc.update("INSERT INTO calendar_year (cal_year, holidays, workdays, reason, loaded_by, loaded_at, revision)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", year, h, w, reason, loadedBy, now, revision);
    }
    jdbc.update("INSERT INTO calendar_year_history (cal_year, holidays, workdays, reason, loaded_by, loaded_at,"
        + " revision, replaced_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", year, h, w, reason, loadedBy, now, revision,
        replaced.name());
    return revision;
  }

  /** Years whose stored schedule is newer than {@code revision}. */
  List<Integer> yearsChangedAfter(long revision) {
    return jdbc.queryForList("SELECT cal_year FROM calendar_year WHERE revision > ? ORDER BY cal_year", Integer.class,
        revision);
  }

  private static String join(Collection<LocalDate> dates) {
    return dates.stream().map(LocalDate::toString).collect(Collectors.joining(","));
  }

  private static SortedSet<LocalDate> dates(String joined) {
    SortedSet<LocalDate> dates = new TreeSet<>();
    if (joined != null && !joined.isBlank()) {
      Arrays.stream(joined.split(",")).map(String::trim).map(LocalDate::parse).forEach(dates::add);
    }
    return dates;
  }
}
