package dev.accord.pact.matching;

import dev.accord.pact.matching.internal.ExampleCheck;
import dev.accord.pact.matching.internal.PactMatcher;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MessageContents;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The matching engine: compares what a pact expects with what actually happened and lists every
 * mismatch. One engine serves the consumer mock (requests, strict), the verifier (responses,
 * lenient) and message verification (lenient). An empty list means the actual value matches.
 *
 * <p>The matching rules always come from the <em>expected</em> side (the pact). Every matcher of
 * the Pact specification V2 to V4 is supported; a matcher Accord does not know (a plugin matcher)
 * yields a mismatch that says so rather than a silent pass. Mismatch descriptions use the wording
 * of the Pact compatibility suite, for example {@code Expected 'c' (String) to be equal to 'b'
 * (String)}.
 *
 * <p>Example: a provider answers with a different price type.
 *
 * <pre>{@code
 * JsonNode expectedBody = Json.parse("{\"id\": 1, \"price\": 9.99}");
 * HttpResponse expected = HttpResponse.of(200)
 *     .withBody(Body.json(expectedBody))
 *     .withMatchingRules(MatchingRules.builder()
 *         .add(Category.BODY, "$.id", new MatchingRule.IntegerType())
 *         .add(Category.BODY, "$.price", new MatchingRule.DecimalType())
 *         .build());
 * HttpResponse actual = HttpResponse.of(200)
 *     .withBody(Body.json(Json.parse("{\"id\": 42, \"price\": \"9.99\", \"extra\": true}")));
 *
 * List<Mismatch> mismatches = Matching.matchResponse(expected, actual);
 * // one mismatch: body $.price: Expected '9.99' (String) to be a decimal number
 * // ("extra" is fine in a response; it would fail in a request)
 * }</pre>
 *
 * <p>Strictness (specification section 2.5): in a request, unexpected JSON keys, XML attributes and
 * children, query parameters and form parameters are mismatches; in a response or a message they
 * are allowed. Missing keys and array length differences (without a matcher) fail everywhere. Extra
 * headers and metadata entries are always allowed.
 *
 * <p>All methods are thread-safe and never throw for bad actual content: malformed JSON or XML, a
 * missing body or a wrong content type are reported as mismatches.
 */
public final class Matching {
  private Matching() {}

  /**
   * Matches a request received by a consumer mock against the pact's request. Strict: unexpected
   * body keys and query parameters are mismatches. Rules come from {@code expected}.
   *
   * @return every mismatch, in the order method, path, query, headers, body; empty when it matches
   */
  public static List<Mismatch> matchRequest(HttpRequest expected, HttpRequest actual) {
    return PactMatcher.matchRequest(
        Objects.requireNonNull(expected, "expected"), Objects.requireNonNull(actual, "actual"));
  }

  /**
   * Matches a provider's response against the pact's response. Lenient: unexpected body keys and
   * headers are allowed. Rules come from {@code expected}.
   *
   * @return every mismatch, in the order status, headers, body; empty when it matches
   */
  public static List<Mismatch> matchResponse(HttpResponse expected, HttpResponse actual) {
    return PactMatcher.matchResponse(
        Objects.requireNonNull(expected, "expected"), Objects.requireNonNull(actual, "actual"));
  }

  /**
   * Matches a message produced by a provider against the pact's message. Lenient, like responses:
   * the payload by its content type (body, else the {@code contentType} metadata entry), then
   * metadata (every expected key must be present and match; extra keys are allowed). Rules come
   * from {@code expected}.
   *
   * @return every mismatch, payload first then metadata; empty when it matches
   */
  public static List<Mismatch> matchMessage(MessageContents expected, MessageContents actual) {
    return PactMatcher.matchMessage(
        Objects.requireNonNull(expected, "expected"), Objects.requireNonNull(actual, "actual"));
  }

  /**
   * A rule list as mismatches name it in {@link Mismatch#rule()}: {@code type}, {@code regex
   * '\\d+'}, {@code integer or null}.
   */
  public static String describeRules(dev.accord.pact.model.RuleList rules) {
    return dev.accord.pact.matching.internal.RuleText.of(Objects.requireNonNull(rules, "rules"));
  }

  /**
   * Checks an example against one of its own rules, as a consumer DSL does when an interaction is
   * declared: what this refuses, the consumer mock and the verifier refuse too, in the same words.
   *
   * <pre>{@code
   * Matching.checkExample(new MatchingRule.Semver(), Json.parse("\"1.2.3-01\""));
   * // [body $: '1.2.3-01' is not a valid semantic version]
   * Matching.checkExample(new MatchingRule.StatusCode("client_error", null), Json.parse("404"));
   * // []
   * Matching.checkExample(new MatchingRule.Type(1, null), Json.parse("[]"));
   * // [body $: Expected [] (size 0) to have minimum size of 1]
   * }</pre>
   *
   * <p>The example is a whole body with the rule at {@code $}: a container rule ({@code eachLike}
   * sizes, {@code eachKey}, {@code eachValue}, {@code arrayContains}) applies as it does in a pact,
   * and a rule a value can never satisfy (a regex that does not compile, a date format {@code
   * DateTimeFormatter} refuses, an unknown status class, a negative size) is reported too.
   *
   * @param example the example as JSON (a {@code null} Java reference is JSON {@code null})
   * @return the mismatches ({@link MismatchType#BODY}, paths relative to the example, {@code $}
   *     being the example itself); empty when the example satisfies the rule
   */
  public static List<Mismatch> checkExample(MatchingRule rule, JsonNode example) {
    return ExampleCheck.check(Objects.requireNonNull(rule, "rule"), example);
  }

  /**
   * Matches one value against one rule, with {@code expected} as the pact's example (what {@code
   * type} and equality compare with). The same judgement as in a body, lenient about unexpected
   * keys.
   *
   * @return the mismatches ({@link MismatchType#BODY}, paths relative to the value); empty when it
   *     matches
   */
  public static List<Mismatch> matchValue(MatchingRule rule, JsonNode expected, JsonNode actual) {
    return ExampleCheck.match(Objects.requireNonNull(rule, "rule"), expected, actual);
  }
}
