package dev.accord.pact.generators.internal;

import dev.accord.pact.generators.GeneratorContext;
import dev.accord.pact.json.Json;
import dev.accord.pact.model.Generator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Resolves a {@code ProviderState} generator against the provider-state values.
 *
 * <ul>
 *   <li>An expression with {@code ${name}} markers is interpolation: each marker becomes the text
 *       of the value named {@code name}; the result is a string unless {@code dataType} says
 *       otherwise ({@code RAW} keeps the JSON value when the expression is exactly one marker).
 *   <li>An expression without markers is a raw lookup that keeps the value's JSON type.
 *   <li>A name the provider state does not have is an error naming the expression and the available
 *       names, never an empty string.
 * </ul>
 */
final class ProviderStateValues {
  private static final Pattern MARKER = Pattern.compile("\\$\\{([^}]*)}");
  private static final JsonNodeFactory NODES = Json.nodes();

  private ProviderStateValues() {}

  static JsonNode resolve(Generator.ProviderState g, GeneratorContext context) {
    String expression = g.expression();
    Map<String, JsonNode> values = context.providerState();
    Matcher m = MARKER.matcher(expression);
    JsonNode value;
    if (!m.find()) {
      value = lookup(expression.trim(), expression, values);
      return g.dataType() == null || g.dataType() == Generator.DataType.RAW
          ? value
          : convert(value, g, expression);
    }
    m.reset();
    if (m.matches()
        && (g.dataType() == Generator.DataType.RAW
            || g.dataType() != null && g.dataType() != Generator.DataType.STRING)) {
      value = lookup(m.group(1).trim(), expression, values);
      return g.dataType() == Generator.DataType.RAW ? value : convert(value, g, expression);
    }
    m.reset();
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      JsonNode v = lookup(m.group(1).trim(), expression, values);
      m.appendReplacement(sb, Matcher.quoteReplacement(ValueGeneration.asText(v)));
    }
    m.appendTail(sb);
    JsonNode text = NODES.stringNode(sb.toString());
    return g.dataType() == null
            || g.dataType() == Generator.DataType.STRING
            || g.dataType() == Generator.DataType.RAW
        ? text
        : convert(text, g, expression);
  }

  private static JsonNode lookup(String name, String expression, Map<String, JsonNode> values) {
    JsonNode v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "the provider state has no value named '"
              + name
              + "' (expression '"
              + expression
              + "'). Available names: "
              + values.keySet()
              + ". Fix: return '"
              + name
              + "' from the provider state handler, add it to the state's params, or correct the expression");
    }
    return v;
  }

  private static JsonNode convert(JsonNode value, Generator.ProviderState g, String expression) {
    String text = ValueGeneration.asText(value).trim();
    try {
      switch (g.dataType()) {
        case STRING:
          return NODES.stringNode(ValueGeneration.asText(value));
        case INTEGER:
          if (value.isIntegralNumber()) {
            return value;
          }
          return NODES.numberNode(new BigInteger(text));
        case DECIMAL:
          if (value.isNumber()) {
            return NODES.numberNode(value.decimalValue());
          }
          return NODES.numberNode(new BigDecimal(text));
        case FLOAT:
          if (value.isNumber()) {
            return NODES.numberNode(value.doubleValue());
          }
          return NODES.numberNode(Double.parseDouble(text));
        case BOOLEAN:
          if (value.isBoolean()) {
            return value;
          }
          if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(text));
          }
          throw new NumberFormatException();
        default:
          return value;
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the value "
              + Json.write(value)
              + " from expression '"
              + expression
              + "' cannot be converted to dataType "
              + g.dataType()
              + "; return a value of that type from the provider"
              + " state handler or change the dataType",
          e);
    }
  }
}
