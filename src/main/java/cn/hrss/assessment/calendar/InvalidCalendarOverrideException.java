package cn.hrss.assessment.calendar;

import java.util.List;

/** The calendar override file is unusable; thrown at start-up so that the application refuses to start. */
public class InvalidCalendarOverrideException extends IllegalStateException {

  private final List<String> problems;

  InvalidCalendarOverrideException(String source, List<String> problems) {
    super("Calendar override file " + source + " (assessment.calendar.override-file) is invalid, "
        + "the application will not start:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, one line each with its location in the file. */
  public List<String> getProblems() {
    return problems;
  }
}
