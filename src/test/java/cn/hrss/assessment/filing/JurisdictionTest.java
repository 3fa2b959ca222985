package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.identity.Caller;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JurisdictionTest {

  @Test
  void socialOrganisationsAndProvincialEmployersAreAcceptedAndDecidedByTheirProvince() {
    // 002 Annex 1 §二(十)1; 001 人社鉴发〔2019〕3号 §二
    assertThat(Jurisdiction.acceptingGroup("SOCIAL_ORG", "41")).isEqualTo("acceptance-officers-41");
    assertThat(Jurisdiction.decidingGroup("SOCIAL_ORG", "33")).isEqualTo("acceptance-officers-33");
    assertThat(Jurisdiction.acceptingGroup("PROVINCIAL_EMPLOYER", "44")).isEqualTo("acceptance-officers-44");
  }

  @Test
  void nationalEmployersAreAcceptedAndDecidedByTheMinistryWhateverTheirProvince() {
    // 002 Annex 1 §一(十)2-4
    assertThat(Jurisdiction.acceptingGroup("NATIONAL_EMPLOYER", "11")).isEqualTo("ministry-approvers");
    assertThat(Jurisdiction.decidingGroup("NATIONAL_EMPLOYER", "41")).isEqualTo("ministry-approvers");
  }

  @Test
  void aBranchIsReviewedByTheProvinceWhereItSits() {
    // 002 Annex 1 §一(十)5
    assertThat(Jurisdiction.branchReviewGroup("33")).isEqualTo("provincial-officers-33");
  }

  @Test
  void anOfficerReadsOnlyTheCasesOfHisProvincesAndNationalReadersReadAll() {
    Caller officer33 = new Caller("officer33", Set.of("acceptance-officers", "acceptance-officers-33",
        "provincial-officers-33"));
    assertThat(Jurisdiction.mayRead(officer33, "SOCIAL_ORG", "41", List.of())).isFalse();
    assertThat(Jurisdiction.mayRead(officer33, "SOCIAL_ORG", "33", List.of())).isTrue();
    // A national employer with a branch in Zhejiang: Zhejiang's provincial officers read it, Henan's alone do not.
    assertThat(Jurisdiction.mayRead(officer33, "NATIONAL_EMPLOYER", "11", List.of("33"))).isTrue();
    assertThat(Jurisdiction.mayRead(officer33, "NATIONAL_EMPLOYER", "11", List.of("41"))).isFalse();
    assertThat(Jurisdiction.mayRead(new Caller("manager", Set.of("managers")), "SOCIAL_ORG", "41", List.of())).isTrue();
    assertThat(Jurisdiction.mayRead(new Caller("m33", Set.of("managers-33")), "SOCIAL_ORG", "41", List.of())).isFalse();
    assertThat(Jurisdiction.mayRead(new Caller("m41", Set.of("managers-41")), "SOCIAL_ORG", "41", List.of())).isTrue();
  }

  @Test
  void aSocialOrganisationFiledFirstWithTheMinistryIsAcceptedAndDecidedByTheMinistry() {
    // 人社鉴发〔2019〕2号 Annex 1 §二(二): 先行向人力资源社会保障部备案的，由人力资源社会保障部确定并赋码.
    FilingApplication ministry = Applications.ministrySocialOrg("41");
    assertThat(Jurisdiction.acceptingGroup(Jurisdiction.caseType(ministry), "41")).isEqualTo("ministry-approvers");
    assertThat(Jurisdiction.decidingGroup(Jurisdiction.caseType(ministry), "41")).isEqualTo("ministry-approvers");
    // The same organisation filed with its province stays the province's.
    FilingApplication province = ministry.withFilingLevel(FilingApplication.PROVINCE);
    assertThat(Jurisdiction.acceptingGroup(Jurisdiction.caseType(province), "41")).isEqualTo("acceptance-officers-41");
    assertThat(Jurisdiction.acceptingGroup(Jurisdiction.caseType(Applications.socialOrg()), "41"))
        .isEqualTo("acceptance-officers-41");
  }
}
