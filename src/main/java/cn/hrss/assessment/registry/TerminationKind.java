package cn.hrss.assessment.registry;

/** How a filing ended (CONTRACT.md "After filing": directory field {@code terminationKind}). */
public enum TerminationKind {
  /** 004 Art. 24: the institution gave notice that it ends its assessment work (注销备案). */
  VOLUNTARY("主动注销"),
  /** 002 Annex 2 Art. 14: filing terminated as a disciplinary sanction. */
  DISCIPLINARY("违规终止备案"),
  /** 监督管理办法 Art. 21(7): validity passed without renewal (derived with the status EXPIRED). */
  LAPSED("有效期届满未延续");

  private final String label;

  TerminationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
