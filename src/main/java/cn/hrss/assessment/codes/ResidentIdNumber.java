package cn.hrss.assessment.codes;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A resident ID number (GB 11643) with a real birth date and a correct check character. {@code null} is valid: add {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = ResidentIdNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentIdNumber {

  String message() default "不是有效的公民身份号码（GB 11643，18 位，含校验码）";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Bean Validation implementation. */
  class Validator implements ConstraintValidator<ResidentIdNumber, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || ResidentIdNumbers.isValid(value.toString());
    }
  }
}
