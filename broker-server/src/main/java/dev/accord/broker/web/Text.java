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
 * An optional free-text request field of at most {@link #max()} characters and no control
 * characters ({@link Fields#textProblem}).
 */
@Documented
@Constraint(validatedBy = Text.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {
  int max();

  String message() default "is not storable text";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<Text, String> {
    private int max;

    @Override
    public void initialize(Text annotation) {
      max = annotation.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return report(Fields.textProblem(value, max), context);
    }

    /**
     * True when there is no problem; otherwise the problem, word for word, as the violation's
     * message.
     */
    public static boolean report(String problem, ConstraintValidatorContext context) {
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      String literal =
          problem.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
      context.buildConstraintViolationWithTemplate(literal).addConstraintViolation();
      return false;
    }
  }
}
