package cn.hrss.assessment.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every working-day deadline of a case with what it was counted from ({@code calendar_deadline}), and every
 * change a recomputation made ({@code calendar_deadline_change}). Written in the caller's transaction: a
 * deadline is registered together with the process step that computes it.
 */
public class DeadlineLedger {

  /** A recorded change, for a case's history. */
  public record Change(String kind, Instant previous, Instant due, Instant computed, String reason, Instant at) {}

  private static final String COLUMNS = "id, kind, process_instance_id, reference, counted_from, working_days, due_at,"
      + " first_year, last_year, provisional, calendar_revision";

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  DeadlineLedger(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  /**
   * Records (or replaces: one deadline per kind and process instance, e.g. a new acceptance period after a
   * supplement) a computed deadline.
   */
  void register(String kind, String processInstanceId, String reference, LocalDate countedFrom,
      int workingDays, Instant dueAt, boolean provisional, long revision) {
    Timestamp now = now();
    int firstYear = countedFrom.plusDays(1).getYear();
    int lastYear = dueAt.atZone(zone).getYear();
    int updated = jdbc.update("UPDATE calendar_deadline SET reference = ?, counted_from = ?, working_days = ?,"
            + " due_at = ?, first_year = ?, last_year = ?, provisional = ?, calendar_revision = ?, is_open = TRUE,"
            + " updated_at = ? WHERE process_instance_id = ? AND kind = ?",
        reference, java.sql.Date.valueOf(countedFrom), workingDays, Timestamp.from(dueAt), firstYear,
        Math.max(firstYear, lastYear), provisional, revision, now, processInstanceId, kind);
    if (updated == 0) {
      jdbc.update("INSERT INTO calendar_deadline (kind, process_instance_id, reference, counted_from, working_days,"
              + " due_at, first_year, last_year, provisional, calendar_revision, is_open, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)",
          kind, processInstanceId, reference, java.sql.Date.valueOf(countedFrom), workingDays, Timestamp.from(dueAt),
          firstYear, Math.max(firstYear, lastYear), provisional, revision, now, now);
    }
  }

  /**
   * Open deadlines computed before {@code revision} over a year whose stored schedule changed after they were
   * computed: the ones a recomputation must look at. Oldest first, at most {@code limit}.
   */
  List<DeadlineEntry> stale(long revision, long afterId, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM calendar_deadline d WHERE d.is_open = TRUE AND d.id > ?"
        + " AND d.calendar_revision < ? AND EXISTS (SELECT 1 FROM calendar_year y WHERE y.revision > d.calendar_revision"
        + " AND y.cal_year BETWEEN d.first_year AND d.last_year) ORDER BY d.id FETCH FIRST " + limit + " ROWS ONLY",
        DeadlineLedger::entry, afterId, revision);
  }

  /**
   * Takes a deadline for recomputation: only one node, and only once per revision, gets {@code true}. Undone with
   * the caller's transaction if the recomputation fails.
   */
  boolean claim(DeadlineEntry entry, long revision) {
    // The whole row as read, not only its revision: a deadline registered anew meanwhile (a second supplement
    // request, on another node) keeps its revision but counts from another day, and must not be overwritten with
    // a recomputation of the old count.
    return jdbc.update("UPDATE calendar_deadline SET calendar_revision = ?, updated_at = ? WHERE id = ?"
        + " AND calendar_revision = ? AND is_open = TRUE AND counted_from = ? AND working_days = ? AND due_at = ?",
        revision, now(), entry.id(), entry.revision(), java.sql.Date.valueOf(entry.countedFrom()), entry.workingDays(),
        Timestamp.from(entry.dueAt())) == 1;
  }

  void update(DeadlineEntry entry, Instant dueAt, boolean provisional) {
    int lastYear = dueAt.atZone(zone).getYear();
    jdbc.update("UPDATE calendar_deadline SET due_at = ?, provisional = ?, last_year = ?, updated_at = ? WHERE id = ?",
        Timestamp.from(dueAt), provisional, Math.max(entry.firstYear(), lastYear), now(), entry.id());
  }

  void close(DeadlineEntry entry) {
    jdbc.update("UPDATE calendar_deadline SET is_open = FALSE, updated_at = ? WHERE id = ?", now(), entry.id());
  }

  /** Closes deadlines that passed before {@code before}: their waits are over, nothing can move them any more. */
  int closePassed(Instant before) {
    return jdbc.update("UPDATE calendar_deadline SET is_open = FALSE, updated_at = ? WHERE is_open = TRUE AND due_at < ?",
        now(), Timestamp.from(before));
  }

  void recordChange(DeadlineEntry entry, Instant due, Instant computed, String reason, long revision) {
    jdbc.update("INSERT INTO calendar_deadline_change (deadline_id, reference, kind, old_due_at, new_due_at,"
            + " computed_due_at, reason, calendar_revision, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.id(), entry.reference(), entry.kind(), Timestamp.from(entry.dueAt()), Timestamp.from(due),
        Timestamp.from(computed), reason.length() > 1000 ? reason.substring(0, 1000) : reason, revision, now());
  }

  /** The changes made to a case's deadlines, oldest first. */
  public List<Change> changes(String reference) {
    return jdbc.query("SELECT kind, old_due_at, new_due_at, computed_due_at, reason, changed_at FROM"
        + " calendar_deadline_change WHERE reference = ? ORDER BY changed_at, id", (rs, n) -> new Change(
        rs.getString("kind"), rs.getTimestamp("old_due_at").toInstant(), rs.getTimestamp("new_due_at").toInstant(),
        rs.getTimestamp("computed_due_at").toInstant(), rs.getString("reason"), rs.getTimestamp("changed_at").toInstant()),
        reference);
  }

  /** The deadlines registered for a case (open or not). */
  public List<DeadlineEntry> entries(String reference) {
    return jdbc.query("SELECT " + COLUMNS + " FROM calendar_deadline WHERE reference = ? ORDER BY id",
        DeadlineLedger::entry, reference);
  }

  private static DeadlineEntry entry(ResultSet rs, int n) throws SQLException {
    return new DeadlineEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("process_instance_id"),
        rs.getString("reference"), rs.getDate("counted_from").toLocalDate(), rs.getInt("working_days"),
        rs.getTimestamp("due_at").toInstant(), rs.getInt("first_year"), rs.getInt("last_year"),
        rs.getBoolean("provisional"), rs.getLong("calendar_revision"));
  }

  private static Timestamp now() {
    return Timestamp.from(ClockUtil.getCurrentTime().toInstant());
  }
}
