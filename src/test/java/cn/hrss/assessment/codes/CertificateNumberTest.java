package cn.hrss.assessment.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificateNumberTest {

  // 001 人社鉴发〔2019〕2号 示例 1 Y000123XXXXXX195000001 with a concrete site serial 000045:
  // employer, ministry number 0001, 黑龙江 (23), issued 2019, level 5 (初级工), serial 000001.
  private static final String EXAMPLE = "Y000123000045195000001";

  @Test
  void parsesTheSourceExample() {
    CertificateNumber number = CertificateNumber.parse(EXAMPLE);
    assertThat(number.filingCode().category()).isEqualTo("Y");
    assertThat(number.filingCode().institutionCode()).isEqualTo("0001");
    assertThat(number.filingCode().ministryFiled()).isTrue();
    assertThat(number.filingCode().province()).isEqualTo("23");
    assertThat(number.filingCode().siteSerial()).isEqualTo("000045");
    assertThat(number.year()).isEqualTo(19);
    assertThat(number.level()).isEqualTo(5);
    assertThat(number.serial()).isEqualTo(1);
    assertThat(number.value()).isEqualTo(EXAMPLE);
  }

  @Test
  void buildsFromAFilingCode() {
    CertificateNumber number = CertificateNumber.of("S000041000123", 2026, 3, 4567);
    assertThat(number.value()).isEqualTo("S000041000123263004567").hasSize(22);
    assertThat(number.filingCode().ministryFiled()).isFalse();
    assertThat(CertificateNumber.of("S000041000123", 26, 3, 4567)).isEqualTo(number);
    assertThat(CertificateNumber.parse(number.value())).isEqualTo(number);
  }

  @Test
  void theSourcePlaceholderIsNotAValidCode() {
    assertThat(CertificateNumber.validate("Y000123XXXXXX195000001"))
        .containsExactly("第 8-13 位评价机构（站点）序列码应为 6 位数字，且不为 000000");
  }

  @Test
  void namesEveryProblemInChinese() {
    assertThat(CertificateNumber.validate("X000199000045196000000")).containsExactly(
        "第 1 位评价机构类别代码应为 Y（用人单位）或 S（社会培训评价组织）",
        "第 6-7 位省级代码不在 GB/T 2260 省级代码表中",
        "第 16 位职业技能等级代码应为 1-5（1 高级技师、2 技师、3 高级工、4 中级工、5 初级工）",
        "第 17-22 位证书序列码应为 000001-999999");
    assertThat(CertificateNumber.validate("Y00012300004519500001")).containsExactly("证书编码应为 22 位（1 位大写字母 + 21 位数字）");
    assertThatThrownBy(() -> CertificateNumber.parse("y000123000045195000001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("证书编码无效：第 1 位");
  }

  @Test
  void refusesOutOfRangeParts() {
    assertThatThrownBy(() -> CertificateNumber.of("Y000123000045", 2019, 6, 1)).hasMessageContaining("第 16 位");
    assertThatThrownBy(() -> CertificateNumber.of("Y000123000045", 2019, 5, 1_000_000)).hasMessageContaining("第 17-22 位");
    assertThatThrownBy(() -> CertificateNumber.of("Y000123000045", 2019, 5, 0)).hasMessageContaining("第 17-22 位");
    assertThatThrownBy(() -> CertificateNumber.of("Y0001230000", 2019, 5, 1)).hasMessageContaining("13 位");
  }

  @Test
  void filingCodesAreThirteenCharacters() {
    FilingCode code = FilingCode.of("Y", 1, "23", 45);
    assertThat(code.value()).isEqualTo("Y000123000045");
    assertThat(FilingCode.of("S", 0, "41", 7).value()).isEqualTo("S000041000007");
    assertThat(FilingCode.isValid("S000041000007")).isTrue();
    assertThat(FilingCode.isValid("S000040000007")).isFalse();
    assertThat(FilingCode.validate("S00004100000")).containsExactly("备案编码应为 13 位（1 位字母 + 12 位数字）");
  }
}
