package cn.hrss.assessment.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.web.ApiProblem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteServiceTest {

  static final LocalDate TODAY = LocalDate.of(2026, 9, 21);

  static Institution institution(String code, InstitutionType type, String parent, InstitutionStatus status,
      LocalDate validUntil) {
    return new Institution(code, type, "中国示例技能培训评价协会", null, code.substring(5, 7), "地址", "a@example.cn", null,
        List.of(), parent, TODAY.minusYears(1), validUntil, status, null, null, null);
  }

  static SiteService.SiteRequest request(String province, String cityCode) {
    return new SiteService.SiteRequest(null, province, cityCode, "杭州市西湖区 1 号",
        new SiteService.Contact("张三", "0571-1234567", "site@example.cn"));
  }

  @Test
  void aSocialOrganisationFiledFirstWithTheMinistryMayAddSites() {
    // 人社鉴发〔2019〕2号 Annex 1 表 2 note; §二(二): 0001-9999 = filed first with the ministry.
    assertThatCode(() -> SiteService.checkMayAddSite(institution("S00011100000" + "1", InstitutionType.SOCIAL_ORG,
        null, InstitutionStatus.ACTIVE, TODAY.plusYears(2)), TODAY)).doesNotThrowAnyException();
  }

  @Test
  void aSocialOrganisationFiledWithItsProvinceHasNoSites() {
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> SiteService.checkMayAddSite(
        institution("S000041000001", InstitutionType.SOCIAL_ORG, null, InstitutionStatus.ACTIVE, TODAY.plusYears(2)),
        TODAY));
    assertThat(problem.status().value()).isEqualTo(409);
    assertThat(problem.getMessage()).contains("0000", "人社鉴发〔2019〕2号");
  }

  @Test
  void employersSitesAndEndedFilingsAddNoSites() {
    ApiProblem employer = catchThrowableOfType(ApiProblem.class, () -> SiteService.checkMayAddSite(
        institution("Y000111000001", InstitutionType.NATIONAL_EMPLOYER, null, InstitutionStatus.ACTIVE,
            TODAY.plusYears(2)), TODAY));
    assertThat(employer.status().value()).isEqualTo(409);
    assertThat(employer.getMessage()).contains("/branches");
    ApiProblem site = catchThrowableOfType(ApiProblem.class, () -> SiteService.checkMayAddSite(
        institution("S000133000001", InstitutionType.SOCIAL_ORG, "S000111000001", InstitutionStatus.ACTIVE,
            TODAY.plusYears(2)), TODAY));
    assertThat(site.status().value()).isEqualTo(409);
    ApiProblem suspended = catchThrowableOfType(ApiProblem.class, () -> SiteService.checkMayAddSite(
        institution("S000111000001", InstitutionType.SOCIAL_ORG, null, InstitutionStatus.SUSPENDED,
            TODAY.plusYears(2)), TODAY));
    assertThat(suspended.getMessage()).contains("暂停");
    ApiProblem expired = catchThrowableOfType(ApiProblem.class, () -> SiteService.checkMayAddSite(
        institution("S000111000001", InstitutionType.SOCIAL_ORG, null, InstitutionStatus.ACTIVE, TODAY.minusDays(1)),
        TODAY));
    assertThat(expired.status().value()).isEqualTo(409);
  }

  @Test
  void everyBadFieldIsReportedWithItsPath() {
    SiteService.SiteRequest bad = new SiteService.SiteRequest(null, "99", null, " ",
        new SiteService.Contact("", "1", "not-an-email"));
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> SiteService.check(bad));
    assertThat(problem.status().value()).isEqualTo(400);
    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field)
        .containsExactlyInAnyOrder("province", "address", "contact.name", "contact.email");
    assertThat(catchThrowableOfType(ApiProblem.class, () -> SiteService.check(null)).errors())
        .extracting(ApiProblem.FieldError::field).containsExactly("application");
  }

  @Test
  void aCityCodeMustBeInTheSiteProvincesTable() {
    // 001 豫职鉴〔2020〕2号 Annex 1 §二(四) 表 5: 12 三门峡市; 29 is not in the table; Zhejiang has no table.
    assertThatCode(() -> SiteService.check(request("41", "12"))).doesNotThrowAnyException();
    assertThat(catchThrowableOfType(ApiProblem.class, () -> SiteService.check(request("41", "29"))).errors())
        .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("cityCode"));
    assertThat(catchThrowableOfType(ApiProblem.class, () -> SiteService.check(request("33", "01"))).errors())
        .singleElement().satisfies(e -> assertThat(e.message()).contains("浙江省"));
  }
}
