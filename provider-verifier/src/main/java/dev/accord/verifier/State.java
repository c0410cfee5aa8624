package dev.accord.verifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that puts the provider into a provider state before an interaction is replayed (or
 * takes it out again with {@code action = TEARDOWN}). The method may take the state's parameters as
 * a {@code Map<String, Object>} and may return a {@code Map<String, ?>} of values that the
 * request's {@code ProviderState} generators use (e.g. the id of the row it inserted):
 *
 * <pre>{@code
 * @State("a product exists")
 * Map<String, Object> productExists(Map<String, Object> params) {
 *   Product p = repository.save(new Product((String) params.get("name")));
 *   return Map.of("id", p.id());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface State {
  /** The provider state names this method handles, exactly as written in the pact. */
  String[] value();

  /** Whether this method sets the state up (default) or tears it down. */
  StateAction action() default StateAction.SETUP;
}
