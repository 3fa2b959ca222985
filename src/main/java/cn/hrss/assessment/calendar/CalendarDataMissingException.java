package cn.hrss.assessment.calendar;

/**
 * A working-day computation needed a year for which no complete holiday schedule is known (neither tyme4j nor
 * the override file). Never guessed as a plain Monday-Friday year: the State Council's 调休 shifts deadlines by
 * days (DOMAIN.md §6), so a missing year must stop the computation and reach an operator.
 *
 * <p>Thrown from a BPMN expression ({@code ${workingDays.after(...)}}) it makes the engine roll back the
 * command: a REST call answers with an error, an asynchronous job retries and then raises an incident in
 * Cockpit carrying this message.
 */
public class CalendarDataMissingException extends RuntimeException {

  private final int year;

  CalendarDataMissingException(int year, String coverage) {
    super("缺少 " + year + " 年的工作日历数据 / no working-day calendar data for " + year + " (" + coverage + "). "
        + "Add the State Council's " + year + " holiday schedule (放假安排) to the calendar override file "
        + "(property assessment.calendar.override-file, see config/calendar-override.example.yml) "
        + "with complete: true, then restart the application.");
    this.year = year;
  }

  /** The year without calendar data. */
  public int getYear() {
    return year;
  }
}
