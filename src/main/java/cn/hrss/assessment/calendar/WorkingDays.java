package cn.hrss.assessment.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Expression bean {@code workingDays}: deadlines in working days for BPMN models. Returns
 * {@link java.util.Date}, which both a user task's {@code camunda:dueDate} and a timer's {@code timeDate}
 * accept:
 *
 * <pre>
 * &lt;bpmn:userTask id="Task_ReviewCompleteness"
 *     camunda:dueDate="${workingDays.deadline(execution, 'acceptanceDue', deadlines.acceptance)}"/&gt;
 * &lt;bpmn:timerEventDefinition&gt;
 *   &lt;bpmn:timeDate xsi:type="bpmn:tFormalExpression"&gt;${publicNoticeClosesAt}&lt;/bpmn:timeDate&gt;
 * &lt;/bpmn:timerEventDefinition&gt;
 * </pre>
 *
 * A deadline is the end (23:59:59 in {@code assessment.calendar.zone}, default Asia/Shanghai) of the n-th
 * working day after today; "today" is the engine clock ({@link ClockUtil#getCurrentTime()}) so that tests can
 * move time. The date is taken in the configured zone, not the server's, because the regulations count days
 * in Beijing time whatever zone the server runs in.
 *
 * <p>{@link #deadline} also records the deadline in the {@link DeadlineLedger} (in the engine's transaction),
 * under a {@link DeadlineKind} a feature declared: it is then recomputed when a year it counted over changes
 * (DOMAIN.md §6). A deadline reaching a year without an official schedule is computed on the provisional
 * calendar, never refused.
 */
public class WorkingDays {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final DeadlineLedger ledger;
  private final DeadlineKinds kinds;

  WorkingDays(WorkingDayCalendar calendar, ZoneId zone, DeadlineLedger ledger, DeadlineKinds kinds) {
    this.calendar = calendar;
    this.zone = zone;
    this.ledger = ledger;
    this.kinds = kinds;
  }

  /** Without a ledger: plain computations only ({@link #deadline} refused), for unit tests. */
  WorkingDays(WorkingDayCalendar calendar, ZoneId zone) {
    this(calendar, zone, null, null);
  }

  /**
   * End of the {@code n}-th working day after the engine's current date, recorded as the {@code kind} deadline of
   * the execution's process instance (one per kind and instance: a later computation replaces it).
   *
   * @throws IllegalArgumentException if no feature declared {@code kind}
   */
  public Date deadline(DelegateExecution execution, String kind, int n) {
    Objects.requireNonNull(execution, "execution");
    return Date.from(register(kind, execution.getProcessInstanceId(), execution.getProcessBusinessKey(), n));
  }

  /**
   * The same for Java code: a {@code kind} deadline of {@code processInstanceId} (case {@code reference}) counted
   * from today, recorded in the caller's transaction.
   */
  public Instant register(String kind, String processInstanceId, String reference, int n) {
    if (ledger == null) {
      throw new IllegalStateException("no deadline ledger in this configuration");
    }
    kinds.require(kind);
    LocalDate today = today();
    WorkingDayCalendar.Count count = calendar.count(today, n);
    Instant due = endOf(count.due());
    ledger.register(kind, processInstanceId, reference == null ? processInstanceId : reference, today, n, due,
        count.provisional(), count.revision());
    return due;
  }

  /** End of the {@code n}-th working day after the engine's current date (not recorded). */
  public Date after(int n) {
    return afterFrom(ClockUtil.getCurrentTime(), n);
  }

  /** End of the {@code n}-th working day after the date (in the calendar zone) of {@code from} (not recorded). */
  public Date afterFrom(Date from, int n) {
    Objects.requireNonNull(from, "from");
    LocalDate start = from.toInstant().atZone(zone).toLocalDate();
    return Date.from(endOf(calendar.addWorkingDays(start, n)));
  }

  /** The {@code n}-th working day after the engine's current date, as a date (not recorded). */
  public LocalDate dueDate(int n) {
    return calendar.addWorkingDays(today(), n);
  }

  /**
   * Is a deadline (any date-like value: {@link Date}, {@link Instant}, {@link LocalDate}, an ISO date string) provisional, i.e. does
   * the count from today to it (or, once passed, its own day) rest on a year without an official schedule?
   * {@code false} for {@code null}.
   */
  public boolean isProvisional(Object deadline) {
    LocalDate date = toDate(deadline);
    if (date == null) {
      return false;
    }
    LocalDate today = today();
    // A deadline already passed was counted up to its own day: only its year can still be provisional (a date of
    // December 2026 seen in January 2027 rests on 2026 alone).
    return date.isBefore(today) ? !calendar.isOfficial(date.getYear()) : calendar.anyProvisional(today, date);
  }

  /** End (23:59:59 in the calendar zone) of {@code day}. */
  Instant endOf(LocalDate day) {
    return day.atTime(END_OF_DAY).atZone(zone).toInstant();
  }

  /** The zone the calendar counts days in. */
  public ZoneId zone() {
    return zone;
  }

  private LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }

  private LocalDate toDate(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof LocalDate date) {
      return date;
    } else if (value instanceof Instant instant) {
      return instant.atZone(zone).toLocalDate();
    } else if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    } else if (value instanceof java.time.temporal.TemporalAccessor temporal) {
      return LocalDate.from(temporal);
    } else if (value instanceof CharSequence text && text.length() >= 10) {
      return LocalDate.parse(text.subSequence(0, 10)); // an ISO date as stored in a document
    }
    throw new IllegalArgumentException("not a date: " + value);
  }
}
