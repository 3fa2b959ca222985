package cn.hrss.assessment.filing;

import java.util.List;
import java.util.Map;

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
    List<String> relatedCreditCodes,
    Map<String, Boolean> conditions,
    List<MaterialRef> materials,
    String cityCode,
    String filingLevel) {

  /** {@code filingLevel}: filed first with the ministry (人社鉴发〔2019〕2号 Annex 1 §二(二) 表 3: 0001-9999). */
  public static final String MINISTRY = "MINISTRY";
  /** {@code filingLevel}: filed first with the province (表 3: 0000). */
  public static final String PROVINCE = "PROVINCE";

  public FilingApplication {
    occupations = occupations == null ? List.of() : occupations;
    branches = branches == null ? List.of() : branches;
    relatedCreditCodes = relatedCreditCodes == null ? List.of() : relatedCreditCodes;
    conditions = conditions == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conditions));
    materials = materials == null ? List.of() : materials;
  }

  /** Without {@code filingLevel} (issue 19 item 10): filed as the type says (see {@link #filedWithMinistry()}). */
  public FilingApplication(String institutionType, String name, String creditCode, String organisationForm,
      String legalRepresentative, String province, String address, Contact contact, List<Occupation> occupations,
      List<Branch> branches, Declarations declarations, String parentCreditCode, List<String> relatedCreditCodes,
      Map<String, Boolean> conditions, List<MaterialRef> materials, String cityCode) {
    this(institutionType, name, creditCode, organisationForm, legalRepresentative, province, address, contact,
        occupations, branches, declarations, parentCreditCode, relatedCreditCodes, conditions, materials, cityCode, null);
  }

  /**
   * Filed first with the ministry (人社鉴发〔2019〕2号 Annex 1 §二(二)): a national employer always (002 Annex 1 §一),
   * a social organisation that declares {@code filingLevel} = MINISTRY (002 Annex 1 §二(二)3: the ministry's own call
   * for applications, 我部…发布的征集通告); a provincial employer never (人社鉴发〔2019〕3号 §二).
   */
  public boolean filedWithMinistry() {
    return "NATIONAL_EMPLOYER".equals(institutionType)
        || "SOCIAL_ORG".equals(institutionType) && MINISTRY.equals(filingLevel);
  }

  /** The same application with another filing level. */
  public FilingApplication withFilingLevel(String level) {
    return new FilingApplication(institutionType, name, creditCode, organisationForm, legalRepresentative, province,
        address, contact, occupations, branches, declarations, parentCreditCode, relatedCreditCodes, conditions,
        materials, cityCode, level);
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

  /**
   * Without {@code cityCode} (issue 19 item 10: the city of positions 8-9 of the filing code, 001 豫职鉴〔2020〕2号
   * 表 5; optional unless the province's city-code option is on, see {@link CityCodeOption}).
   */
  public FilingApplication(String institutionType, String name, String creditCode, String organisationForm,
      String legalRepresentative, String province, String address, Contact contact, List<Occupation> occupations,
      List<Branch> branches, Declarations declarations, String parentCreditCode, List<String> relatedCreditCodes,
      Map<String, Boolean> conditions, List<MaterialRef> materials) {
    this(institutionType, name, creditCode, organisationForm, legalRepresentative, province, address, contact,
        occupations, branches, declarations, parentCreditCode, relatedCreditCodes, conditions, materials, null);
  }

  /** The application without group, condition answers and material list (renewals, changes and older callers). */
  public FilingApplication(String institutionType, String name, String creditCode, String organisationForm,
      String legalRepresentative, String province, String address, Contact contact, List<Occupation> occupations,
      List<Branch> branches, Declarations declarations) {
    this(institutionType, name, creditCode, organisationForm, legalRepresentative, province, address, contact,
        occupations, branches, declarations, null, List.of(), null, null);
  }

  /** An application that declares no group (issue 19 item 7: parent and sister credit codes are optional). */
  public FilingApplication(String institutionType, String name, String creditCode, String organisationForm,
      String legalRepresentative, String province, String address, Contact contact, List<Occupation> occupations,
      List<Branch> branches, Declarations declarations, Map<String, Boolean> conditions, List<MaterialRef> materials) {
    this(institutionType, name, creditCode, organisationForm, legalRepresentative, province, address, contact,
        occupations, branches, declarations, null, List.of(), conditions, materials);
  }

  /** An application with its group but without condition answers and material list (tests of the expert panel). */
  public FilingApplication(String institutionType, String name, String creditCode, String organisationForm,
      String legalRepresentative, String province, String address, Contact contact, List<Occupation> occupations,
      List<Branch> branches, Declarations declarations, String parentCreditCode, List<String> relatedCreditCodes) {
    this(institutionType, name, creditCode, organisationForm, legalRepresentative, province, address, contact,
        occupations, branches, declarations, parentCreditCode, relatedCreditCodes, null, null);
  }

  /** The same data with other condition answers and material list. */
  public FilingApplication with(Map<String, Boolean> conditions, List<MaterialRef> materials) {
    return new FilingApplication(institutionType, name, creditCode, organisationForm, legalRepresentative, province,
        address, contact, occupations, branches, declarations, parentCreditCode, relatedCreditCodes, conditions,
        materials, cityCode, filingLevel);
  }

  /**
   * CONTRACT.md: for each uploaded file (by its file name) the item of the guidance's list it answers (issue 19
   * item 3; 002 Annex 1 §一(八), §二(八)).
   */
  public record MaterialRef(Integer item, String file) {}

  public record Contact(String name, String phone, String email) {}

  public record Occupation(String code, String name, String track, List<Integer> levels) {}

  /**
   * A branch (002 Annex 1 §一(十)5). {@code cityCode}: issue 19 items 9-10, the city of positions 8-9 of the branch's
   * code where the branch's province codes its sites by city (001 豫职鉴〔2020〕2号 Annex 1 §二(四) 表 5, see
   * {@link CityCodeOption}); the branch's own province assigns it (人社鉴发〔2019〕2号 Annex 1 §二(四)).
   */
  public record Branch(String name, String creditCode, String province, String address, String contactEmail,
      String cityCode) {

    /** A branch without city code. */
    public Branch(String name, String creditCode, String province, String address, String contactEmail) {
      this(name, creditCode, province, address, contactEmail, null);
    }
  }

  /**
   * The prohibition declarations of 002 Annex 1 §二(七): 1 (not a government body, public institution or association
   * not decoupled from government: {@code notGovernmentAffiliated}) and 2(1)-(5); a social organisation must
   * declare each true. Employers have no prohibitions (§一(七) 无): they need not declare them.
   */
  public record Declarations(
      Boolean noIllegalRecord,
      Boolean noAnnualInspectionFailure,
      Boolean notOnIllegalOrgList,
      Boolean notOnAbnormalOperationsList,
      Boolean noBadAssessmentRecord,
      Boolean notGovernmentAffiliated) {

    /** The five declarations of §二(七)2 without the one of §二(七)1 (older callers). */
    public Declarations(Boolean noIllegalRecord, Boolean noAnnualInspectionFailure, Boolean notOnIllegalOrgList,
        Boolean notOnAbnormalOperationsList, Boolean noBadAssessmentRecord) {
      this(noIllegalRecord, noAnnualInspectionFailure, notOnIllegalOrgList, notOnAbnormalOperationsList,
          noBadAssessmentRecord, null);
    }
  }
}
