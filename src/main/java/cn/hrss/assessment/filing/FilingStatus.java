package cn.hrss.assessment.filing;

import java.util.Set;

/** Where an application stands; the Chinese stage shown to the applicant is in {@code i18n/filing.properties}. */
public enum FilingStatus {
  ACCEPTANCE_REVIEW,
  SUPPLEMENT_REQUESTED,
  EXPERT_REVIEW,
  PUBLIC_NOTICE,
  DECISION,
  /** Issue 19 item 6: a refusal is intended; the applicant may state its case (陈述) within the window. */
  HEARING,
  FILED,
  NOT_ACCEPTED,
  REVIEW_FAILED,
  OBJECTION_UPHELD,
  REJECTED,
  WITHDRAWN;

  private static final Set<FilingStatus> CLOSED = Set.of(FILED, NOT_ACCEPTED, REVIEW_FAILED, OBJECTION_UPHELD, REJECTED,
      WITHDRAWN);

  /** Closed applications no longer block a new application with the same credit code. */
  public boolean isClosed() {
    return CLOSED.contains(this);
  }

  public String stage() {
    return FilingTexts.text("status." + name());
  }
}
