package cn.hrss.assessment.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {

  // Check characters computed by hand from GB 32100-2015 (weights 3^i mod 31).
  @ParameterizedTest
  @ValueSource(strings = {
      "91350100M000100Y43", // enterprise (工商 9 / 1)
      "91110000100000589A", // check character a letter
      "511000005000001313", // social organisation (民政 5 / 1)
      "12100000400000924E", // public institution (机构编制 1 / 2)
      "91440300MA5DXXXXXG"})
  void acceptsCodesWithTheRightCheckCharacter(String code) {
    assertThat(CreditCodes.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "91110000100000589A", "511000005000001313"})
  void refusesEverySingleCharacterChange(String valid) {
    for (int i = 0; i < valid.length(); i++) {
      for (char c : (CreditCodes.CHARSET + "IOZSVa-").toCharArray()) {
        if (c == valid.charAt(i)) {
          continue;
        }
        String corrupted = valid.substring(0, i) + c + valid.substring(i + 1);
        assertThat(CreditCodes.isValid(corrupted)).as(corrupted).isFalse();
      }
    }
  }

  @Test
  void refusesSwappedNeighbours() {
    assertThat(CreditCodes.isValid("91350100M000100Y34")).isFalse();
    assertThat(CreditCodes.isValid("93150100M000100Y43")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "91350100m000100y43", "91350100M000100Y4３"})
  void refusesWrongLengthOrCharacters(String code) {
    assertThat(CreditCodes.isValid(code)).isFalse();
  }

  @Test
  void refusesNull() {
    assertThat(CreditCodes.isValid(null)).isFalse();
  }

  @Test
  void refusesAnUnknownRegistrationAuthorityEvenWithTheRightCheckCharacter() {
    String first17 = "B1350100M000100Y4";
    assertThat(CreditCodes.isValid(first17 + CreditCodes.checkCharacter(first17))).isFalse();
    String typeZero = "90350100M000100Y4";
    assertThat(CreditCodes.isValid(typeZero + CreditCodes.checkCharacter(typeZero))).isFalse();
    String letterInDivision = "9135A100M000100Y4";
    assertThat(CreditCodes.isValid(letterInDivision + CreditCodes.checkCharacter(letterInDivision))).isFalse();
  }

  @Test
  void checkCharacterRefusesForeignCharacters() {
    assertThatThrownBy(() -> CreditCodes.checkCharacter("91350100M000100I4"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
