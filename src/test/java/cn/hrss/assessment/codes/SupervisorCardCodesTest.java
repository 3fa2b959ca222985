package cn.hrss.assessment.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 001 人社职司便函〔2020〕53号 附件1: supervisors' card codes. */
class SupervisorCardCodesTest {

  @Test
  void externalCardsAreRTheIssuingDepartmentTheYearAndASerial() {
    assertThat(SupervisorCardCodes.isValid("R41210001")).isTrue(); // 河南省, 2021, 0001
    assertThat(SupervisorCardCodes.isValid("R00229999")).isTrue(); // the ministry
    assertThat(SupervisorCardCodes.isExternal("R41210001")).isTrue();
    assertThat(SupervisorCardCodes.problem("R99210001")).get().asString().contains("99");
    assertThat(SupervisorCardCodes.problem("R41210000")).get().asString().contains("0001");
    assertThat(SupervisorCardCodes.isValid("R4121000")).isFalse();
    assertThat(SupervisorCardCodes.isValid("r41210001")).isFalse();
  }

  @Test
  void internalCardsAreHYOrSTheIssuerOfSixDigitsTheYearAndASerial() {
    assertThat(SupervisorCardCodes.isValid("S001234210001")).isTrue(); // filed with the ministry: 00 + its 4-digit code
    assertThat(SupervisorCardCodes.isValid("Y410123220017")).isTrue();
    assertThat(SupervisorCardCodes.isValid("H000001230002")).isTrue();
    assertThat(SupervisorCardCodes.isExternal("S001234210001")).isFalse();
    assertThat(SupervisorCardCodes.isValid("X001234210001")).isFalse();
    assertThat(SupervisorCardCodes.isValid("S00123421000")).isFalse();
    assertThat(SupervisorCardCodes.problem("S001234210000")).isPresent();
    assertThat(SupervisorCardCodes.problem(null)).contains("必填");
  }
}
