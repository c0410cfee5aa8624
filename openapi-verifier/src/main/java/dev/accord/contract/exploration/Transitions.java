package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.generate.ApiParameter;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which call may follow which: from the document's links, from data dependencies inferred from
 * names when the document has no links, or from a transitions file.
 *
 * <pre>{@code
 * List<Transition> transitions = Transitions.of(document);   // links, or inferred when there are none
 * }</pre>
 */
public final class Transitions {

  private Transitions() {}

  /**
   * The document's links; when it has none, the data dependencies inferred from names ({@link
   * #inferred}).
   */
  public static List<Transition> of(OpenApiDocument document) {
    List<Transition> links = links(document);
    return links.isEmpty() ? inferred(document) : links;
  }

  /**
   * The document's links: for each operation's response ({@code responses.201.links.GetBook}, a
   * {@code $ref} to {@code components/links} followed), the linked operation (by {@code
   * operationId} or {@code operationRef}) and its parameters' runtime expressions.
   *
   * @throws ExplorationException when a link names an operation the document does not have, or a
   *     parameter it does not take
   */
  public static List<Transition> links(OpenApiDocument document) {
    Operations operations = new Operations(document);
    List<Transition> transitions = new ArrayList<>();
    for (ApiOperation from : operations.all()) {
      operations
          .responses(from)
          .forEach(
              (status, response) -> {
                JsonNode links = response.node().path("links");
                for (String name : links.propertyNames()) {
                  String pointer = response.pointer() + "/links/" + ApiOperation.escape(name);
                  Optional<OpenApiDocument.Located> link =
                      document.resolve(links.get(name), pointer);
                  if (link.isEmpty()) {
                    continue;
                  }
                  transitions.add(link(operations, from, status, name, link.get()));
                }
              });
    }
    return List.copyOf(transitions);
  }

  private static Transition link(
      Operations operations,
      ApiOperation from,
      String status,
      String name,
      OpenApiDocument.Located link) {
    JsonNode node = link.node();
    String reference =
        node.path("operationId").isString()
            ? node.get("operationId").asString()
            : node.path("operationRef").isString() ? node.get("operationRef").asString() : null;
    String where =
        "link " + name + " of " + Operations.id(from) + " " + status + " (#" + link.pointer() + ")";
    if (reference == null) {
      throw new ExplorationException(
          "The "
              + where
              + " names no operation: give it an operationId or an "
              + "operationRef (#/paths/...)");
    }
    ApiOperation to =
        operations
            .find(reference)
            .orElseThrow(
                () ->
                    new ExplorationException(
                        "The "
                            + where
                            + " leads to operation '"
                            + reference
                            + "', which the document does not have; known: "
                            + known(operations)));
    Map<String, String> parameters = new LinkedHashMap<>();
    JsonNode given = node.path("parameters");
    for (String parameter : given.propertyNames()) {
      parameters.put(parameterKey(to, parameter, where), expression(given.get(parameter), where));
    }
    String body = node.has("requestBody") ? expression(node.get("requestBody"), where) : null;
    return new Transition(
        Transition.Kind.LINK,
        name,
        Operations.id(from),
        status,
        Operations.id(to),
        parameters,
        body);
  }

