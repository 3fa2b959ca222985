package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.hrss.assessment.web.ApiProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 19 item 10: the city code of positions 8-9 in the application (001 豫职鉴〔2020〕2号 Annex 1 §二(四) 表 5). */
class CityCodeTest {

  private static final CityCodeOption OFF = new CityCodeOption(new CityCodeOption.Properties(Set.of()));
  private static final CityCodeOption HENAN = new CityCodeOption(new CityCodeOption.Properties(Set.of("41")));

  @Test
  void aCityCodeMustBeInTheProvincesTable() {
    assertThatCode(() -> ApplicationValidator.check(withCity("41", "12"))).doesNotThrowAnyException();
    assertThatCode(() -> ApplicationValidator.check(withCity("41", null))).doesNotThrowAnyException();
    ApiProblem outside = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(withCity("41", "29")));
    assertThat(outside.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("cityCode");
      assertThat(e.message()).contains("河南省");
    });
    // GB/T 2260's 4-digit form is not the table's code.
    assertThat(catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(withCity("41", "4101"))).errors())
        .extracting(ApiProblem.FieldError::field).containsExactly("cityCode");
    // Zhejiang codes no city: a city code there is a field error too.
    assertThat(catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(withCity("33", "01"))).errors())
        .singleElement().satisfies(e -> assertThat(e.message()).contains("浙江省"));
  }

  @Test
  void offByDefaultTheCityCodeIsNeitherRequiredNorUsed() {
    assertThatCode(() -> OFF.check(withCity("41", null))).doesNotThrowAnyException();
    assertThat(OFF.cityCodeFor(withCity("41", "12"))).isNull();
    assertThat(OFF.on("41")).isFalse();
  }

  @Test
  void onForHenanTheCityCodeIsRequiredAndUsedThereOnly() {
    ApiProblem missing = catchThrowableOfType(ApiProblem.class, () -> HENAN.check(withCity("41", null)));
    assertThat(missing.status().value()).isEqualTo(400);
    assertThat(missing.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("cityCode"));
    assertThat(HENAN.cityCodeFor(withCity("41", "12"))).isEqualTo("12");
    assertThatCode(() -> HENAN.check(withCity("33", null))).doesNotThrowAnyException();
    assertThat(HENAN.cityCodeFor(withCity("33", null))).isNull();
  }

  @Test
  void aBranchNamesTheCityOfItsOwnProvince() {
    // Issue 19 items 9-10: a branch's city comes from the table of the branch's province (豫职鉴〔2020〕2号 表 5).
    FilingApplication henanBranch = withBranch(new FilingApplication.Branch("示例河南分公司", Applications.BRANCH_HENAN_CODE, "41",
        "郑州市", "b@x.cn", "01"));
    assertThatCode(() -> ApplicationValidator.check(henanBranch)).doesNotThrowAnyException();
    ApiProblem outside = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(withBranch(
        new FilingApplication.Branch("示例河南分公司", Applications.BRANCH_HENAN_CODE, "41", "郑州市", "b@x.cn", "29"))));
    assertThat(outside.errors()).extracting(ApiProblem.FieldError::field).contains("branches[0].cityCode");
    ApiProblem zhejiang = catchThrowableOfType(ApiProblem.class, () -> ApplicationValidator.check(withBranch(
        new FilingApplication.Branch("示例浙江分公司", Applications.BRANCH_ZHEJIANG_CODE, "33", "杭州市", "b@x.cn", "01"))));
    assertThat(zhejiang.errors()).extracting(ApiProblem.FieldError::field).contains("branches[0].cityCode");
    // Required only where the branch's province codes by city.
    FilingApplication noCity = withBranch(new FilingApplication.Branch("示例河南分公司", Applications.BRANCH_HENAN_CODE, "41",
        "郑州市", "b@x.cn"));
    assertThat(catchThrowableOfType(ApiProblem.class, () -> HENAN.check(noCity)).errors())
        .extracting(ApiProblem.FieldError::field).containsExactly("branches[0].cityCode");
    assertThatCode(() -> OFF.check(noCity)).doesNotThrowAnyException();
    assertThat(catchThrowableOfType(ApiProblem.class, () -> HENAN.checkLaterBranch(noCity.branches().get(0))).errors())
        .extracting(ApiProblem.FieldError::field).containsExactly("application.cityCode");
    assertThatCode(() -> HENAN.checkLaterBranch(henanBranch.branches().get(0))).doesNotThrowAnyException();
  }

  static FilingApplication withBranch(FilingApplication.Branch branch) {
    FilingApplication a = Applications.nationalEmployer();
    return new FilingApplication(a.institutionType(), a.name(), a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), "11", a.address(), a.contact(), a.occupations(), List.of(branch), a.declarations(),
        a.parentCreditCode(), a.relatedCreditCodes(), a.conditions(), a.materials(), null);
  }

  @Test
  void aProvinceWithoutATableCannotSwitchItOn() {
    assertThatThrownBy(() -> new CityCodeOption(new CityCodeOption.Properties(Set.of("33"))))
        .hasMessageContaining("浙江省");
  }

  static FilingApplication withCity(String province, String cityCode) {
    FilingApplication a = Applications.socialOrg();
    return new FilingApplication(a.institutionType(), a.name(), a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), province, a.address(), a.contact(), a.occupations(), a.branches(), a.declarations(),
        a.parentCreditCode(), a.relatedCreditCodes(), a.conditions(), a.materials(), cityCode);
  }
}
