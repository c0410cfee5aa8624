package dev.accord.broker.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * What a request record's field must be when the JSON has another type there, in the client's
 * words: {@code @Expected("a date string like \"2024-01-01\"") String includeWipPactsSince} answers
 * {@code {"errors": {"includeWipPactsSince": ["must be a date string like \"2024-01-01\""]}}} to
 * {@code {"includeWipPactsSince": {}}}. On a list, it also covers its elements, unless the element
 * type has its own ({@code List<@Expected("...") String>}). Without it, {@link ApiExceptionHandler}
 * says "must be a string", "must be true or false", and so on.
 */
@Documented
@Target({RECORD_COMPONENT, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Expected {
  /** The sentence after "must be ". */
  String value();
}
