package cn.hrss.assessment.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumbersTest {

  // Check characters by ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11), computed by hand.
  @ParameterizedTest
  @ValueSource(strings = {"11010519491231002X", "41010519900307123X", "440304200002290014", "330102198510108881"})
  void acceptsNumbersWithARealBirthDateAndTheRightCheckCharacter(String id) {
    assertThat(ResidentIdNumbers.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"11010519491231002X", "440304200002290014"})
  void refusesEverySingleCharacterChange(String valid) {
    for (int i = 0; i < valid.length(); i++) {
      for (char c : "0123456789Xx ".toCharArray()) {
        if (c == valid.charAt(i)) {
          continue;
        }
        String corrupted = valid.substring(0, i) + c + valid.substring(i + 1);
        assertThat(ResidentIdNumbers.isValid(corrupted)).as(corrupted).isFalse();
      }
    }
  }

  @Test
  void refusesAnImpossibleBirthDateEvenWithTheRightCheckCharacter() {
    for (String first17 : new String[] {"44030420010229001", "11010519491301002", "11010519490000002", "11010530000101002"}) {
      assertThat(ResidentIdNumbers.isValid(first17 + ResidentIdNumbers.checkCharacter(first17))).as(first17).isFalse();
    }
  }

  @Test
  void refusesWrongLengthLowerCaseAndNull() {
    assertThat(ResidentIdNumbers.isValid(null)).isFalse();
    assertThat(ResidentIdNumbers.isValid("11010519491231002")).isFalse();
    assertThat(ResidentIdNumbers.isValid("11010519491231002x")).isFalse();
    assertThat(ResidentIdNumbers.isValid("110105491231002")).isFalse();
  }

  @Test
  void masksTheBirthDateAndSequenceForDisplay() {
    assertThat(ResidentIdNumbers.mask("41010519900307123X")).isEqualTo("410105********123X");
    assertThat(ResidentIdNumbers.mask("123")).isEqualTo("***");
    assertThat(ResidentIdNumbers.mask(null)).isNull();
  }

  @Test
  void readsTheBirthDate() {
    assertThat(ResidentIdNumbers.birthDate("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
  }
}
