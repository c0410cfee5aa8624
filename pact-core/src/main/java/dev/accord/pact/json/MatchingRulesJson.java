package dev.accord.pact.json;

import dev.accord.pact.json.internal.ReadContext;
import dev.accord.pact.json.internal.RulesCodec;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.PactSpecification;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code matchingRules} object of a request, response or message on its own, as the
 * compatibility suite and the consumer DSL need it.
 *
 * <pre>{@code
 * MatchingRules rules = MatchingRulesJson.read(Json.parse(
 *     "{\"body\": {\"$.id\": {\"matchers\": [{\"match\": \"integer\"}]}}}"), PactSpecification.V3, "fixture.json");
 * ObjectNode json = MatchingRulesJson.write(rules, PactSpecification.V4);
 * }</pre>
 */
public final class MatchingRulesJson {
  private MatchingRulesJson() {}

  /**
   * Reads the V2 flat form ({@code "$.body.id": {"match": "type"}}) or the V3/V4 categorised form,
   * told apart by shape (keys starting with {@code $} are V2). Legacy matcher forms are accepted;
   * warnings are logged.
   *
   * @param source where the JSON came from, for error messages (JSON paths start at {@code $}, the
   *     object itself)
   * @throws PactFormatException for an attribute of the wrong type, an unknown category, ...
   */
  public static MatchingRules read(JsonNode node, PactSpecification version, String source) {
    Objects.requireNonNull(version, "version");
    return RulesCodec.read(node, version, "$", new ReadContext(source, true));
  }

  /**
   * The V3/V4 categorised form ({@code datetime} is written {@code timestamp} for V3, as pact-jvm
   * reads it), or the V2 flat form for V1 and V2.
   *
   * @throws IllegalArgumentException for V2 when a path has more than one matcher (V2 cannot
   *     express it)
   */
  public static ObjectNode write(MatchingRules rules, PactSpecification version) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(version, "version");
    return RulesCodec.write(rules, version);
  }
}
