package cn.hrss.assessment.codes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodeAnnotationsTest {

  record Applicant(@UnifiedSocialCreditCode String creditCode, @NotBlank @ResidentIdNumber String idNumber) {}

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void start() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  @Test
  void validValuesPass() {
    assertThat(validator.validate(new Applicant("91350100M000100Y43", "11010519491231002X"))).isEmpty();
  }

  @Test
  void nullIsValidForTheCodeAnnotationsAlone() {
    Set<ConstraintViolation<Applicant>> violations = validator.validate(new Applicant(null, null));
    assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactly("idNumber");
  }

  @Test
  void corruptedValuesFailWithChineseMessages() {
    Set<ConstraintViolation<Applicant>> violations = validator.validate(new Applicant("91350100M000100Y44", "110105194912310021"));
    assertThat(violations).extracting(ConstraintViolation::getMessage)
        .containsExactlyInAnyOrder(
            "不是有效的统一社会信用代码（GB 32100-2015，18 位，含校验码）",
            "不是有效的公民身份号码（GB 11643，18 位，含校验码）");
  }
}
