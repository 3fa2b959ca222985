package cn.hrss.assessment.registry;

import java.util.List;

/**
 * An institution (or a branch of a national employer) approved for filing, to be entered in the registry.
 *
 * @param parentFilingCode null, or the employer's filing code when this is a branch (002 Annex 1 §一(十)5)
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
    String parentFilingCode) {

  public NewInstitution {
    occupations = occupations == null ? List.of() : List.copyOf(occupations);
  }
}
