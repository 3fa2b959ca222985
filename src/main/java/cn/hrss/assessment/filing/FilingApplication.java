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
    Declarations declarations,
    String parentCreditCode,
    List<String> relatedCreditCodes) {

  public FilingApplication {
    occupations = occupations == null ? List.of() : occupations;
    branches = branches == null ? List.of() : branches;
    relatedCreditCodes = relatedCreditCodes == null ? List.of() : relatedCreditCodes;
  }

  /**
   * An application that declares no group (issue 19 item 7: {@code parentCreditCode} and {@code relatedCreditCodes}
   * are optional): the constructor of the fields before them.
   */
  public FilingApplication(String institutionType, String name, String creditCode, String organisationForm,
      String legalRepresentative, String province, String address, Contact contact, List<Occupation> occupations,
      List<Branch> branches, Declarations declarations) {
    this(institutionType, name, creditCode, organisationForm, legalRepresentative, province, address, contact,
        occupations, branches, declarations, null, List.of());
  }

  /**
   * Every credit code of the applicant's own organisation and group: itself, its branches, its parent and its sister
   * organisations. An expert whose profile names any of them has a conflict of interest (issue 19 item 7).
   */
  public List<String> groupCreditCodes() {
    List<String> codes = new java.util.ArrayList<>();
    codes.add(creditCode);
    branches.stream().map(Branch::creditCode).forEach(codes::add);
    codes.add(parentCreditCode);
    codes.addAll(relatedCreditCodes);
    return codes.stream().filter(java.util.Objects::nonNull).map(String::trim).filter(c -> !c.isEmpty()).distinct()
        .toList();
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
