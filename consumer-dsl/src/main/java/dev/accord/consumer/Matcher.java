package dev.accord.consumer;

import dev.accord.pact.model.Generator;
import dev.accord.pact.model.MatchingRule;
import java.util.List;
import java.util.Objects;

/**
 * An example value that carries the Pact rules it stands for: {@code integer(42)} is the example
 * {@code 42} with the {@code integer} rule. Put matchers anywhere in a body (maps, lists, records),
 * in a header, a query value, the request path or message metadata. Create them with the static
 * factories of {@link Accord}.
 *
 * <pre>{@code
 * .body(Map.of("id", like("prod-001"), "price", decimal(29.99), "tags", eachLike("electronics")))
 * }</pre>
 *
 * <p>Matchers are immutable. Their example is checked against their own rules when the interaction
 * is declared, so a contract never states an example its own rules reject.
 */
public class Matcher {

  /** What kind of structure a matcher describes; the body compiler dispatches on it. */
  enum Kind {
    VALUE,
    EACH_LIKE,
    ARRAY_CONTAINING,
    EACH_KEY,
    EACH_VALUE,
    STATE_VARIABLE,
    TEMPLATE
  }

  final Kind kind;
  final Object example;
  final List<MatchingRule> rules;
  final Generator generator;

  /** The factory call, as the user wrote it, for error messages: {@code regex("\\d+", "abc")}. */
  final String describe;

  Matcher(
      Kind kind, Object example, List<MatchingRule> rules, Generator generator, String describe) {
    this.kind = Objects.requireNonNull(kind);
    this.example = example;
    this.rules = List.copyOf(rules);
    this.generator = generator;
    this.describe = describe;
  }

  /** The example value as given (a Java value that may itself contain matchers). */
  public Object example() {
    return example;
  }

  /** The rules this matcher writes at its own place. */
  public List<MatchingRule> rules() {
    return rules;
  }

  @Override
  public String toString() {
    return describe;
  }

  /** {@code eachLike(...)}: a list whose every element is like the template. */
  public static final class EachLike extends Matcher {
    final Integer min;
    final Integer max;
    final int examples;

    EachLike(Object template, Integer min, Integer max, int examples, String describe) {
      super(Kind.EACH_LIKE, template, List.of(new MatchingRule.Type(min, max)), null, describe);
      this.min = min;
      this.max = max;
      this.examples = examples;
    }

    /**
     * How many copies of the template the example list holds (default: the minimum, at least one).
     * Fewer than the minimum fails when the interaction is declared.
     */
    public EachLike examples(int count) {
      return new EachLike(example, min, max, count, describe + ".examples(" + count + ")");
    }
  }

  /** {@code arrayContaining(...)}: each variant must match at least one element, in any order. */
  static final class ArrayContaining extends Matcher {
    final List<Object> variants;

    ArrayContaining(List<Object> variants, String describe) {
      super(Kind.ARRAY_CONTAINING, variants, List.of(), null, describe);
      this.variants = variants;
    }
  }

  /** {@code eachKey(...)} and {@code eachValue(...)}: rules applied to every key or every value. */
  static final class Each extends Matcher {
    final Matcher element;

    Each(Kind kind, Matcher element, Object example, String describe) {
      super(kind, example, List.of(), null, describe);
      this.element = element;
    }
  }

  /**
   * {@code stateVariable("id")}: the value of a provider-state variable, defaulting to its declared
   * value.
   */
  static final class StateVariable extends Matcher {
    final String name;

    StateVariable(String name) {
      super(Kind.STATE_VARIABLE, null, List.of(), null, "stateVariable(\"" + name + "\")");
      this.name = name;
    }
  }

  /**
   * {@code path("/products/", stateVariable("id"))}: a string built from literals and state
   * variables.
   */
  static final class Template extends Matcher {
    final List<Object> parts;

    Template(List<Object> parts) {
      super(
          Kind.TEMPLATE,
          null,
          List.of(),
          null,
          "path("
              + parts.stream().map(Accord::show).collect(java.util.stream.Collectors.joining(", "))
              + ")");
      this.parts = parts;
    }
  }
}
