package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.hrss.assessment.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Issue 19 item 4: the occupation scope (002 Annex 1 §二(六); 国家职业资格目录（2021年版）; 职业分类大典（2015年版）). */
class OccupationScopeTest {

  static FilingApplication withOccupation(FilingApplication a, String code, String name, String track) {
    return new FilingApplication(a.institutionType(), a.name(), a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), a.province(), a.address(), a.contact(),
        List.of(new FilingApplication.Occupation(code, name, track, List.of(4))), a.branches(), a.declarations(),
        a.conditions(), null);
  }

  @Test
  void aSocialOrganisationCannotApplyForAnOccupationOfTheNationalQualificationCatalogue() {
    // 水平评价类 (应急救援员) and 准入类 (保安员) alike: §二(六) "另行研究".
    for (String name : List.of("应急救援员", "保安员")) {
      ApiProblem problem = catchThrowableOfType(ApiProblem.class,
          () -> ApplicationValidator.check(withOccupation(Applications.socialOrg(), "4-07-05-01", name, null)));
      assertThat(problem.errors()).singleElement()
          .satisfies(e -> assertThat(e.field()).isEqualTo("occupations[0].name"))
          .satisfies(e -> assertThat(e.message()).contains(name, "国家职业资格目录（2021年版）", "§二(六)"));
    }
    // Named as the track of an occupation just the same.
    assertThat(catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(
        withOccupation(Applications.socialOrg(), "4-02-02-05", "道路运输从业人员", "出租汽车驾驶员"))).errors()).hasSize(1);
  }

  @Test
  void anEmployerCannotApplyForALicensingOccupationButMayForAnOtherOne() {
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(
        withOccupation(Applications.nationalEmployer(), "6-29-03-01", "特种作业人员", null)));
    assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("准入类", "非准入类"));
    assertThatCode(() -> ApplicationValidator.check(
        withOccupation(Applications.provincialEmployer(), "4-07-05-01", "应急救援员", null))).doesNotThrowAnyException();
  }

  @Test
  void theCatalogueNamesItsEditionAndItsSourceAndEveryLineHasAStandard() throws Exception {
    String file = new ClassPathResource("filing/occupation-catalogue.tsv").getContentAsString(StandardCharsets.UTF_8);
    assertThat(file).contains("《中华人民共和国职业分类大典（2015年版）》", "豫职鉴〔2021〕1号 §三(五)");
    OccupationCatalogue catalogue = new OccupationCatalogue();
    assertThat(catalogue.entries()).hasSize(15).allSatisfy(e -> assertThat(e.standard()).isEqualTo("国家职业技能标准"));
    // The 13 items of 二、技能人员职业资格, some listing several occupations; each name once.
    assertThat(QualificationCatalogue.ALL).extracting(QualificationCatalogue.Qualification::item).containsAll(
        java.util.stream.IntStream.rangeClosed(1, 13).boxed().toList());
    assertThat(QualificationCatalogue.ALL).extracting(QualificationCatalogue.Qualification::name).doesNotHaveDuplicates();
  }

  @Test
  void anOccupationWithoutAKnownStandardIsFlaggedToTheOfficerNotRefused() {
    OccupationCatalogue catalogue = new OccupationCatalogue();
    assertThat(catalogue.standardNotes(List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控车床",
        List.of(4))))).isEmpty();
    String notes = catalogue.standardNotes(List.of(
        new FilingApplication.Occupation("6-18-01-01", "车工", null, List.of(5)),
        new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3))));
    assertThat(notes.lines()).singleElement().asString().contains("6\\-18\\-01\\-02 铣工", "国家职业技能标准", "§二(六)");
    assertThatCode(() -> ApplicationValidator.check(Applications.provincialEmployer())).doesNotThrowAnyException();
  }
}
