package dev.accord.pact.json;

import dev.accord.pact.json.internal.JsonWriter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one Jackson mapper pact-core uses, and small helpers around it.
 *
 * <p>Parsing and writing JSON trees ({@link #parse}, {@link #tryParse}, {@link #write}) go through
 * jackson-core's streaming parser and generator directly and give the same trees and text as the mapper's
 * {@code readTree} / {@code writeValueAsString}; the databind mapper itself is built only when something
 * needs data binding ({@link #mapper()}, {@link #toTree}). Building it loads several hundred classes, which
 * a short-lived verifier or CLI process would otherwise pay for on every start.
 */
public final class Json {
  /** The same defaults as the mapper's own factory (JsonMapper.builder() uses a default JsonFactory). */
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_PLAIN_DEPTH = 500;

  /** Built on first use only. */
  private static final class Mapper {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  public static JsonNodeFactory nodes() {
    return NODES;
  }

  /**
   * Parses JSON text; a document with only white space gives a missing node.
   *
   * @throws JacksonException when it is not one JSON document
   */
  public static JsonNode parse(String json) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      return readDocument(p);
    }
  }

  /** Parses bytes (UTF-8, or UTF-16/32 detected), or empty when they are not a single JSON document. */
  public static Optional<JsonNode> tryParse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
      JsonNode node = readDocument(p);
      return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** Compact JSON text. */
  public static String write(JsonNode node) {
    return JsonWriter.plain(node) ? JsonWriter.compact(node) : mapper().writeValueAsString(node);
  }

  /**
   * Converts any Jackson-serialisable value (maps, lists, records) to a tree. Maps with string keys, collections,
   * strings, booleans, ints, longs, doubles and plain JSON trees (copied) are converted here (maps and collections
   * of the JDK's own classes only), to the very nodes the mapper would give
   * (JsonTest checks); anything else, or anything nested in such a value, goes through the mapper.
   */
  public static JsonNode toTree(Object value) {
    JsonNode plain = plainTree(value, 0);
    return plain != null ? plain : mapper().valueToTree(value);
  }

  /** The tree of a value made only of the types {@link #toTree} converts itself; null when it holds anything else. */
  private static JsonNode plainTree(Object value, int depth) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.stringNode(s);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i.intValue());
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l.longValue());
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d.doubleValue());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof JsonNode node) {
      return unchangedByTheMapper(node) ? node.deepCopy() : null;
    }
    if (depth > MAX_PLAIN_DEPTH) {
      return null; // the mapper reports what is too deep (or cyclic) in its own words
    }
    if (!value.getClass().getName().startsWith("java.util.")) {
      return null; // a user's Map or Collection type may carry Jackson annotations: the mapper knows them
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        JsonNode child = e.getKey() instanceof String ? plainTree(e.getValue(), depth + 1) : null;
        if (child == null) {
          return null;
        }
        object.set((String) e.getKey(), child);
      }
      return object;
    }
    if (value instanceof Collection<?> collection) {
      ArrayNode array = NODES.arrayNode();
      for (Object element : collection) {
        JsonNode child = plainTree(element, depth + 1);
        if (child == null) {
          return null;
        }
        array.add(child);
      }
      return array;
    }
    return null;
  }

  /**
   * Whether the mapper would give back this very tree: objects, arrays, strings, booleans, nulls and int, long and
   * double numbers (the mapper rereads other number nodes, a short as an int for one).
   */
  private static boolean unchangedByTheMapper(JsonNode node) {
    return JsonWriter.everyLeaf(node, leaf -> leaf.isString() || leaf.isBoolean() || leaf.isNull() || leaf.isInt()
        || leaf.isLong() || leaf.isDouble());
  }

  /** One root value, nothing after it (as the mapper's readTree with its default FAIL_ON_TRAILING_TOKENS). */
  private static JsonNode readDocument(JsonParser p) {
    JsonToken first = p.nextToken();
    if (first == null) {
      return NODES.missingNode();
    }
    JsonNode root = readValue(p, first, 0);
    JsonToken trailing = p.nextToken();
    if (trailing != null) {
      throw new StreamReadException(p, "Trailing token (of type " + trailing + ") found after value (bound as "
          + "JsonNode): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
    }
    return root;
  }

  /** The node for the current token, with the number types the mapper's node deserializer picks. */
  private static JsonNode readValue(JsonParser p, JsonToken token, int depth) {
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        String name;
        while ((name = p.nextName()) != null) {
          object.set(name, readValue(p, p.nextToken(), depth + 1)); // a repeated key: the last value wins
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          array.add(readValue(p, t, depth + 1));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        switch (p.getNumberTypeFP()) {
          case BIG_DECIMAL:
            return NODES.numberNode(p.getDecimalValue());
          case FLOAT16:
          case FLOAT32:
            return NODES.numberNode(p.getFloatValue());
          default:
            return NODES.numberNode(p.getDoubleValue());
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new StreamReadException(p, "Unexpected token " + token + " in a JSON document");
    }
  }
}
