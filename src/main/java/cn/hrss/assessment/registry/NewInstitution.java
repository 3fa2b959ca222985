package cn.hrss.assessment.registry;

import java.util.List;

/**
 * An institution (or a branch/site of a ministry-filed institution) approved for filing, to be entered in the registry.
 *
 * @param parentFilingCode null, or the filing code of the ministry-filed institution when this is one of its branches
 *     (national employer, 002 Annex 1 §一(十)5) or sites (评价站点 of a social organisation filed with the ministry,
 *     001 人社鉴发〔2019〕2号 Annex 1 表 2 note)
 * @param ministryFiled null: as the type says ({@link InstitutionType#ministryFiled()}); true for a social
 *     organisation filed first with the ministry (人社鉴发〔2019〕2号 §二(二): positions 2-5 = 0001-9999)
 * @param cityCode null, or the province's city code for positions 8-9 ({@code cn.hrss.assessment.codes.CityCodes}),
 *     given only where the province's city-code option is on
 */
public record NewInstitution(
    InstitutionType type,
    String name,
    String creditCode,
    String province,
    String address,
    String contactEmail,
    String applicationNo,
    List<OccupationScope> occupations,
    String parentFilingCode,
    Boolean ministryFiled,
    String cityCode) {

  public NewInstitution {
    occupations = occupations == null ? List.of() : List.copyOf(occupations);
  }

  /** Without the ministry flag and city code: filed as the type says, site serial from the province's counter. */
  public NewInstitution(InstitutionType type, String name, String creditCode, String province, String address,
      String contactEmail, String applicationNo, List<OccupationScope> occupations, String parentFilingCode) {
    this(type, name, creditCode, province, address, contactEmail, applicationNo, occupations, parentFilingCode, null,
        null);
  }

  /** Filed first with the ministry: from the flag, else from the type. */
  public boolean isMinistryFiled() {
    return ministryFiled != null ? ministryFiled : type != null && type.ministryFiled();
  }

  /** The same institution with the province's city code for positions 8-9. */
  public NewInstitution withCityCode(String city) {
    return new NewInstitution(type, name, creditCode, province, address, contactEmail, applicationNo, occupations,
        parentFilingCode, ministryFiled, city);
  }
}