  /**
   * Data dependencies inferred from names, for documents without links: a field of a 2xx JSON
   * response (of an object, or of the first item of an array) feeds a path or query parameter of
   * another operation when
   *
   * <ul>
   *   <li>they have the same name ({@code orderId} → {@code {orderId}}), other than {@code id};
   *   <li>the field is {@code id} and the parameter is {@code id} of an operation under the same
   *       collection ({@code POST /books} → {@code GET /books/{id}});
   *   <li>the field is {@code id} and the parameter is the collection's singular name plus {@code
   *       Id} ({@code POST /orders} → {@code GET /orders/{orderId}/items}, {@code GET
   *       /invoices?orderId=}).
   * </ul>
   */
  public static List<Transition> inferred(OpenApiDocument document) {
    Operations operations = new Operations(document);
    List<Transition> transitions = new ArrayList<>();
    for (ApiOperation from : operations.all()) {
      for (Map.Entry<String, OpenApiDocument.Located> response :
          operations.responses(from).entrySet()) {
        String status = response.getKey();
        if (!status.startsWith("2")) {
          continue;
        }
        Map<String, String> fields = responseFields(document, response.getValue());
        if (fields.isEmpty()) {
          continue;
        }
        for (ApiOperation to : operations.all()) {
          if (to == from) {
            continue;
          }
          Map<String, String> parameters = new LinkedHashMap<>();
          for (ApiParameter parameter : to.parameters()) {
            if (!parameter.in().equals("path") && !parameter.in().equals("query")) {
              continue;
            }
            String field = feedingField(from, to, parameter.name(), fields.keySet());
            if (field != null) {
              parameters.put(Operations.key(parameter), "$response.body#" + fields.get(field));
            }
          }
          if (!parameters.isEmpty()) {
            transitions.add(
                new Transition(
                    Transition.Kind.INFERRED,
                    "inferred",
                    Operations.id(from),
                    status,
                    Operations.id(to),
                    parameters,
                    null));
          }
        }
      }
    }
    return List.copyOf(transitions);
  }

  private static String feedingField(
      ApiOperation from, ApiOperation to, String parameter, Set<String> fields) {
    for (String field : fields) {
      if (!field.equals("id") && field.equals(parameter)) {
        return field;
      }
    }
    if (!fields.contains("id")) {
      return null;
    }
    String collection = collection(from.path());
    if (parameter.equals("id") && !collection.isEmpty() && to.path().startsWith(collection + "/")) {
      return "id";
    }
    String last = collection.substring(collection.lastIndexOf('/') + 1);
    if (!last.isEmpty() && parameter.equalsIgnoreCase(singular(last) + "Id")) {
      return "id";
    }
    return null;
  }

  /** {@code /books/{id}/reviews} → {@code /books}; the literal path before the first template. */
  private static String collection(String path) {
    int template = path.indexOf('{');
    String literal = template < 0 ? path : path.substring(0, template);
    while (literal.endsWith("/")) {
      literal = literal.substring(0, literal.length() - 1);
    }
    return literal;
  }

  private static String singular(String plural) {
    String word = plural.toLowerCase(Locale.ROOT);
    if (word.endsWith("ies") && word.length() > 3) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    if (word.endsWith("ses") || word.endsWith("xes")) {
      return plural.substring(0, plural.length() - 2);
    }
    if (word.endsWith("s") && !word.endsWith("ss")) {
      return plural.substring(0, plural.length() - 1);
    }
    return plural;
  }

  /**
   * Field name → JSON pointer in the body: an object's properties, or those of an array's first
   * item.
   */
  private static Map<String, String> responseFields(
      OpenApiDocument document, OpenApiDocument.Located response) {
    JsonNode content = response.node().path("content");
    for (String mediaType : content.propertyNames()) {
      if (!Operations.isJson(mediaType)) {
        continue;
      }
      String pointer =
          response.pointer() + "/content/" + ApiOperation.escape(mediaType) + "/schema";
      Optional<OpenApiDocument.Located> schema =
          document.resolve(content.get(mediaType).get("schema"), pointer);
      if (schema.isEmpty()) {
        continue;
      }
      String prefix = "";
      OpenApiDocument.Located object = schema.get();
      if (object.node().path("type").asString("").equals("array") && object.node().has("items")) {
        Optional<OpenApiDocument.Located> items =
            document.resolve(object.node().get("items"), object.pointer() + "/items");
        if (items.isEmpty()) {
          continue;
        }
        object = items.get();
        prefix = "/0";
      }
      Map<String, String> fields = new LinkedHashMap<>();
      collectProperties(document, object, prefix, fields, new LinkedHashSet<>());
      return fields;
    }
    return Map.of();
  }

  private static void collectProperties(
      OpenApiDocument document,
      OpenApiDocument.Located schema,
      String prefix,
      Map<String, String> into,
      Set<String> seen) {
    if (!seen.add(schema.pointer())) {
      return;
    }
    for (String property : schema.node().path("properties").propertyNames()) {
      into.putIfAbsent(property, prefix + "/" + ApiOperation.escape(property));
    }
    JsonNode allOf = schema.node().path("allOf");
    for (int i = 0; i < allOf.size(); i++) {
      document
          .resolve(allOf.get(i), schema.pointer() + "/allOf/" + i)
          .ifPresent(branch -> collectProperties(document, branch, prefix, into, seen));
    }
  }

