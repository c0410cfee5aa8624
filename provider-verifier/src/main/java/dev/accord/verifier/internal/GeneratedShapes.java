package dev.accord.verifier.internal;

import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.path.PathExpression;
import dev.accord.verifier.Failure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Checks values that {@code ProviderState} generators take from the provider state against the
 * shape of the consumer's example where they are used, before anything is sent: a consumer that
 * wrote {@code "id": "abc"} (or the path {@code /users/abc}) declared a string, so a state handler
 * returning {@code 12} is refused instead of silently sending {@code /users/12} and blaming the
 * provider. In JSON bodies (request and response) the JSON types are compared; in the path, query
 * parameters and headers, a value that is not a JSON string must be of the kind the example's text
 * is (a number where the example is numeric, a boolean where it is {@code true}/{@code false}).
 */
final class GeneratedShapes {
  private static final Pattern MARKER = Pattern.compile("\\$\\{([^}]*)}");

  private GeneratedShapes() {}

  /**
   * States-only mode: every {@code ${name}} (or bare name) the interaction's {@code ProviderState}
   * generators use must be a value its states provided (returned by the handlers, or a state
   * parameter).
   */
  static List<Failure> unprovided(
      dev.accord.pact.model.HttpInteraction http, Map<String, JsonNode> provided) {
    List<Failure> failures = new ArrayList<>();
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (Generators gens : List.of(http.request().generators(), http.response().generators())) {
      String part = gens == http.request().generators() ? "request" : "response";
      gens.categories()
          .forEach(
              (category, byKey) ->
                  byKey.forEach(
                      (key, g) -> {
                        if (!(g instanceof Generator.ProviderState ps)) {
                          return;
                        }
                        List<String> names = new ArrayList<>();
                        Matcher m = MARKER.matcher(ps.expression());
                        while (m.find()) {
                          names.add(m.group(1).trim());
                        }
                        if (names.isEmpty()) {
                          names.add(ps.expression().trim());
                        }
                        for (String name : names) {
                          if (!provided.containsKey(name) && reported.add(name)) {
                            String where =
                                part
                                    + " "
                                    + category.name().toLowerCase(Locale.ROOT)
                                    + (key.isEmpty() ? "" : " " + key);
                            failures.add(
                                Failure.of(
                                    Failure.STATE_CHANGE,
                                    "The states of this interaction provide no value '"
                                        + name
                                        + "', which the "
                                        + where
                                        + " uses (expression '"
                                        + ps.expression()
                                        + "'). Values provided: "
                                        + provided.keySet()
                                        + ". Return '"
                                        + name
                                        + "' from the state handler (or the state-change"
                                        + " endpoint's JSON answer), or add it to the state's params."));
                          }
                        }
                      }));
    }
    return failures;
  }

  /** The request's provider-state values checked in body, path, query and headers. */
  static List<Failure> check(
      HttpRequest original, HttpRequest generated, Map<String, JsonNode> state) {
    List<Failure> failures =
        new ArrayList<>(body(original.generators(), original.body(), generated.body(), ""));
    Map<String, Generator> path = original.generators().category(Category.PATH);
    path.values().forEach(g -> text(g, original.path(), "path", state, failures));
    original
        .generators()
        .category(Category.QUERY)
        .forEach(
            (name, g) ->
                first(original.query(), name)
                    .ifPresent(
                        example ->
                            text(g, example, "query parameter '" + name + "'", state, failures)));
    original
        .generators()
        .category(Category.HEADER)
        .forEach(
            (name, g) ->
                first(original.headers(), name)
                    .ifPresent(
                        example -> text(g, example, "header '" + name + "'", state, failures)));
    return failures;
  }

  /** The expected response's provider-state values checked in its body and headers. */
  static List<Failure> check(
      HttpResponse original, HttpResponse generated, Map<String, JsonNode> state) {
    List<Failure> failures =
        new ArrayList<>(
            body(original.generators(), original.body(), generated.body(), "response body "));
    original
        .generators()
        .category(Category.HEADER)
        .forEach(
            (name, g) ->
                first(original.headers(), name)
                    .ifPresent(
                        example ->
                            text(g, example, "response header '" + name + "'", state, failures)));
    return failures;
  }

