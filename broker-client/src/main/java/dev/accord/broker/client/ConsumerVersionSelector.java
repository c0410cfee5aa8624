package dev.accord.broker.client;

import dev.accord.pact.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which consumer versions' pacts a provider verifies, as in the Pact Broker's {@code
 * consumerVersionSelectors}. Build one with the static factories and narrow it with the {@code
 * with*} methods:
 *
 * <pre>{@code
 * List<ConsumerVersionSelector> selectors = List.of(
 *     ConsumerVersionSelector.mainBranch(),
 *     ConsumerVersionSelector.deployedOrReleased(),
 *     ConsumerVersionSelector.branch("feat/x").withConsumer("orders-service"));
 * }</pre>
 *
 * Only the keys set are sent. The broker validates combinations (e.g. {@code matchingBranch} needs
 * a provider branch) and its 400 message is passed on.
 */
public final class ConsumerVersionSelector {

  private static final List<String> ORDER =
      List.of(
          "mainBranch",
          "branch",
          "fallbackBranch",
          "matchingBranch",
          "tag",
          "fallbackTag",
          "latest",
          "deployed",
          "released",
          "deployedOrReleased",
          "environment",
          "consumer");

  private final Map<String, Object> fields;

  private ConsumerVersionSelector(Map<String, Object> fields) {
    this.fields = fields;
  }

  private static ConsumerVersionSelector empty() {
    return new ConsumerVersionSelector(Map.of());
  }

  /** The head of each consumer's main branch: {@code {"mainBranch":true}}. */
  public static ConsumerVersionSelector mainBranch() {
    return empty().with("mainBranch", true);
  }

  /** The head of consumer branch {@code name}: {@code {"branch":name}}. */
  public static ConsumerVersionSelector branch(String name) {
    return empty().with("branch", name);
  }

  /**
   * The head of the consumer branch named like the provider branch: {@code
   * {"matchingBranch":true}}.
   */
  public static ConsumerVersionSelector matchingBranch() {
    return empty().with("matchingBranch", true);
  }

  /** Every consumer version tagged {@code tag}: {@code {"tag":tag}}. */
  public static ConsumerVersionSelector tag(String tag) {
    return empty().with("tag", tag);
  }

  /** The latest consumer version tagged {@code tag}: {@code {"tag":tag,"latest":true}}. */
  public static ConsumerVersionSelector latestTag(String tag) {
    return empty().with("tag", tag).with("latest", true);
  }

  /** The overall latest pact of each consumer: {@code {"latest":true}}. */
  public static ConsumerVersionSelector latest() {
    return empty().with("latest", true);
  }

  /** Consumer versions currently deployed to any environment: {@code {"deployed":true}}. */
  public static ConsumerVersionSelector deployed() {
    return empty().with("deployed", true);
  }

  /** Consumer versions released and still supported: {@code {"released":true}}. */
  public static ConsumerVersionSelector released() {
    return empty().with("released", true);
  }

  /** Consumer versions deployed or released anywhere: {@code {"deployedOrReleased":true}}. */
  public static ConsumerVersionSelector deployedOrReleased() {
    return empty().with("deployedOrReleased", true);
  }

  /** Consumer versions deployed or released in {@code environment}: {@code {"environment":e}}. */
  public static ConsumerVersionSelector environment(String environment) {
    return empty().with("environment", environment);
  }

  /** This selector restricted to one consumer. */
  public ConsumerVersionSelector withConsumer(String consumer) {
    return with("consumer", consumer);
  }

  /** This branch selector with a fallback branch. */
  public ConsumerVersionSelector withFallbackBranch(String fallbackBranch) {
    return with("fallbackBranch", fallbackBranch);
  }

  /** This tag selector with a fallback tag. */
  public ConsumerVersionSelector withFallbackTag(String fallbackTag) {
    return with("fallbackTag", fallbackTag);
  }

  /**
   * Parses the JSON form used on command lines and in the Pact ecosystem, e.g. {@code
   * {"branch":"main","consumer":"web"}}.
   *
   * @throws IllegalArgumentException naming the unknown key or the wrongly typed value and the
   *     valid keys
   */
  public static ConsumerVersionSelector fromJson(String json) {
    JsonNode node;
    try {
      node = Json.parse(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "Consumer version selector is not valid JSON: "
              + json
              + " ("
              + e.getOriginalMessage()
              + ")."
              + " Expected an object such as {\"mainBranch\":true} or {\"branch\":\"main\",\"consumer\":\"web\"}.");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          "Consumer version selector must be a JSON object, got: "
              + json
              + ". Example: {\"mainBranch\":true}");
    }
    ConsumerVersionSelector selector = empty();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (!ORDER.contains(key)) {
        throw new IllegalArgumentException(
            "Unknown key '"
                + key
                + "' in consumer version selector "
                + json
                + ". Valid keys: "
                + String.join(", ", new java.util.TreeSet<>(ORDER))
                + ".");
      }
      boolean booleanKey = isBooleanKey(key);
      if (value.isNull()) {
        continue;
      }
      if (booleanKey && !value.isBoolean()) {
        throw new IllegalArgumentException(
            "'"
                + key
                + "' in consumer version selector "
                + json
                + " must be true or false, got "
                + value
                + ".");
      }
      if (!booleanKey && !value.isString()) {
        throw new IllegalArgumentException(
            "'"
                + key
                + "' in consumer version selector "
                + json
                + " must be a string, got "
                + value
                + ".");
      }
      selector = selector.with(key, booleanKey ? (Object) value.asBoolean() : value.asString());
    }
    return selector;
  }

  private static boolean isBooleanKey(String key) {
    return switch (key) {
      case "mainBranch", "matchingBranch", "latest", "deployed", "released", "deployedOrReleased" ->
          true;
      default -> false;
    };
  }

  /** The selector as the broker's JSON, keys in a stable order. */
  public String toJson() {
    ObjectNode node = Json.mapper().createObjectNode();
    for (String key : ORDER) {
      Object value = fields.get(key);
      if (value instanceof Boolean b) {
        node.put(key, b);
      } else if (value instanceof String str) {
        node.put(key, str);
      }
    }
    return Json.write(node);
  }

  /** The selector's keys and values (Boolean or String), in a stable order. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : ORDER) {
      if (fields.containsKey(key)) {
        out.put(key, fields.get(key));
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsumerVersionSelector other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }

  private ConsumerVersionSelector with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(fields);
    copy.put(key, value);
    return new ConsumerVersionSelector(Map.copyOf(copy));
  }
}
