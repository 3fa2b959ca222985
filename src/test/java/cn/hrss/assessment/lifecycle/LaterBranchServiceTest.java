package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.web.ApiProblem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may add a branch after filing (issue 19 item 9; 002 Annex 1 §一(十)5, 人社鉴发〔2019〕3号 §一5). */
class LaterBranchServiceTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  static Institution institution(InstitutionType type, InstitutionStatus status, String parent, LocalDate validUntil) {
    return new Institution("Y000111000001", type, "示例", "91110000MA0000000X", "11", "北京", "a@b.cn", "BA1",
        List.of(), parent, TODAY.minusYears(1), validUntil, status, null, null, null);
  }

  static int refusal(Institution institution) {
    try {
      LaterBranchService.checkMayAddBranch(institution, TODAY);
      return 0;
    } catch (ApiProblem problem) {
      return problem.status().value();
    }
  }

  @Test
  void onlyAnActiveEmployerAddsBranches() {
    LocalDate valid = TODAY.plusYears(2);
    assertThatCode(() -> LaterBranchService.checkMayAddBranch(
        institution(InstitutionType.NATIONAL_EMPLOYER, InstitutionStatus.ACTIVE, null, valid), TODAY))
        .doesNotThrowAnyException();
    // A social organisation has sites (人社鉴发〔2019〕2号), not branches: 409 with the reason.
    assertThatThrownBy(() -> LaterBranchService.checkMayAddBranch(
        institution(InstitutionType.SOCIAL_ORG, InstitutionStatus.ACTIVE, null, valid), TODAY))
        .isInstanceOf(ApiProblem.class).hasMessageContaining("社会培训评价组织不设分支机构备案");
    // Issue 19 item 9: a provincial employer files its branches too (人社鉴发〔2019〕3号 §二 with §一5).
    assertThatCode(() -> LaterBranchService.checkMayAddBranch(
        institution(InstitutionType.PROVINCIAL_EMPLOYER, InstitutionStatus.ACTIVE, null, valid), TODAY))
        .doesNotThrowAnyException();
    assertThat(refusal(institution(InstitutionType.PROVINCIAL_EMPLOYER, InstitutionStatus.ACTIVE, "Y000011000001", valid)))
        .isEqualTo(409);
    assertThat(refusal(institution(InstitutionType.PROVINCIAL_EMPLOYER, InstitutionStatus.ACTIVE, null,
        TODAY.minusDays(1)))).isEqualTo(409);
    assertThat(refusal(institution(InstitutionType.NATIONAL_EMPLOYER, InstitutionStatus.ACTIVE, "Y000111000000", valid)))
        .isEqualTo(409);
    assertThat(refusal(institution(InstitutionType.NATIONAL_EMPLOYER, InstitutionStatus.SUSPENDED, null, valid)))
        .isEqualTo(409);
    assertThat(refusal(institution(InstitutionType.NATIONAL_EMPLOYER, InstitutionStatus.ACTIVE, null,
        TODAY.minusDays(1)))).isEqualTo(409);
  }
}
