package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.hrss.assessment.web.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationValidatorTest {

  @Test
  void acceptsValidApplicationsOfEveryType() {
    assertThatCode(() -> ApplicationValidator.check(Applications.socialOrg())).doesNotThrowAnyException();
    assertThatCode(() -> ApplicationValidator.check(Applications.nationalEmployer())).doesNotThrowAnyException();
    assertThatCode(() -> ApplicationValidator.check(Applications.provincialEmployer())).doesNotThrowAnyException();
  }

  @Test
  void reportsEveryMalformedFieldWithItsPath() {
    FilingApplication a = Applications.socialOrg();
    FilingApplication bad = new FilingApplication("SOCIAL_ORG", "", "52410000MJ00000050", a.organisationForm(),
        a.legalRepresentative(), "99", a.address(), new FilingApplication.Contact("李四", "1", "not-an-email"),
        List.of(new FilingApplication.Occupation("618-01-01", "车工", null, List.of(0, 6))), List.of(), a.declarations())
        .with(a.conditions(), null);
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(bad));
    assertThat(problem.status().value()).isEqualTo(400);
    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).contains("name", "creditCode", "province",
        "contact.email", "occupations[0].code", "occupations[0].levels");
  }

  @Test
  void refusesGovernmentBodiesAndPublicInstitutionsCitingTheRule() {
    FilingApplication a = Applications.socialOrg();
    // A government body's own code: 11 机关 (GB 32100-2015 Table 1), so the form agrees with it.
    String first17 = "11410000MB0000001";
    FilingApplication government = new FilingApplication(a.institutionType(), a.name(),
        first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17), "GOVERNMENT_BODY",
        a.legalRepresentative(), a.province(), a.address(), a.contact(), a.occupations(), a.branches(), a.declarations())
        .with(a.conditions(), null);
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(government));
    assertThat(problem.title()).isEqualTo("不符合备案条件");
    assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("§二(七)"));
  }

  @Test
  void refusesAnyFalseProhibitionDeclaration() {
    FilingApplication a = Applications.socialOrg();
    FilingApplication onList = new FilingApplication(a.institutionType(), a.name(), a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), a.province(), a.address(), a.contact(), a.occupations(), a.branches(),
        new FilingApplication.Declarations(true, true, false, true, true, true)).with(a.conditions(), null);
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(onList));
    assertThat(problem.errors()).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("declarations.notOnIllegalOrgList"))
        .satisfies(e -> assertThat(e.message()).contains("§二(七)3"));
  }

  @Test
  void refusesBranchesOnATypeWithoutBranches() {
    FilingApplication a = Applications.socialOrg();
    FilingApplication withBranch = new FilingApplication(a.institutionType(), a.name(), a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), a.province(), a.address(), a.contact(), a.occupations(),
        Applications.nationalEmployer().branches(), a.declarations()).with(a.conditions(), null);
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(withBranch));
    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).containsExactly("branches");
  }

  @Test
  void socialOrganisationsAssessOnlySkillOccupationsOfCategoriesThreeToSix() {
    FilingApplication a = Applications.socialOrg();
    FilingApplication professional = new FilingApplication(a.institutionType(), a.name(), a.creditCode(),
        a.organisationForm(), a.legalRepresentative(), a.province(), a.address(), a.contact(),
        List.of(new FilingApplication.Occupation("2-02-01-01", "工程师", null, List.of(3))), List.of(), a.declarations())
        .with(a.conditions(), null);
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(professional));
    assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("§二(六)"));
  }

  @Test
  void aMissingTypeOrFormIsReportedNotANullPointer() {
    // Found by the hostile-input properties: Set.of(...).contains(null) threw, and the API answered 500.
    FilingApplication a = Applications.socialOrg();
    FilingApplication missing = new FilingApplication(null, a.name(), a.creditCode(), null, a.legalRepresentative(),
        a.province(), a.address(), a.contact(), a.occupations(), a.branches(), a.declarations());
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(missing));
    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).contains("institutionType", "organisationForm");
  }

  @Test
  void controlCharactersInTextFieldsAreRefused() {
    // Found by the hostile-input properties: a NUL was stored on H2 and failed the insert on PostgreSQL (500).
    FilingApplication a = Applications.socialOrg();
    FilingApplication controlled = new FilingApplication(a.institutionType(), "协会\u0000", a.creditCode(),
        a.organisationForm(), a.legalRepresentative(), a.province(), a.address(),
        new FilingApplication.Contact("李四\u001b", a.contact().phone(), "a\u0000b@example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控\u0007", List.of(4))), List.of(), a.declarations())
        .with(a.conditions(), null);
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(controlled));
    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field)
        .contains("name", "contact.name", "contact.email", "occupations[0].track");
  }

  // ------------------------------------------------------------------ issue 19 items 1 and 2

  private static FilingApplication withForm(FilingApplication a, String form) {
    return new FilingApplication(a.institutionType(), a.name(), a.creditCode(), form, a.legalRepresentative(),
        a.province(), a.address(), a.contact(), a.occupations(), a.branches(), a.declarations(), a.conditions(), null);
  }

  private static List<String> fields(Runnable check) {
    return catchThrowableOfType(ApiProblem.class, check::run).errors().stream().map(ApiProblem.FieldError::field).toList();
  }

  @Test
  void theOrganisationFormMustAgreeWithTheCreditCodesAuthorityAndTypeCharacters() {
    // GB 32100-2015 Table 1: 52 = 民办非企业单位, so the sample organisation cannot claim to be a 社会团体 (51).
    FilingApplication association = withForm(Applications.socialOrg(), "ASSOCIATION");
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(association));
    assertThat(problem.errors()).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("organisationForm"))
        .satisfies(e -> assertThat(e.message()).contains("52", "51", "GB 32100"));
    // 91 = 企业: an enterprise code never passes as a 民办非企业单位, a 52 code never as an enterprise.
    assertThat(fields(() -> ApplicationValidator.check(withForm(Applications.nationalEmployer(), "PRIVATE_NON_ENTERPRISE"))))
        .contains("organisationForm");
    assertThat(fields(() -> ApplicationValidator.check(withForm(Applications.socialOrg(), "ENTERPRISE"))))
        .containsExactly("organisationForm");
  }

  @Test
  void aNationalEmployerIsAnEnterpriseAndAProvincialEmployerIsRegisteredInItsProvince() {
    // 002 Annex 1 §一(六)1; 人社鉴发〔2019〕3号 §二1 (positions 3-4 of the credit code: the registering division).
    FilingApplication p = Applications.provincialEmployer();
    FilingApplication elsewhere = new FilingApplication(p.institutionType(), p.name(), p.creditCode(), p.organisationForm(),
        p.legalRepresentative(), "33", p.address(), p.contact(), p.occupations(), p.branches(), p.declarations(),
        p.conditions(), null);
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(elsewhere));
    assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("province"))
        .satisfies(e -> assertThat(e.message()).contains("3号"));
  }

  @Test
  void theUndecoupledAssociationProhibitionIsDeclaredAndRefused() {
    FilingApplication a = Applications.socialOrg();
    FilingApplication undecoupled = new FilingApplication(a.institutionType(), a.name(), a.creditCode(),
        a.organisationForm(), a.legalRepresentative(), a.province(), a.address(), a.contact(), a.occupations(),
        a.branches(), new FilingApplication.Declarations(true, true, true, true, true, false), a.conditions(), null);
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(undecoupled));
    assertThat(problem.title()).isEqualTo("不符合备案条件");
    assertThat(problem.errors()).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("declarations.notGovernmentAffiliated"))
        .satisfies(e -> assertThat(e.message()).contains("未与政府部门脱钩的社会团体", "§二(七)1"));
    FilingApplication undeclared = new FilingApplication(a.institutionType(), a.name(), a.creditCode(),
        a.organisationForm(), a.legalRepresentative(), a.province(), a.address(), a.contact(), a.occupations(),
        a.branches(), new FilingApplication.Declarations(true, true, true, true, true), a.conditions(), null);
    assertThat(fields(() -> ApplicationValidator.check(undeclared))).containsExactly("declarations.notGovernmentAffiliated");
  }

  @Test
  void employersHaveNoProhibitions() {
    // 002 Annex 1 §一(七) 禁止性规定：无. An employer declaring nothing, or "false", is not refused for it.
    for (FilingApplication e : List.of(Applications.nationalEmployer(), Applications.provincialEmployer())) {
      FilingApplication none = new FilingApplication(e.institutionType(), e.name(), e.creditCode(), e.organisationForm(),
          e.legalRepresentative(), e.province(), e.address(), e.contact(), e.occupations(), e.branches(), null,
          e.conditions(), null);
      assertThatCode(() -> ApplicationValidator.check(none)).doesNotThrowAnyException();
      FilingApplication declaredFalse = new FilingApplication(e.institutionType(), e.name(), e.creditCode(),
          e.organisationForm(), e.legalRepresentative(), e.province(), e.address(), e.contact(), e.occupations(),
          e.branches(), new FilingApplication.Declarations(false, false, false, false, false, false), e.conditions(), null);
      assertThatCode(() -> ApplicationValidator.check(declaredFalse)).doesNotThrowAnyException();
    }
  }

  @Test
  void everyConditionOfTheTypeIsAnsweredYes() {
    FilingApplication a = Applications.socialOrg();
    java.util.Map<String, Boolean> conditions = new java.util.LinkedHashMap<>(a.conditions());
    conditions.remove("SO_C4");
    conditions.put("SO_C5", false);
    conditions.put("NE_C1", true);
    List<ApiProblem.FieldError> errors = catchThrowableOfType(ApiProblem.class,
        () -> ApplicationValidator.check(a.with(conditions, null))).errors();
    assertThat(errors).extracting(ApiProblem.FieldError::field)
        .containsExactly("conditions.SO_C4", "conditions.SO_C5", "conditions.NE_C1");
    assertThat(errors.get(0).message()).contains("视频监控设备", "§二(五)3");
    assertThat(errors.get(1).message()).contains("不以营利为最终目的", "§二(五)4");
    // Renewals and scope changes repeat the filed data and are not asked again.
    assertThatCode(() -> ApplicationValidator.check(a.with(null, null), false)).doesNotThrowAnyException();
    assertThat(fields(() -> ApplicationValidator.check(Applications.nationalEmployer().with(null, null))))
        .containsExactly("conditions.NE_C1", "conditions.NE_C2", "conditions.NE_C3", "conditions.NE_C4", "conditions.NE_C5");
  }

  @Test
  void aNationalSocialOrganisationMayBeFiledFirstWithTheMinistry() {
    // 人社鉴发〔2019〕2号 Annex 1 §二(二); 002 Annex 1 §二(二)3; credit code 51 100000 (registered with 民政部).
    FilingApplication national = Applications.ministrySocialOrg("11");
    assertThatCode(() -> ApplicationValidator.check(national)).doesNotThrowAnyException();
    assertThat(national.filedWithMinistry()).isTrue();
    assertThat(national.withFilingLevel(FilingApplication.PROVINCE).filedWithMinistry()).isFalse();
    assertThat(national.withFilingLevel(null).filedWithMinistry()).isFalse();
  }

  @Test
  void aProvinciallyRegisteredSocialOrganisationIsNotTheMinistrysCase() {
    // Credit code 52 410000 …: registered with Henan's 民政厅, not a national organisation.
    FilingApplication provincial = Applications.socialOrg().withFilingLevel(FilingApplication.MINISTRY);
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(provincial));
    assertThat(problem.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("filingLevel");
      assertThat(e.message()).contains("100000", "410000");
    });
    assertThatCode(() -> ApplicationValidator.check(Applications.socialOrg().withFilingLevel(FilingApplication.PROVINCE)))
        .doesNotThrowAnyException();
  }

  @Test
  void theFilingLevelMustAgreeWithTheTypeAndBeAKnownValue() {
    ApiProblem unknown = catchThrowableOfType(ApiProblem.class,
        () -> ApplicationValidator.check(Applications.ministrySocialOrg("11").withFilingLevel("NATIONAL")));
    assertThat(unknown.errors()).extracting(ApiProblem.FieldError::field).containsExactly("filingLevel");
    ApiProblem employer = catchThrowableOfType(ApiProblem.class,
        () -> ApplicationValidator.check(Applications.provincialEmployer().withFilingLevel(FilingApplication.MINISTRY)));
    assertThat(employer.errors()).extracting(ApiProblem.FieldError::field).containsExactly("filingLevel");
    ApiProblem national = catchThrowableOfType(ApiProblem.class,
        () -> ApplicationValidator.check(Applications.nationalEmployer().withFilingLevel(FilingApplication.PROVINCE)));
    assertThat(national.errors()).extracting(ApiProblem.FieldError::field).containsExactly("filingLevel");
    assertThat(Applications.nationalEmployer().filedWithMinistry()).isTrue();
    assertThat(Applications.provincialEmployer().filedWithMinistry()).isFalse();
  }
}
