package dev.accord.contract.conformance;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.pact.json.Json;
import dev.accord.pact.model.ProviderState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A cases file: for an operation and a documented status, the provider state to prepare and the
 * request values to send, for documents that carry no {@code x-provider-state} (or to override it).
 * YAML or JSON:
 *
 * <pre>
 * cases:
 *   - operation: getStatus            # the operationId, or "GET /status/{id}"
 *     status: 200                     # the documented response: 200, 2XX or default
 *     state: job 42 is ready          # or {name: ..., params: {...}}, or a list of them
 *     params: {id: 42}                # parameters of the (single) state, beside its name
 *     path: {id: "${id}"}             # ${name}: a value the state returned (or one of its params)
 *     query: {verbose: "true"}
 *     headers: {X-Tenant: acme}
 *     body: {prompt: "a kite"}
 * </pre>
 *
 * Every mistake is refused when the file is read, naming the file, the entry and the field.
 */
public final class CasesFile {

  /**
   * One entry.
   *
   * @param index its position in {@code cases} (from 0)
   * @param operation the operationId or {@code METHOD /path}
   * @param status the documented response key it covers
   * @param states the states to prepare, in order (may be empty)
   * @param path path parameter values ({@code ${name}} placeholders allowed)
   * @param query query parameter values
   * @param headers header values
   * @param body the request body, or null
   */
  public record Entry(
      int index,
      String operation,
      String status,
      List<ProviderState> states,
      Map<String, String> path,
      Map<String, List<String>> query,
      Map<String, String> headers,
      JsonNode body) {

    /**
     * Whether this entry is for {@code op} (by operationId, or by method and path template,
     * case-insensitively).
     */
    public boolean isFor(ApiOperation op) {
      return operation.equals(op.operationId()) || operation.equalsIgnoreCase(op.key());
    }
  }

  private final String location;
  private final List<Entry> entries;

  private CasesFile(String location, List<Entry> entries) {
    this.location = location;
    this.entries = List.copyOf(entries);
  }

  /** No entries. */
  public static CasesFile empty() {
    return new CasesFile("(none)", List.of());
  }

