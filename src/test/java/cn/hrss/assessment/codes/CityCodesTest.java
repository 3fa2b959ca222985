package cn.hrss.assessment.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CityCodesTest {

  @Test
  void henansTableFiveOfTheSource() {
    // 001 豫职鉴〔2020〕2号 Annex 1 §二(四) 表 5: 00 省直, 01 郑州市 … 17 驻马店市, 18 济源市, 19-28 省直管县（市）.
    assertThat(CityCodes.table("41")).hasSize(29);
    assertThat(CityCodes.name("41", "00")).isEqualTo("省直");
    assertThat(CityCodes.name("41", "01")).isEqualTo("郑州市");
    assertThat(CityCodes.name("41", "12")).isEqualTo("三门峡市");
    assertThat(CityCodes.name("41", "18")).isEqualTo("济源市");
    assertThat(CityCodes.name("41", "28")).isEqualTo("新蔡县");
    assertThat(CityCodes.isValid("41", "29")).isFalse();
    assertThat(CityCodes.isValid("41", "4101")).isFalse(); // not the GB/T 2260 form
  }

  @Test
  void onlyHenanHasATable() {
    assertThat(CityCodes.hasTable("41")).isTrue();
    assertThat(CityCodes.hasTable("33")).isFalse();
    assertThat(CityCodes.isValid("33", "01")).isFalse();
    assertThat(CityCodes.isValid("41", null)).isFalse();
  }
}
