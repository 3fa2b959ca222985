package cn.hrss.assessment.notification;

/** Delivery state of a notice. */
public enum NoticeStatus {
  /** Recorded, not yet sent (or the sending job crashed before it recorded the outcome). */
  PENDING,
  /** Accepted by the SMTP server; never sent again. */
  SENT,
  /** The last attempt failed; the job retries with backoff, then raises an incident. */
  FAILED,
  /** Nothing to send: no recipient address. */
  SKIPPED;

  /** Whether the notice is done with: a retry must not send it again. */
  public boolean isFinal() {
    return this == SENT || this == SKIPPED;
  }
}
