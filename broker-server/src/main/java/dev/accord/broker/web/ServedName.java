package dev.accord.broker.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A request field holding a name the broker serves back in URLs and pages ({@link
 * Fields#nameProblem}); required unless {@link #optional()}.
 */
@Documented
@Constraint(validatedBy = ServedName.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ServedName {
  /** True when the field may be absent (null); a value that is given is still checked. */
  boolean optional() default false;

  String message() default "is not a name the broker can serve";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<ServedName, String> {
    private boolean optional;

    @Override
    public void initialize(ServedName annotation) {
      optional = annotation.optional();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null && optional || Text.Check.report(Fields.nameProblem(value), context);
    }
  }
}
