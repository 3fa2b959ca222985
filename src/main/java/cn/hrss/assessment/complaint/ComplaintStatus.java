package cn.hrss.assessment.complaint;

/** Where a complaint stands; the stage text is what the complainant's page shows. */
enum ComplaintStatus {
  /** Waiting for the officer's triage (受理). */
  RECEIVED("已收到，待受理"),
  /** Being verified (核实). */
  VERIFYING("已受理，核实中"),
  /** Dismissed at triage, with reasons. */
  DISMISSED("不予受理，已答复"),
  /** Verified: the facts are established (a disciplinary case is opened against a filed institution). */
  VERIFIED("经核实属实，已答复"),
  /** Verified: the facts are not established. */
  NOT_VERIFIED("经核实不属实，已答复");

  private final String stage;

  ComplaintStatus(String stage) {
    this.stage = stage;
  }

  String stage() {
    return stage;
  }

  boolean answered() {
    return this == DISMISSED || this == VERIFIED || this == NOT_VERIFIED;
  }
}
