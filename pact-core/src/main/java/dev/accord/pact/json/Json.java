package dev.accord.pact.json;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.FloatNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ShortNode;
import tools.jackson.databind.node.StringNode;

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
 *
 * <p>{@link #parse}, {@link #tryParse}, {@link #write} and {@link #writeCanonical} read and write
 * trees with jackson-core's streaming parser and generator, giving the same trees and text as the
 * mapper: building the {@link #mapper()} loads some 600 classes, most of a short command's start (a
 * CLI call, a one-interaction verification). What the streaming path does not handle the same way
 * for sure (duplicate keys, trailing content, a malformed document, node types other than the plain
 * JSON ones) goes to the mapper, so results and error messages are the mapper's.
 */
public final class Json {
  private Json() {}

  /** Built on first use, once: the mapper and the writers configured from it. */
  private static final class Mapper {
    // typed ObjectMapper, as mapper() returns it: otherwise the JVM's verifier loads JsonMapper and
    // ObjectMapper (the largest class of databind) to check Json's own code in every run that
    // parses JSON, not only in one that builds the mapper
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
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

  /** The JSON factory alone: the streaming parser and generator, without the mapper. */
  private static final class Streaming {
    static final JsonFactory FACTORY = JsonFactory.builder().build();
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
    if (json == null) {
      return mapper().readTree(json); // the mapper's own answer to null
    }
    JsonNode tree = null;
    try (JsonParser parser = Streaming.FACTORY.createParser(ObjectReadContext.empty(), json)) {
      tree = readTree(parser);
    } catch (JacksonException e) {
      // the mapper's own message
    }
    return tree != null ? tree : mapper().readTree(json);
  }

  /**
   * Parses bytes (UTF-8, or UTF-16/32 detected), or empty when they are not a single JSON document.
   */
  public static Optional<JsonNode> tryParse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    try (JsonParser parser = Streaming.FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
      JsonNode node = readTree(parser);
      if (node != null) {
        return node.isMissingNode() ? Optional.empty() : Optional.of(node);
      }
    } catch (JacksonException e) {
      // not JSON: the mapper says so too
      return Optional.empty();
    }
    try {
      JsonNode node = mapper().readTree(bytes);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /**
   * One document as the mapper reads it, or null when only the mapper can say what it gives (a
   * duplicate key, content after the document).
   */
  private static JsonNode readTree(JsonParser parser) {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return JsonNodeFactory.instance.missingNode();
    }
    JsonNode tree = readValue(parser, first);
    if (tree == null || parser.nextToken() != null) {
      return null;
    }
    return tree;
  }

  private static JsonNode readValue(JsonParser parser, JsonToken token) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = nodes.objectNode();
          for (JsonToken t = parser.nextToken();
              t != JsonToken.END_OBJECT;
              t = parser.nextToken()) {
            String name = parser.currentName();
            JsonNode value = readValue(parser, parser.nextToken());
            if (value == null || object.has(name)) {
              return null;
            }
            object.set(name, value);
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = nodes.arrayNode();
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            JsonNode value = readValue(parser, t);
            if (value == null) {
              return null;
            }
            array.add(value);
          }
          return array;
        }
      case VALUE_STRING:
        return nodes.stringNode(parser.getString());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return nodes.numberNode(parser.getIntValue());
          case LONG:
            return nodes.numberNode(parser.getLongValue());
          default:
            return nodes.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        switch (parser.getNumberTypeFP()) {
          case BIG_DECIMAL:
            return nodes.numberNode(parser.getDecimalValue());
          case FLOAT32:
            return nodes.numberNode(parser.getFloatValue());
          default:
            return nodes.numberNode(parser.getDoubleValue());
        }
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        return null;
    }
  }

  /** Compact JSON text, keys in the tree's order. */
  public static String write(JsonNode node) {
    String text = writePlain(node, false);
    return text != null ? text : mapper().writeValueAsString(node);
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
    String text = writePlain(node, true);
    return text != null ? text : Mapper.CANONICAL.writeValueAsString(node);
  }

  /**
   * Compact text of a tree of plain JSON nodes as the mapper writes it, or null when it holds
   * another kind (binary, POJO, missing), which the mapper writes its own way.
   */
  private static String writePlain(JsonNode node, boolean sorted) {
    if (node == null || !plain(node)) {
      return null;
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator generator =
        Streaming.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      writeValue(generator, node, sorted);
    }
    return out.toString();
  }

  private static boolean plain(JsonNode node) {
    if (node instanceof ObjectNode || node instanceof ArrayNode) {
      for (JsonNode child : node) {
        if (!plain(child)) {
          return false;
        }
      }
      return true;
    }
    return node instanceof StringNode
        || node instanceof IntNode
        || node instanceof LongNode
        || node instanceof DoubleNode
        || node instanceof DecimalNode
        || node instanceof BigIntegerNode
        || node instanceof FloatNode
        || node instanceof ShortNode
        || node instanceof BooleanNode
        || node instanceof NullNode;
  }

  private static void writeValue(JsonGenerator generator, JsonNode node, boolean sorted) {
    if (node instanceof ObjectNode object) {
      generator.writeStartObject();
      List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(object.properties());
      if (sorted) {
        properties.sort(Map.Entry.comparingByKey());
      }
      for (Map.Entry<String, JsonNode> property : properties) {
        generator.writeName(property.getKey());
        writeValue(generator, property.getValue(), sorted);
      }
      generator.writeEndObject();
    } else if (node instanceof ArrayNode array) {
      generator.writeStartArray();
      for (JsonNode item : array) {
        writeValue(generator, item, sorted);
      }
      generator.writeEndArray();
    } else if (node instanceof StringNode) {
      generator.writeString(node.stringValue());
    } else if (node instanceof IntNode || node instanceof ShortNode) {
      generator.writeNumber(node.intValue());
    } else if (node instanceof LongNode) {
      generator.writeNumber(node.longValue());
    } else if (node instanceof DoubleNode) {
      generator.writeNumber(node.doubleValue());
    } else if (node instanceof FloatNode) {
      generator.writeNumber(node.floatValue());
    } else if (node instanceof DecimalNode) {
      generator.writeNumber(node.decimalValue());
    } else if (node instanceof BigIntegerNode) {
      generator.writeNumber(node.bigIntegerValue());
    } else if (node instanceof BooleanNode) {
      generator.writeBoolean(node.booleanValue());
    } else {
      generator.writeNull();
    }
  }

  /** Converts any Jackson-serialisable value (maps, lists, records, trees) to a tree. */
  public static JsonNode toTree(Object value) {
    return mapper().valueToTree(value);
  }
}
