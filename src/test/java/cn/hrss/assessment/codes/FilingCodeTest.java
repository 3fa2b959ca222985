package cn.hrss.assessment.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The filing code of 001 人社鉴发〔2019〕2号 Annex 1 (positions 1-13) and Henan's variant of 豫职鉴〔2020〕2号. */
class FilingCodeTest {

  @Test
  void theSourceExamplesParse() {
    // 人社鉴发〔2019〕2号 三、示例 2: S + 0001 (ministry) + 23 黑龙江 + site serial; 示例 4: S + 0000 (province) + 11 北京.
    FilingCode ministry = FilingCode.parse("S000123000001");
    assertThat(ministry.category()).isEqualTo("S");
    assertThat(ministry.institutionCode()).isEqualTo("0001");
    assertThat(ministry.ministryFiled()).isTrue();
    assertThat(ministry.province()).isEqualTo("23");
    FilingCode province = FilingCode.parse("S000011000001");
    assertThat(province.ministryFiled()).isFalse();
    assertThat(FilingCode.of("S", 9999, "41", 1).value()).isEqualTo("S999941000001");
  }

  @Test
  void refusesWhatTheRuleDoesNotAllow() {
    assertThat(FilingCode.isValid("X000141000001")).isFalse(); // 表 2: only Y and S
    assertThat(FilingCode.isValid("S000140000001")).isFalse(); // 表 4: 40 is no province
    assertThat(FilingCode.isValid("S000141000000")).isFalse(); // no site serial
    assertThat(FilingCode.isValid("S00014100000")).isFalse();  // 13 characters
  }

  @Test
  void henanCityCodeInPositionsEightAndNine() {
    // 豫职鉴〔2020〕2号 三、示例 5: Y 0000 41 12 XXXX — 12 三门峡市, then the city's 4-digit serial.
    FilingCode code = FilingCode.withCity("Y", 0, "41", "12", 7);
    assertThat(code.value()).isEqualTo("Y000041120007");
    assertThat(code.siteSerial()).isEqualTo("120007");
    // 示例 2: S 0001 41 00 XXXX — a ministry-filed organisation's site directly under the province (省直).
    assertThat(FilingCode.withCity("S", 1, "41", "00", 1).value()).isEqualTo("S000141000001");
    // The result is an ordinary 13-character filing code: codes issued before the option stay valid and comparable.
    assertThat(FilingCode.isValid(code.value())).isTrue();
  }

  @Test
  void cityCodeMustBeInTheProvincesTable() {
    assertThatThrownBy(() -> FilingCode.withCity("Y", 0, "41", "29", 1)).hasMessageContaining("29");
    // Zhejiang has no city table in our sources: no city code there.
    assertThatThrownBy(() -> FilingCode.withCity("Y", 0, "33", "01", 1)).hasMessageContaining("浙江省");
    assertThatThrownBy(() -> FilingCode.withCity("Y", 0, "41", "01", 10000)).hasMessageContaining("0001-9999");
    assertThatThrownBy(() -> FilingCode.withCity("Y", 0, "41", "01", 0)).hasMessageContaining("0001-9999");
  }
}
