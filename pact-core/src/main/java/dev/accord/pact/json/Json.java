package dev.accord.pact.json;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The one Jackson mapper pact-core uses, and small helpers around it. */
public final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static JsonNodeFactory nodes() {
    return MAPPER.getNodeFactory();
  }

  /** Parses JSON text. @throws JacksonException when it is not JSON */
  public static JsonNode parse(String json) {
    return MAPPER.readTree(json);
  }

  /** Parses bytes, or empty when they are not a single JSON document. */
  public static Optional<JsonNode> tryParse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** Compact JSON text. */
  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** Converts any Jackson-serialisable value (maps, lists, records) to a tree. */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
