package dev.accord.broker.version;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.accord.broker.web.Text;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A request field holding a version number ({@link VersionService#numberProblem}): required, one
 * line, servable.
 */
@Documented
@Constraint(validatedBy = VersionNumber.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface VersionNumber {
  String message() default "is not a version number the broker can serve";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<VersionNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return Text.Check.report(VersionService.numberProblem(value), context);
    }
  }
}
