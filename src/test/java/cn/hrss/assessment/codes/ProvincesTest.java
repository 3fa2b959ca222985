package cn.hrss.assessment.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProvincesTest {

  @Test
  void holdsTheThirtyFiveCodesOfTheSourceTable() {
    // 001 人社鉴发〔2019〕2号 表 4: 31 provinces + 兵团 + 台湾 + 香港 + 澳门
    assertThat(Provinces.all()).hasSize(35);
    assertThat(Provinces.all().keySet()).startsWith("11").endsWith("82");
    assertThat(Provinces.name("41")).isEqualTo("河南省");
    assertThat(Provinces.name("23")).isEqualTo("黑龙江省");
    assertThat(Provinces.name("66")).isEqualTo("新疆生产建设兵团");
  }

  @Test
  void refusesUnknownCodes() {
    assertThat(Provinces.isValid("40")).isFalse();
    assertThat(Provinces.isValid("410000")).isFalse();
    assertThat(Provinces.isValid(null)).isFalse();
    assertThat(Provinces.nameOf("99")).isEmpty();
    assertThatThrownBy(() -> Provinces.name("99")).hasMessageContaining("未知的省级代码");
  }
}