  private static java.util.Optional<String> first(Map<String, List<String>> values, String name) {
    return values.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  /**
   * A value in text (path, query, header): each {@code ${name}} lined up with the example's text.
   */
  private static void text(
      Generator g,
      String example,
      String where,
      Map<String, JsonNode> state,
      List<Failure> failures) {
    if (!(g instanceof Generator.ProviderState ps) || example == null) {
      return;
    }
    String expression = ps.expression();
    Map<String, String> defaults = new LinkedHashMap<>();
    Matcher m = MARKER.matcher(expression);
    if (!m.find()) {
      defaults.put(expression.trim(), example);
    } else {
      m.reset();
      StringBuilder regex = new StringBuilder();
      List<String> names = new ArrayList<>();
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(expression.substring(last, m.start()))).append("(.*?)");
        names.add(m.group(1).trim());
        last = m.end();
      }
      regex.append(Pattern.quote(expression.substring(last)));
      Matcher aligned = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(example);
      if (!aligned.matches()) {
        return; // the example does not follow the expression: nothing to compare with
      }
      for (int i = 0; i < names.size(); i++) {
        defaults.putIfAbsent(names.get(i), aligned.group(i + 1));
      }
    }
    defaults.forEach(
        (name, exampleText) -> {
          JsonNode value = state.get(name);
          if (value == null || value.isNull() || value.isString() || exampleText.isEmpty()) {
            return; // a missing value is reported by generation; text is text
          }
          String exampleKind = textKind(exampleText);
          if (!kind(value).equals(exampleKind)) {
            failures.add(
                refused(
                    where,
                    expression,
                    value,
                    "\""
                        + exampleText
                        + "\""
                        + (exampleText.equals(example) ? "" : " (in " + example + ")"),
                    exampleKind));
          }
        });
  }

  private static Failure refused(
      String at, String expression, JsonNode value, String example, String exampleKind) {
    return new Failure(
        Failure.REQUEST_FAILED,
        at,
        example + " (" + exampleKind + ")",
        value + " (" + kind(value) + ")",
        "The provider state value for "
            + at
            + " (expression '"
            + expression
            + "') is "
            + value
            + " ("
            + kind(value)
            + "), but the consumer's example there is "
            + example
            + " ("
            + exampleKind
            + "). Return a "
            + exampleKind
            + " from the state handler, or change the consumer's example.");
  }

  private static String textKind(String text) {
    if (text.equals("true") || text.equals("false")) {
      return "Boolean";
    }
    try {
      new java.math.BigDecimal(text.trim());
      return "Number";
    } catch (NumberFormatException e) {
      return "String";
    }
  }

  private static List<Failure> body(
      Generators gens, Body originalBody, Body generatedBody, String prefix) {
    Map<String, Generator> generators = gens.category(Category.BODY);
    if (generators.isEmpty() || !isJson(originalBody) || !isJson(generatedBody)) {
      return List.of();
    }
    List<Failure> failures = new ArrayList<>();
    JsonNode before = originalBody.asJson();
    JsonNode after = generatedBody.asJson();
    for (Map.Entry<String, Generator> e : generators.entrySet()) {
      if (!(e.getValue() instanceof Generator.ProviderState ps)) {
        continue;
      }
      PathExpression path;
      try {
        path = PathExpression.parse(e.getKey());
      } catch (IllegalArgumentException invalid) {
        continue; // generating the request has already reported it
      }
      Map<String, JsonNode> examples = new HashMap<>();
      path.select(before).forEach(s -> examples.put(s.path().toString(), s.value()));
      for (PathExpression.Selected generatedValue : path.select(after)) {
        String at = generatedValue.path().toString();
        JsonNode example = examples.get(at);
        JsonNode value = generatedValue.value();
        if (example == null || example.isNull() || kind(example).equals(kind(value))) {
          continue;
        }
        failures.add(
            refused(prefix + at, ps.expression(), value, example.toString(), kind(example)));
      }
    }
    return failures;
  }

  private static boolean isJson(Body body) {
    return body.isPresent() && body.isJsonContent();
  }

  private static String kind(JsonNode node) {
    JsonNodeType t = node.getNodeType();
    return switch (t) {
      case STRING -> "String";
      case NUMBER -> "Number";
      case BOOLEAN -> "Boolean";
      case ARRAY -> "Array";
      case OBJECT, POJO -> "Object";
      case NULL -> "Null";
      default -> t.name().toLowerCase(Locale.ROOT);
    };
  }
}
