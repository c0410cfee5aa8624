package dev.accord.contract.comparison.internal;

import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Finds the document's operation for a request: base path, path template, method, path parameter
 * types.
 */
public final class Operations {

  static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  /** One parameter of an operation, path-level ones included (the operation's own win). */
  public record Parameter(
      String name,
      String in,
      boolean required,
      JsonNode schema,
      String schemaPointer,
      String pointer) {}

  /** The operation a request reaches. */
  public record Found(
      String template,
      String method,
      JsonNode operation,
      String pointer,
      List<Parameter> parameters) {}

  /**
   * Either the operation, or why none fits (the text after "Path or method not defined in the
   * document: ").
   */
  public record Lookup(Optional<Found> found, String whyNot) {}

  private final OpenApiDocument document;

  public Operations(OpenApiDocument document) {
    this.document = document;
  }

  public Lookup find(String method, String rawPath) {
    String path =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    String verb = method.toUpperCase(Locale.ROOT);
    List<String> relatives = new ArrayList<>();
    for (String base : document.basePaths()) {
      if (base.isEmpty()) {
        relatives.add(path);
      } else if (path.equals(base)) {
        relatives.add("/");
      } else if (path.startsWith(base + "/")) {
        relatives.add(path.substring(base.length()));
      }
    }
    if (relatives.isEmpty()) {
      return notFound(
          verb
              + " "
              + rawPath
              + " is not under the document's base path "
              + String.join(" or ", document.basePaths())
              + " (servers); call the provider under it in the pact, "
              + "or add a server to the document");
    }
    JsonNode paths = document.tree().path("paths");
    List<String> templates = new ArrayList<>();
    paths.propertyNames().forEach(templates::add);
    templates.sort(Comparator.comparing(Operations::specificity));
    String pathOnlyMatch = null;
    String parameterProblem = null;
    for (String relative : relatives) {
      for (String template : templates) {
        Optional<Map<String, String>> values = match(template, relative);
        if (values.isEmpty()) {
          continue;
        }
        String itemPointer = "/paths/" + SchemaCheck.escape(template);
        Optional<OpenApiDocument.Located> item = document.resolve(paths.get(template), itemPointer);
        if (item.isEmpty()) {
          continue;
        }
        JsonNode operation = item.get().node().get(method.toLowerCase(Locale.ROOT));
        if (operation == null || !operation.isObject()) {
          if (pathOnlyMatch == null) {
            List<String> documented = new ArrayList<>();
            item.get()
                .node()
                .propertyNames()
                .forEach(
                    n -> {
                      if (METHODS.contains(n)) {
                        documented.add(n.toUpperCase(Locale.ROOT));
                      }
                    });
            pathOnlyMatch =
                verb
                    + " "
                    + rawPath
                    + " matches "
                    + template
                    + ", which documents "
                    + (documented.isEmpty()
                        ? "no method"
                        : String.join(", ", documented) + " only");
          }
          continue;
        }
        String opPointer = item.get().pointer() + "/" + method.toLowerCase(Locale.ROOT);
        List<Parameter> parameters =
            parameters(item.get().node(), item.get().pointer(), operation, opPointer);
        Optional<String> problem = checkPathValues(values.get(), parameters);
        if (problem.isPresent()) {
          if (parameterProblem == null) {
            parameterProblem =
                verb + " " + rawPath + " matches " + template + " only with " + problem.get();
          }
          continue;
        }
        return new Lookup(
            Optional.of(
                new Found(
                    template, method.toLowerCase(Locale.ROOT), operation, opPointer, parameters)),
            null);
      }
    }
    if (parameterProblem != null) {
      return notFound(parameterProblem);
    }
    if (pathOnlyMatch != null) {
      return notFound(pathOnlyMatch);
    }
    String listed = templates.stream().sorted().limit(12).collect(Collectors.joining(", "));
    return notFound(
        verb
            + " "
            + rawPath
            + " matches none of its paths ("
            + (templates.isEmpty()
                ? "it documents none"
                : listed + (templates.size() > 12 ? ", ..." : ""))
            + ")");
  }

