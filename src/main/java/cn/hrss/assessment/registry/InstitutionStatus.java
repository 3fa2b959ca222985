package cn.hrss.assessment.registry;

/**
 * Status of a filed institution. ACTIVE, SUSPENDED and TERMINATED are stored; EXPIRED is derived when the
 * 3-year validity (004 Art. 23) has passed without renewal (Zhejiang supervision Art. 21(7): qualification lapses).
 */
public enum InstitutionStatus {
  /** 正常. */
  ACTIVE("正常"),
  /** 暂停评价活动 during rectification (002 Annex 2 Art. 13). */
  SUSPENDED("暂停"),
  /** 终止备案 (002 Annex 2 Art. 14); the code goes to the 废置库. */
  TERMINATED("终止备案"),
  /** 已过有效期. */
  EXPIRED("已过期");

  private final String label;

  InstitutionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
