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

/** A unified social credit code (GB 32100-2015) with a correct check character. {@code null} is valid: add {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = UnifiedSocialCreditCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface UnifiedSocialCreditCode {

  String message() default "不是有效的统一社会信用代码（GB 32100-2015，18 位，含校验码）";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Bean Validation implementation. */
  class Validator implements ConstraintValidator<UnifiedSocialCreditCode, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || CreditCodes.isValid(value.toString());
    }
  }
}
