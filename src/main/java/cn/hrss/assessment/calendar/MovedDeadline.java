package cn.hrss.assessment.calendar;

import java.time.Instant;

/**
 * A deadline the recomputation changed (moved, or kept for the party although the new data give an earlier date), told to {@link DeadlineMoveListener}s (case history, e-mail to the party).
 *
 * @param previous the deadline before
 * @param due the deadline now in force
 * @param computed what the new calendar data alone give (earlier than {@code due} when a party's window was kept)
 * @param provisional whether {@code due} still rests on a provisional year
 * @param reason why it was recomputed (which year's schedule was loaded, and the administrator's reason)
 */
public record MovedDeadline(String kind, DeadlineKind.Binding binding, String processInstanceId, String reference,
    Instant previous, Instant due, Instant computed, boolean provisional, String reason) {

  /** Did the deadline get later? */
  public boolean later() {
    return due.isAfter(previous);
  }

  /** Was a party's deadline kept because the new data would have shortened it (信赖保护)? */
  public boolean kept() {
    return due.equals(previous) && computed.isBefore(previous);
  }
}
