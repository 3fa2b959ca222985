package cn.hrss.assessment.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Expression bean {@code workingDays}: deadlines in working days for BPMN models. Returns
 * {@link java.util.Date}, which both a user task's {@code camunda:dueDate} and a timer's {@code timeDate}
 * accept:
 *
 * <pre>
 * &lt;bpmn:userTask id="Task_ReviewCompleteness" camunda:dueDate="${workingDays.after(deadlines.acceptance)}"/&gt;
 * &lt;bpmn:timerEventDefinition&gt;
 *   &lt;bpmn:timeDate xsi:type="bpmn:tFormalExpression"&gt;${workingDays.after(deadlines.publicNotice)}&lt;/bpmn:timeDate&gt;
 * &lt;/bpmn:timerEventDefinition&gt;
 * </pre>
 *
 * A deadline is the end (23:59:59 in {@code assessment.calendar.zone}, default Asia/Shanghai) of the n-th
 * working day after today; "today" is the engine clock ({@link ClockUtil#getCurrentTime()}) so that tests can
 * move time. The date is taken in the configured zone, not the server's, because the regulations count days
 * in Beijing time whatever zone the server runs in.
 *
 * <p>If the deadline falls in a year without calendar data, {@link CalendarDataMissingException} propagates
 * out of the expression: the engine refuses the command (REST: error response) or, in an asynchronous job,
 * raises an incident after its retries (see {@link WorkingDayCalendar}).
 */
public class WorkingDays {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;

  WorkingDays(WorkingDayCalendar calendar, ZoneId zone) {
    this.calendar = calendar;
    this.zone = zone;
  }

  /** End of the {@code n}-th working day after the engine's current date. */
  public Date after(int n) {
    return afterFrom(ClockUtil.getCurrentTime(), n);
  }

  /** End of the {@code n}-th working day after the date (in the calendar zone) of {@code from}. */
  public Date afterFrom(Date from, int n) {
    Objects.requireNonNull(from, "from");
    LocalDate start = from.toInstant().atZone(zone).toLocalDate();
    return Date.from(calendar.addWorkingDays(start, n).atTime(END_OF_DAY).atZone(zone).toInstant());
  }

  /** The {@code n}-th working day after the engine's current date, as a date (for notices and variables). */
  public LocalDate dueDate(int n) {
    return calendar.addWorkingDays(ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate(), n);
  }

  /** The zone the calendar counts days in. */
  public ZoneId zone() {
    return zone;
  }
}
