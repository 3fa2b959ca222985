package cn.hrss.assessment.discipline;

/** Stage of a case; the Chinese label is shown to the party and officers. */
public enum CaseStatus {
  REGISTERED("已立案，待认定"),
  DETERMINED("已认定，待告知"),
  NOTICE_SERVED("已告知，陈述申辩期内"),
  STATEMENT_RECEIVED("已收到陈述申辩，审查中"),
  AWAITING_DECISION("待签发处理决定"),
  DECISION_SERVED("处理决定已送达，复核申请期内"),
  APPEALED("已申请复核，复核中"),
  REVIEWED("复核决定已送达"),
  DROPPED("不予处理，已结案"),
  CLOSED("已执行并归档");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
