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
        List.of(new FilingApplication.Occupation("618-01-01", "车工", null, List.of(0, 6))), List.of(), a.declarations());
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(bad));
    assertThat(problem.status().value()).isEqualTo(400);
    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).contains("name", "creditCode", "province",
        "contact.email", "occupations[0].code", "occupations[0].levels");
  }

  @Test
  void refusesGovernmentBodiesAndPublicInstitutionsCitingTheRule() {
    FilingApplication a = Applications.socialOrg();
    FilingApplication government = new FilingApplication(a.institutionType(), a.name(), a.creditCode(), "GOVERNMENT_BODY",
        a.legalRepresentative(), a.province(), a.address(), a.contact(), a.occupations(), a.branches(), a.declarations());
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(government));
    assertThat(problem.title()).isEqualTo("不符合备案条件");
    assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("§二(七)"));
  }

  @Test
  void refusesAnyFalseProhibitionDeclaration() {
    FilingApplication a = Applications.socialOrg();
    FilingApplication onList = new FilingApplication(a.institutionType(), a.name(), a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), a.province(), a.address(), a.contact(), a.occupations(), a.branches(),
        new FilingApplication.Declarations(true, true, false, true, true));
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
        Applications.nationalEmployer().branches(), a.declarations());
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(withBranch));
    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).containsExactly("branches");
  }

  @Test
  void socialOrganisationsAssessOnlySkillOccupationsOfCategoriesThreeToSix() {
    FilingApplication a = Applications.socialOrg();
    FilingApplication professional = new FilingApplication(a.institutionType(), a.name(), a.creditCode(),
        a.organisationForm(), a.legalRepresentative(), a.province(), a.address(), a.contact(),
        List.of(new FilingApplication.Occupation("2-02-01-01", "工程师", null, List.of(3))), List.of(), a.declarations());
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
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控\u0007", List.of(4))), List.of(), a.declarations());
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(controlled));
    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field)
        .contains("name", "contact.name", "contact.email", "occupations[0].track");
  }
}
