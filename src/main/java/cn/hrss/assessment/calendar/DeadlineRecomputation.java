package cn.hrss.assessment.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the open deadlines that counted over a year whose schedule changed (CONTRACT.md: "Open deadlines
 * computed on that year are recomputed: a party's window is never shortened").
 *
 * <ul>
 *   <li>Rules: a {@link DeadlineKind.Binding#PARTY party's} deadline keeps the later of the old and the new date
 *       (信赖保护); an {@link DeadlineKind.Binding#AUTHORITY authority's} takes the new date, earlier or later.
 *       Every change is recorded (old, new, what the data alone give, why) and told to the
 *       {@link DeadlineMoveListener}s (case history, e-mail to the party).</li>
 *   <li>Bounded transactions: one transaction per deadline, so a case that moves at that moment (optimistic
 *       locking) fails alone; it is claimed again by the next sweep.</li>
 *   <li>Idempotent and cluster-safe: a deadline is claimed by a conditional update of its calendar revision,
 *       so each is recomputed once per revision, by one node. A second identical load changes no revision and so
 *       nothing at all.</li>
 *   <li>Nothing missed: a deadline computed on another node from stale data while a year was loaded carries the
 *       old revision, and the periodic {@link #sweep()} picks it up.</li>
 * </ul>
 */
public class DeadlineRecomputation {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineRecomputation.class);
  private static final int BATCH = 100;
  /** A deadline more than this long past has had its consequences (the timer fired): it is closed. */
  private static final Duration PASSED = Duration.ofDays(7);

  /**
   * What a run did.
   *
   * @param moved deadlines whose date changed
   * @param kept party deadlines the new data would have shortened: kept at their date, the change recorded
   * @param remarked deadlines that kept their date but no longer (or still) rest on a provisional year
   * @param deferred deadlines that could not be recomputed now (the case moved at that moment): the next sweep
   *     takes them
   */
  public record Result(int moved, int kept, int remarked, int deferred) {}

  private enum Outcome { NONE, REMARKED, KEPT, MOVED }

  private final WorkingDayCalendar calendar;
  private final WorkingDays workingDays;
  private final DeadlineLedger ledger;
  private final CalendarStore store;
  private final DeadlineKinds kinds;
  private final ObjectProvider<DeadlineMoveListener> listeners;
  private final TransactionTemplate transaction;

  DeadlineRecomputation(WorkingDayCalendar calendar, WorkingDays workingDays, DeadlineLedger ledger,
      CalendarStore store, DeadlineKinds kinds, ObjectProvider<DeadlineMoveListener> listeners,
      TransactionTemplate transaction) {
    this.calendar = calendar;
    this.workingDays = workingDays;
    this.ledger = ledger;
    this.store = store;
    this.kinds = kinds;
    this.listeners = listeners;
    this.transaction = transaction;
  }

  /** Recomputes every stale deadline now. */
  public Result recomputeStale() {
    calendar.refresh();
    long revision = calendar.revision();
    int moved = 0;
    int kept = 0;
    int remarked = 0;
    int deferred = 0;
    long after = 0;
    List<DeadlineEntry> batch;
    do {
      batch = ledger.stale(revision, after, BATCH);
      for (DeadlineEntry entry : batch) {
        try {
          Outcome outcome = transaction.execute(tx -> recompute(entry, revision));
          if (outcome == Outcome.MOVED) {
            moved++;
          } else if (outcome == Outcome.KEPT) {
            kept++;
          } else if (outcome == Outcome.REMARKED) {
            remarked++;
          }
        } catch (RuntimeException e) {
          // Typically the case moved at this moment (OptimisticLockingException): tried again by the next sweep.
          deferred++;
          LOG.info("Deadline {} of {} ({}) not recomputed now, will be retried: {}", entry.kind(), entry.reference(),
              entry.id(), e.toString());
        }
        after = entry.id();
      }
    } while (batch.size() == BATCH);
    if (moved + kept + remarked + deferred > 0) {
      LOG.info("Deadlines recomputed on calendar revision {}: {} moved, {} kept for the party, {} re-marked, {} deferred",
          revision, moved, kept, remarked, deferred);
    }
    return new Result(moved, kept, remarked, deferred);
  }

  /** Periodic safety net on every node (stale deadlines, passed ones closed). */
  public void sweep() {
    int closed = transaction.execute(tx -> ledger.closePassed(ClockUtil.getCurrentTime().toInstant().minus(PASSED)));
    if (closed > 0) {
      LOG.debug("Closed {} passed deadlines", closed);
    }
    recomputeStale();
  }

  private Outcome recompute(DeadlineEntry entry, long revision) {
    if (!ledger.claim(entry, revision)) {
      return Outcome.NONE; // another node, or an earlier run, took it
    }
    Optional<DeadlineKind> found = kinds.find(entry.kind());
    if (found.isEmpty()) {
      LOG.warn("Deadline {} of {} has an unknown kind {}: closed without recomputation", entry.id(),
          entry.reference(), entry.kind());
      ledger.close(entry);
      return Outcome.NONE;
    }
    DeadlineKind kind = found.get();
    if (!kind.isOpen(entry)) {
      ledger.close(entry);
      return Outcome.NONE;
    }
    WorkingDayCalendar.Count count = calendar.count(entry.countedFrom(), entry.workingDays());
    Instant computed = workingDays.endOf(count.due());
    // 信赖保护: a party keeps the later date; the authority follows the official data.
    Instant due = kind.binding() == DeadlineKind.Binding.PARTY && computed.isBefore(entry.dueAt()) ? entry.dueAt() : computed;
    boolean moved = !due.equals(entry.dueAt());
    boolean recomputed = !computed.equals(entry.dueAt());
    boolean provisional = count.provisional();
    if (!recomputed && provisional == entry.provisional()) {
      return Outcome.NONE;
    }
    String reason = reason(entry);
    ledger.update(entry, due, provisional);
    kind.apply(entry, due, moved, provisional, reason);
    if (!recomputed) {
      return Outcome.REMARKED;
    }
    // Recorded also when a party's date was kept: the new data gave an earlier date, and the case shows why not.
    ledger.recordChange(entry, due, computed, reason, revision);
    MovedDeadline change = new MovedDeadline(entry.kind(), kind.binding(), entry.processInstanceId(),
        entry.reference(), entry.dueAt(), due, computed, provisional, reason);
    listeners.orderedStream().forEach(listener -> listener.moved(change));
    LOG.info("Deadline {} of {} recomputed: {} → {} (the data give {}; {})", entry.kind(), entry.reference(),
        entry.dueAt(), due, computed, reason);
    return moved ? Outcome.MOVED : Outcome.KEPT;
  }

  /** Why: the years of its span loaded since it was computed, with the administrator's reasons. */
  private String reason(DeadlineEntry entry) {
    List<CalendarStore.StoredYear> loaded = store.years().stream()
        .filter(y -> y.revision() > entry.revision() && y.year() >= entry.firstYear() && y.year() <= entry.lastYear())
        .toList();
    String years = loaded.stream().map(y -> y.year() + "年").collect(Collectors.joining("、"));
    String reasons = loaded.stream().map(CalendarStore.StoredYear::reason).filter(r -> r != null && !r.isBlank())
        .collect(Collectors.joining("；"));
    // Bounded: it goes into the case's history and the registry's reason columns (VARCHAR(2000) and less).
    if (reasons.length() > 300) {
      reasons = reasons.substring(0, 300) + "…";
    }
    return "按国务院办公厅公布的" + (years.isEmpty() ? "" : years) + "节假日安排重新计算期限"
        + (reasons.isEmpty() ? "" : "（" + reasons + "）");
  }
}
