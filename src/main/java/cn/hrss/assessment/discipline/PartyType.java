package cn.hrss.assessment.discipline;

/** The party of a disciplinary case (002 Annex 2 chapters 2-4). */
public enum PartyType {
  CANDIDATE("参评人员"), STAFF("工作人员"), INSTITUTION("评价机构");

  private final String label;

  PartyType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
