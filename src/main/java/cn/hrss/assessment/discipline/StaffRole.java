package cn.hrss.assessment.discipline;

/** Staff roles of 002 Annex 2 Art. 9-11 and Art. 21 para. 3. */
public enum StaffRole {
  EXAM_ADMIN("考务管理人员"), EXAMINER("考评人员"), SUPERVISOR("质量督导员");

  private final String label;

  StaffRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