  /** Reads a cases file (YAML or JSON). */
  public static CasesFile read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the cases file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a cases file's content (YAML or JSON); {@code location} names it in messages. */
  public static CasesFile parse(String content, String location) {
    JsonNode root;
    try {
      root = YAMLMapper.builder().build().readTree(content);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "The cases file "
              + location
              + " is neither YAML nor JSON: "
              + e.getOriginalMessage()
              + "\nWrite it as `cases:` followed by a list of entries (docs/openapi.md).",
          e);
    }
    JsonNode cases = root == null ? null : root.get("cases");
    if (cases == null || !cases.isArray()) {
      throw new IllegalArgumentException(
          "The cases file "
              + location
              + " has no `cases` list: expected"
              + " `cases:` followed by entries such as `- {operation: getStatus, status: 200, state: job 42 is ready}`");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      entries.add(entry(cases.get(i), i, location));
    }
    return new CasesFile(location, entries);
  }

  public String location() {
    return location;
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The entry for the operation and status, if any (the last one wins when several match). */
  public Optional<Entry> find(ApiOperation op, String status) {
    Entry found = null;
    for (Entry e : entries) {
      if (e.isFor(op) && e.status().equalsIgnoreCase(status)) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Checks every entry names an operation and a response of the document; throws naming each that
   * does not.
   */
  public void checkAgainst(List<ApiOperation> operations, String documentLocation) {
    List<String> problems = new ArrayList<>();
    for (Entry e : entries) {
      Optional<ApiOperation> op = operations.stream().filter(e::isFor).findFirst();
      if (op.isEmpty()) {
        problems.add(
            "cases["
                + e.index()
                + "]: operation '"
                + e.operation()
                + "' is not in "
                + documentLocation
                + closest(e.operation(), operations));
      } else if (op.get().responses().stream().noneMatch(r -> r.equalsIgnoreCase(e.status()))) {
        problems.add(
            "cases["
                + e.index()
                + "]: "
                + op.get().displayName()
                + " documents no response "
                + e.status()
                + " (documented: "
                + String.join(", ", op.get().responses())
                + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "The cases file "
              + location
              + " does not fit the document ("
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + "):\n  - "
              + String.join("\n  - ", problems)
              + "\nName operations by operationId or as \"METHOD /path\" exactly as"
              + " the document writes the path, and statuses as its responses do.");
    }
  }

  private static String closest(String name, List<ApiOperation> operations) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ApiOperation op : operations) {
      for (String candidate : new String[] {op.operationId(), op.key()}) {
        if (candidate == null) {
          continue;
        }
        int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
        if (d < bestDistance) {
          bestDistance = d;
          best = candidate;
        }
      }
    }
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] =
            Math.min(
                Math.min(cur[j - 1] + 1, prev[j] + 1),
                prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Entry entry(JsonNode node, int index, String location) {
    String where = "The cases file " + location + ", cases[" + index + "]";
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          where
              + " is "
              + kind(node)
              + "; expected an object such as"
              + " {operation: getStatus, status: 200, state: job 42 is ready}");
    }
    for (String field : node.propertyNames()) {
      if (!List.of(
              "operation",
              "status",
              "state",
              "states",
              "params",
              "path",
              "query",
              "headers",
              "body")
          .contains(field)) {
        throw new IllegalArgumentException(
            where
                + " has an unknown field '"
                + field
                + "'; the fields are operation,"
                + " status, state (or states), params, path, query, headers and body");
      }
    }
    String operation = scalar(node, "operation", where, true);
    String status = scalar(node, "status", where, true);
    if (!status.matches("[1-5]\\d\\d|[1-5][xX][xX]|default")) {
      throw new IllegalArgumentException(
          where
              + ": status '"
              + status
              + "' is not a response key; expected a"
              + " status code (200), a range (2XX) or default");
    }
    List<ProviderState> states = new ArrayList<>();
    if (node.has("state") && node.has("states")) {
      throw new IllegalArgumentException(where + " has both state and states; use one");
    }
    JsonNode stateNode = node.has("state") ? node.get("state") : node.get("states");
    if (stateNode != null) {
      states.addAll(XProviderState.states(stateNode, where + ", field state"));
    }
    if (node.has("params")) {
      if (states.size() != 1 || !node.get("params").isObject()) {
        throw new IllegalArgumentException(
            where
                + ": params needs exactly one state and an object of values"
                + " (found "
                + states.size()
                + " states and "
                + kind(node.get("params"))
                + "); with several states,"
                + " give each its params: states: [{name: ..., params: {...}}]");
      }
      Map<String, JsonNode> params = new LinkedHashMap<>(states.get(0).params());
      node.get("params").properties().forEach(e -> params.put(e.getKey(), e.getValue()));
      states.set(0, ProviderState.of(states.get(0).name(), params));
    }
    Map<String, String> path = texts(node, "path", where);
    Map<String, List<String>> query = new LinkedHashMap<>();
    JsonNode q = node.get("query");
    if (q != null) {
      if (!q.isObject()) {
        throw new IllegalArgumentException(
            where
                + ": query is "
                + kind(q)
                + "; expected an object of names and"
                + " values, e.g. {page: 2}");
      }
      q.properties()
          .forEach(
              e -> {
                List<String> values = new ArrayList<>();
                (e.getValue().isArray() ? e.getValue() : List.of(e.getValue()))
                    .forEach(v -> values.add(text(v)));
                query.put(e.getKey(), values);
              });
    }
    Map<String, String> headers = texts(node, "headers", where);
    return new Entry(index, operation, status, states, path, query, headers, node.get("body"));
  }

  private static Map<String, String> texts(JsonNode node, String field, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode values = node.get(field);
    if (values == null) {
      return out;
    }
    if (!values.isObject()) {
      throw new IllegalArgumentException(
          where
              + ": "
              + field
              + " is "
              + kind(values)
              + "; expected an object of"
              + " names and values, e.g. {id: \"${id}\"}");
    }
    values.properties().forEach(e -> out.put(e.getKey(), text(e.getValue())));
    return out;
  }

  private static String scalar(JsonNode node, String field, String where, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException(
            where
                + " has no "
                + field
                + "; every entry names an operation"
                + " (operationId or \"METHOD /path\") and a status");
      }
      return null;
    }
    if (!value.isValueNode()) {
      throw new IllegalArgumentException(
          where + ": " + field + " is " + kind(value) + "; expected text");
    }
    return text(value);
  }

  static String text(JsonNode v) {
    return v.isString() ? v.asString() : v.isValueNode() ? v.asString() : Json.write(v);
  }

  static String kind(JsonNode node) {
    return node.isObject()
        ? "an object"
        : node.isArray()
            ? "a list"
            : node.isNull()
                ? "null"
                : "the "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " "
                    + Json.write(node);
  }
}