  /**
   * Reads a transitions file (YAML or JSON):
   *
   * <pre>
   * transitions:
   *   - from: createBook              # operationId or "METHOD /path"
   *     status: 201                   # optional: any 2xx when left out
   *     to: getBook
   *     parameters: {id: $response.body#/id}
   *     requestBody: $response.body   # optional: generated from the schema when left out
   * </pre>
   *
   * @throws ExplorationException naming the file, the entry and the fix when it cannot be used
   */
  public static List<Transition> read(OpenApiDocument document, Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ExplorationException(
          "Cannot read the transitions file " + file + ": " + e.getMessage(), e);
    }
    return parse(document, content, file.toString());
  }

  /** {@link #read} from the file's text; {@code location} names it in messages. */
  public static List<Transition> parse(OpenApiDocument document, String content, String location) {
    JsonNode root;
    try {
      root = YAMLMapper.builder().build().readTree(content);
    } catch (JacksonException e) {
      throw new ExplorationException(
          "The transitions file " + location + " is not YAML or JSON: " + e.getOriginalMessage(),
          e);
    }
    JsonNode list = root == null ? null : root.get("transitions");
    if (list == null || !list.isArray()) {
      throw new ExplorationException(
          "The transitions file "
              + location
              + " has no 'transitions' list; expected "
              + "transitions: [{from: createBook, status: 201, to: getBook, parameters: {id: $response.body#/id}}]");
    }
    Operations operations = new Operations(document);
    List<Transition> transitions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String where = "transitions[" + i + "] of " + location;
      ApiOperation from = operation(operations, entry, "from", where);
      ApiOperation to = operation(operations, entry, "to", where);
      String status =
          entry.has("status") && !entry.get("status").isNull()
              ? entry.get("status").asString()
              : null;
      Map<String, String> parameters = new LinkedHashMap<>();
      JsonNode given = entry.path("parameters");
      for (String parameter : given.propertyNames()) {
        parameters.put(parameterKey(to, parameter, where), expression(given.get(parameter), where));
      }
      String body = entry.has("requestBody") ? expression(entry.get("requestBody"), where) : null;
      String name = entry.path("name").asString("");
      transitions.add(
          new Transition(
              Transition.Kind.FILE,
              name,
              Operations.id(from),
              status,
              Operations.id(to),
              parameters,
              body));
    }
    return List.copyOf(transitions);
  }

  private static ApiOperation operation(
      Operations operations, JsonNode entry, String field, String where) {
    if (!entry.path(field).isString()) {
      throw new ExplorationException(
          "The "
              + where
              + " has no '"
              + field
              + "': give an operationId or "
              + "\"METHOD /path\"; known: "
              + known(operations));
    }
    String reference = entry.get(field).asString();
    return operations
        .find(reference)
        .orElseThrow(
            () ->
                new ExplorationException(
                    "The "
                        + where
                        + ": "
                        + field
                        + ": '"
                        + reference
                        + "' is not an operation of the document; known: "
                        + known(operations)));
  }

  private static String parameterKey(ApiOperation to, String parameter, String where) {
    return Operations.parameter(to, parameter)
        .map(Operations::key)
        .orElseThrow(
            () ->
                new ExplorationException(
                    "The "
                        + where
                        + " sets parameter '"
                        + parameter
                        + "', which "
                        + Operations.id(to)
                        + " does not take; it takes: "
                        + (to.parameters().isEmpty()
                            ? "none"
                            : to.parameters().stream()
                                .map(Operations::key)
                                .collect(Collectors.joining(", ")))));
  }

  private static String expression(JsonNode value, String where) {
    RuntimeExpression expression = RuntimeExpression.of(value);
    expression
        .problem()
        .ifPresent(
            problem -> {
              throw new ExplorationException(
                  "The " + where + " has a bad runtime expression: " + problem);
            });
    return value.isString() ? value.asString() : Json.write(value);
  }

  private static String known(Operations operations) {
    return operations.known();
  }
}
