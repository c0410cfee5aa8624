package dev.accord.pact.json;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one Jackson mapper pact-core reads and writes JSON with, and the two text forms it writes
 * besides compact JSON: the pact-file layout ({@link #writePretty}) and the canonical form ({@link
 * #writeCanonical}).
 *
 * <pre>{@code
 * JsonNode tree = Json.parse("{\"b\":1,\"a\":[true]}");
 * Json.write(tree);          // {"b":1,"a":[true]}
 * Json.writeCanonical(tree); // {"a":[true],"b":1}
 * Json.writePretty(tree);    // "{\n  \"b\": 1,\n  \"a\": [\n    true\n  ]\n}\n"
 * }</pre>
 */
public final class Json {
  private Json() {}

  /** Built on first use, once: the mapper and the writers configured from it. */
  private static final class Mapper {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final ObjectWriter PRETTY = MAPPER.writer().with(pactFilePrinter());
    static final ObjectWriter CANONICAL =
        MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    /**
     * Two spaces per level, {@code "key": value}, {@code {}} and {@code []} when empty, Unix
     * newlines.
     */
    private static DefaultPrettyPrinter pactFilePrinter() {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      return new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withArrayIndenter(indenter)
          .withObjectIndenter(indenter);
    }
  }

  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  public static JsonNodeFactory nodes() {
    return JsonNodeFactory.instance;
  }

  /**
   * Parses JSON text; a document with only white space gives a missing node.
   *
   * @throws JacksonException when it is not one JSON document
   */
  public static JsonNode parse(String json) {
    return mapper().readTree(json);
  }

  /**
   * Parses bytes (UTF-8, or UTF-16/32 detected), or empty when they are not a single JSON document.
   */
  public static Optional<JsonNode> tryParse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = mapper().readTree(bytes);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** Compact JSON text, keys in the tree's order. */
  public static String write(JsonNode node) {
    return mapper().writeValueAsString(node);
  }

  /**
   * The pact-file layout: two-space indentation, {@code "key": value}, empty objects and arrays as
   * {@code {}} and {@code []}, Unix newlines, keys in the tree's order, and a trailing newline.
   */
  public static String writePretty(JsonNode node) {
    return Mapper.PRETTY.writeValueAsString(node) + "\n";
  }

  /**
   * Compact JSON text with the keys of every object sorted: the same text for equal trees, whatever
   * their order.
   */
  public static String writeCanonical(JsonNode node) {
    return Mapper.CANONICAL.writeValueAsString(node);
  }

  /** Converts any Jackson-serialisable value (maps, lists, records, trees) to a tree. */
  public static JsonNode toTree(Object value) {
    return mapper().valueToTree(value);
  }
}
