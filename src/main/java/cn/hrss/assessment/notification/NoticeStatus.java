package cn.hrss.assessment.notification;

/** Delivery state of a notice. */
public enum NoticeStatus {
  /** Recorded, no attempt has claimed it yet. */
  PENDING,
  /**
   * Claimed by one attempt that is talking to the SMTP server now; other attempts keep off. Left behind only
   * by a crash, and claimable again after {@code assessment.notification.sending-expires-after}.
   */
  SENDING,
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
