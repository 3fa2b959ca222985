package cn.hrss.assessment.registry;

/** Institution types (评价机构类别) of DOMAIN.md §2 and their certificate-code letter (001 人社鉴发〔2019〕2号 表 2). */
public enum InstitutionType {
  /** 全国性用人单位: filed with the ministry (0001-9999); branches filed in their provinces (002 Annex 1 §一). */
  NATIONAL_EMPLOYER("Y", true, "全国性用人单位"),
  /** 省辖/属地用人单位: filed with the province (0000), 001 人社鉴发〔2019〕3号 §二. */
  PROVINCIAL_EMPLOYER("Y", false, "省辖用人单位"),
  /** 社会培训评价组织: filed locally (0000), public notice required (002 Annex 1 §二). */
  SOCIAL_ORG("S", false, "社会培训评价组织");

  private final String categoryLetter;
  private final boolean ministryFiled;
  private final String label;

  InstitutionType(String categoryLetter, boolean ministryFiled, String label) {
    this.categoryLetter = categoryLetter;
    this.ministryFiled = ministryFiled;
    this.label = label;
  }

  /** Position 1 of the filing/certificate code: Y 用人单位, S 社会培训评价组织. */
  public String categoryLetter() {
    return categoryLetter;
  }

  /** Filed first with the ministry, so positions 2-5 are the ministry's 0001-9999 number; otherwise 0000. */
  public boolean ministryFiled() {
    return ministryFiled;
  }

  /** The Chinese term of DOMAIN.md §2 (code-table data like the province names, shown on public pages). */
  public String label() {
    return label;
  }
}
