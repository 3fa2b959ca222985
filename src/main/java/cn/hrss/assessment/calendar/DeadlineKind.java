package cn.hrss.assessment.calendar;

import java.time.Instant;

/**
 * A kind of working-day deadline that the calendar may have to recompute when a year it counted over changes
 * (a provisional year replaced by the State Council's schedule, or an official year corrected). Features declare
 * their kinds as beans, most through {@link ProcessDeadlines}; the name is the one a status API shows the
 * deadline under and lists in {@code provisionalDeadlines} (CONTRACT.md).
 */
public interface DeadlineKind {

  /** Who the deadline limits, which decides how a recomputation may move it. */
  enum Binding {
    /**
     * A time the party has (supplement, statement, appeal, rectification, objections to a public notice): never
     * shortened by a recomputation (信赖保护, the party keeps the later date).
     */
    PARTY,
    /** A time the authority has (acceptance, report due dates): follows the official data, earlier or later. */
    AUTHORITY
  }

  /** Unique name, e.g. {@code supplementDue}. */
  String name();

  Binding binding();

  /** Is the deadline still running (the case still waits for it)? A closed one is left as it was. */
  boolean isOpen(DeadlineEntry entry);

  /**
   * Puts the recomputed deadline in force everywhere the case keeps it (variables, timers, task due dates,
   * tables). Runs in the recomputation's transaction; throwing rolls it back and the deadline is tried again.
   *
   * @param due the deadline now in force
   * @param moved whether {@code due} differs from {@link DeadlineEntry#dueAt()} (else only the provisional mark
   *     changed)
   * @param provisional whether {@code due} still rests on a provisional year
   */
  void apply(DeadlineEntry entry, Instant due, boolean moved, boolean provisional, String reason);
}