  private static Lookup notFound(String why) {
    return new Lookup(Optional.empty(), why);
  }

  /** Literal segments sort before templated ones, position by position: /a/me before /a/{id}. */
  private static String specificity(String template) {
    StringBuilder key = new StringBuilder();
    for (String segment : template.split("/")) {
      key.append(segment.contains("{") ? '1' : '0');
    }
    return key + template;
  }

  private static Optional<Map<String, String>> match(String template, String path) {
    String[] t = template.split("/", -1);
    String[] p = path.split("/", -1);
    if (t.length != p.length) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < t.length; i++) {
      String segment = decode(p[i]);
      if (!t[i].contains("{")) {
        if (!t[i].equals(segment)) {
          return Optional.empty();
        }
        continue;
      }
      StringBuilder regex = new StringBuilder();
      List<String> names = new ArrayList<>();
      Matcher m = TEMPLATE_PARAMETER.matcher(t[i]);
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(t[i].substring(last, m.start()))).append("(.+?)");
        names.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(t[i].substring(last)));
      Matcher values0 = Pattern.compile(regex.toString()).matcher(segment);
      if (!values0.matches()) {
        return Optional.empty();
      }
      for (int g = 0; g < names.size(); g++) {
        values.put(names.get(g), values0.group(g + 1));
      }
    }
    return Optional.of(values);
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  private Optional<String> checkPathValues(Map<String, String> values, List<Parameter> parameters) {
    for (Map.Entry<String, String> value : values.entrySet()) {
      for (Parameter parameter : parameters) {
        if (parameter.in().equals("path")
            && parameter.name().equals(value.getKey())
            && parameter.schema() != null) {
          JsonNode typed =
              ParameterValues.coerce(
                  document, value.getValue(), parameter.schema(), parameter.schemaPointer());
          List<SchemaCheck.Issue> issues =
              new SchemaCheck(document, SchemaCheck.Direction.REQUEST, null)
                  .check(typed, parameter.schema(), parameter.schemaPointer());
          if (!issues.isEmpty()) {
            return Optional.of(
                "path parameter "
                    + value.getKey()
                    + " = "
                    + Json.write(Json.nodes().stringNode(value.getValue()))
                    + ", which does not fit its schema: "
                    + issues.get(0).detail());
          }
        }
      }
    }
    return Optional.empty();
  }

  private List<Parameter> parameters(
      JsonNode item, String itemPointer, JsonNode operation, String opPointer) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (Parameter p : read(item.get("parameters"), itemPointer + "/parameters")) {
      byKey.put(p.in() + ":" + p.name(), p);
    }
    for (Parameter p : read(operation.get("parameters"), opPointer + "/parameters")) {
      byKey.put(p.in() + ":" + p.name(), p);
    }
    return List.copyOf(byKey.values());
  }

  private List<Parameter> read(JsonNode list, String pointer) {
    List<Parameter> out = new ArrayList<>();
    if (list == null || !list.isArray()) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Optional<OpenApiDocument.Located> located = document.resolve(list.get(i), pointer + "/" + i);
      if (located.isEmpty()) {
        continue;
      }
      JsonNode p = located.get().node();
      String in = p.path("in").asString("");
      String name = p.path("name").asString("");
      JsonNode schema = p.get("schema");
      String schemaPointer = located.get().pointer() + "/schema";
      if (schema == null && p.path("content").isObject() && !p.path("content").isEmpty()) {
        String mediaType = p.path("content").propertyNames().iterator().next();
        schema = p.path("content").path(mediaType).get("schema");
        schemaPointer =
            located.get().pointer() + "/content/" + SchemaCheck.escape(mediaType) + "/schema";
      }
      out.add(
          new Parameter(
              name,
              in,
              in.equals("path") || p.path("required").asBoolean(false),
              schema,
              schemaPointer,
              located.get().pointer()));
    }
    return out;
  }
}
