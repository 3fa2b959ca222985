package cn.hrss.assessment.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OccupationCodesTest {

  @Test
  void acceptsTheDictionaryFormat() {
    assertThat(OccupationCodes.isValid("6-18-01-01")).isTrue();
    assertThat(OccupationCodes.majorCategory("4-07-05-04")).isEqualTo(4);
  }

  @Test
  void refusesOtherShapes() {
    assertThat(OccupationCodes.isValid("6-18-01")).isFalse();
    assertThat(OccupationCodes.isValid("61801-01")).isFalse();
    assertThat(OccupationCodes.isValid("9-18-01-01")).isFalse();
    assertThat(OccupationCodes.isValid("6-18-01-01 ")).isFalse();
    assertThat(OccupationCodes.isValid(null)).isFalse();
  }

  @Test
  void prefixesServeTheSearch() {
    assertThat(OccupationCodes.isValidPrefix("6")).isTrue();
    assertThat(OccupationCodes.isValidPrefix("6-18")).isTrue();
    assertThat(OccupationCodes.isValidPrefix("6-18-01-01")).isTrue();
    assertThat(OccupationCodes.isValidPrefix("6-1")).isFalse();
  }

  @Test
  void levelsAreOneToFive() {
    assertThat(OccupationCodes.isValidLevel(1)).isTrue();
    assertThat(OccupationCodes.isValidLevel(5)).isTrue();
    assertThat(OccupationCodes.isValidLevel(0)).isFalse();
    assertThat(OccupationCodes.isValidLevel(6)).isFalse();
    assertThat(OccupationCodes.isValidLevel(null)).isFalse();
  }
}
