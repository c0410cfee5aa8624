package dev.accord.contract.exploration;

import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An OpenAPI runtime expression, as links give parameter values: {@code $response.body#/id}, {@code
 * $request.path.id}, {@code $request.query.page}, {@code $request.header.X-Id}, {@code
 * $request.body#/ref}, {@code $response.header.Location}, {@code $statusCode}, {@code $method},
 * {@code $url}; a string with embedded expressions ({@code "book-{$response.body#/id}"}); or a
 * constant (any value not starting with {@code $}).
 */
final class RuntimeExpression {

  private final JsonNode constant;
  private final List<Object> parts;
  private final String text;

  private RuntimeExpression(JsonNode constant, List<Object> parts, String text) {
    this.constant = constant;
    this.parts = parts;
    this.text = text;
  }

  /** An expression from a link's parameter value (a string, or a constant of any JSON type). */
  static RuntimeExpression of(JsonNode value) {
    if (value == null || !value.isString()) {
      return new RuntimeExpression(
          value == null ? JsonNodeFactory.instance.nullNode() : value,
          List.of(),
          value == null ? "null" : Json.write(value));
    }
    return parse(value.asString());
  }

  static RuntimeExpression parse(String text) {
    if (text.startsWith("$")) {
      return new RuntimeExpression(null, List.of(new Source(text)), text);
    }
    if (!text.contains("{$")) {
      return new RuntimeExpression(JsonNodeFactory.instance.stringNode(text), List.of(), text);
    }
    List<Object> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("{$", at);
      int close = open < 0 ? -1 : text.indexOf('}', open);
      if (open < 0 || close < 0) {
        parts.add(text.substring(at));
        break;
      }
      if (open > at) {
        parts.add(text.substring(at, open));
      }
      parts.add(new Source(text.substring(open + 1, close)));
      at = close + 1;
    }
    return new RuntimeExpression(null, List.copyOf(parts), text);
  }

  /** The expression as written. */
  String text() {
    return text;
  }

  /** Whether it reads from the response (rather than the request, or nothing). */
  boolean readsResponse() {
    return parts.stream()
        .anyMatch(p -> p instanceof Source s && s.expression().startsWith("$response"));
  }

  /** Whether the expression is valid (each embedded source one of the known forms). */
  Optional<String> problem() {
    for (Object part : parts) {
      if (part instanceof Source s && !s.valid()) {
        return Optional.of(
            "'"
                + s.expression()
                + "' is not a runtime expression: expected $response.body#/pointer, "
                + "$response.header.NAME, $request.path.NAME, $request.query.NAME, $request.header.NAME, "
                + "$request.body#/pointer, $statusCode, $method or $url");
      }
    }
    return Optional.empty();
  }

  /**
   * The value in an exchange; empty when what it reads is missing (no such field, header or
   * parameter).
   */
  Optional<JsonNode> evaluate(Exchange exchange) {
    if (constant != null) {
      return Optional.of(constant);
    }
    if (parts.size() == 1 && parts.get(0) instanceof Source s) {
      return s.evaluate(exchange);
    }
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Source s) {
        Optional<JsonNode> value = s.evaluate(exchange);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        out.append(value.get().isString() ? value.get().asString() : Json.write(value.get()));
      } else {
        out.append(part);
      }
    }
    return Optional.of(JsonNodeFactory.instance.stringNode(out.toString()));
  }

  @Override
  public String toString() {
    return text;
  }

  private record Source(String expression) {

    boolean valid() {
      return expression.equals("$statusCode")
          || expression.equals("$method")
          || expression.equals("$url")
          || expression.startsWith("$response.body")
          || expression.startsWith("$request.body")
          || expression.startsWith("$response.header.")
          || expression.startsWith("$request.header.")
          || expression.startsWith("$request.path.")
          || expression.startsWith("$request.query.");
    }

    Optional<JsonNode> evaluate(Exchange exchange) {
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      if (exchange.response() == null
          && (expression.startsWith("$response") || expression.equals("$statusCode"))) {
        return Optional.empty();
      }
      if (expression.equals("$statusCode")) {
        return Optional.of(nodes.numberNode(exchange.response().status()));
      }
      if (expression.equals("$method")) {
        return Optional.of(nodes.stringNode(exchange.request().method()));
      }
      if (expression.equals("$url")) {
        return Optional.of(nodes.stringNode(exchange.request().url()));
      }
      if (expression.startsWith("$response.body")) {
        return pointer(exchange.responseBody(), expression.substring("$response.body".length()));
      }
      if (expression.startsWith("$request.body")) {
        return pointer(exchange.requestBody(), expression.substring("$request.body".length()));
      }
      if (expression.startsWith("$response.header.")) {
        return exchange
            .response()
            .header(expression.substring("$response.header.".length()))
            .map(nodes::stringNode);
      }
      if (expression.startsWith("$request.header.")) {
        String name = expression.substring("$request.header.".length()).toLowerCase(Locale.ROOT);
        return exchange.request().headers().entrySet().stream()
            .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name))
            .map(e -> (JsonNode) nodes.stringNode(e.getValue()))
            .findFirst();
      }
      if (expression.startsWith("$request.path.")) {
        return Optional.ofNullable(
            exchange.pathValues().get(expression.substring("$request.path.".length())));
      }
      if (expression.startsWith("$request.query.")) {
        return Optional.ofNullable(
            exchange.queryValues().get(expression.substring("$request.query.".length())));
      }
      return Optional.empty();
    }

    private static Optional<JsonNode> pointer(JsonNode body, String rest) {
      if (body == null) {
        return Optional.empty();
      }
      if (rest.isEmpty()) {
        return Optional.of(body);
      }
      if (!rest.startsWith("#")) {
        return Optional.empty();
      }
      JsonNode node = body.at(rest.substring(1));
      return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }
  }
}
