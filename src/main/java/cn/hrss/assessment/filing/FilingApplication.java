package cn.hrss.assessment.filing;

import java.util.List;

/**
 * The application as submitted in part {@code application} of {@code POST /api/filings} (CONTRACT.md). Checked by
 * {@link ApplicationValidator}, which reports every problem with its JSON path.
 */
public record FilingApplication(
    String institutionType,
    String name,
    String creditCode,
    String organisationForm,
    String legalRepresentative,
    String province,
    String address,
    Contact contact,
    List<Occupation> occupations,
    List<Branch> branches,
    Declarations declarations) {

  public FilingApplication {
    occupations = occupations == null ? List.of() : occupations;
    branches = branches == null ? List.of() : branches;
  }

  public record Contact(String name, String phone, String email) {}

  public record Occupation(String code, String name, String track, List<Integer> levels) {}

  public record Branch(String name, String creditCode, String province, String address, String contactEmail) {}

  /** The prohibition declarations of 002 Annex 1 §二(七) (1)-(5); each must be declared true. */
  public record Declarations(
      Boolean noIllegalRecord,
      Boolean noAnnualInspectionFailure,
      Boolean notOnIllegalOrgList,
      Boolean notOnAbnormalOperationsList,
      Boolean noBadAssessmentRecord) {}
}
