package cn.hrss.assessment.calendar;

/**
 * Told of every deadline a recomputation changed (moved, or kept for the party: {@link MovedDeadline#kept()}), inside the recomputation's transaction: features record the
 * change in the case's history and tell the party (through an asynchronous notice, so that SMTP never holds the
 * transaction). Throwing rolls the recomputation of that deadline back; it is tried again later.
 */
public interface DeadlineMoveListener {

  void moved(MovedDeadline moved);
}
