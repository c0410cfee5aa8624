package dev.accord.pact.json.internal;

import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * State of one read: the source for error messages and the warnings collected so far. Typed
 * accessors fail with a {@link PactFormatException} that names the JSON path, what was found and
 * the valid form.
 */
public final class ReadContext {
  /**
   * Looked up on the first warning: a logger starts java.util.logging, which most reads never need.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(PactReader.class.getName());
  }

  private final String source;
  private final List<PactReader.Warning> warnings = new ArrayList<>();
  private final Set<String> unknownNames = new HashSet<>();
  private final List<PactFormatException> problems = new ArrayList<>();
  private final boolean log;

  public ReadContext(String source, boolean log) {
    this.source = source == null ? "<unnamed>" : source;
    this.log = log;
  }

  public String source() {
    return source;
  }

  public List<PactReader.Warning> warnings() {
    return List.copyOf(warnings);
  }

  public void warn(String path, String message) {
    PactReader.Warning warning = new PactReader.Warning(source, path, message);
    warnings.add(warning);
    if (log) {
      Log.LOG.log(System.Logger.Level.WARNING, warning.toString());
    }
  }

  /**
   * Warns about attributes of {@code node} not in {@code known}: they are ignored. Each unknown
   * name is reported once per file, at its first place, however many interactions carry it.
   */
  public void warnUnknown(JsonNode node, String path, Collection<String> known) {
    for (String name : node.propertyNames()) {
      if (!known.contains(name) && unknownNames.add(name)) {
        warn(JsonPaths.field(path, name), "unknown attribute '" + name + "' is ignored");
      }
    }
  }

  /**
   * Warns once per file about an unknown interaction attribute {@code name} at {@code path}: it is
   * kept and written back unchanged.
   */
  public void warnUnknownKept(String path, String name) {
    if (unknownNames.add(name)) {
      warn(
          path,
          "unknown attribute '"
              + name
              + "' is not interpreted; it is kept and written back unchanged");
    }
  }

  /**
   * Reads one part of the pact ({@code read} throws on its first problem), keeping the problem and
   * going on with the next part, so one read reports every problem of the file: null when the part
   * has a problem.
   */
  public <T> T part(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (PactFormatException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /**
   * @throws PactFormatException listing every problem kept by {@link #part}
   */
  public void failOnProblems() {
    if (!problems.isEmpty()) {
      throw PactFormatException.of(problems);
    }
  }

  public PactFormatException error(String path, String problem, String validForm) {
    return new PactFormatException(source, path, problem, validForm);
  }

  public PactFormatException error(String path, String problem, String validForm, Throwable cause) {
    return new PactFormatException(source, path, problem, validForm, cause);
  }

  public ObjectNode object(JsonNode node, String path, String validForm) {
    if (node == null || !node.isObject()) {
      throw error(path, "expected a JSON object but found " + describe(node), validForm);
    }
    return (ObjectNode) node;
  }

  public ArrayNode array(JsonNode node, String path, String validForm) {
    if (node == null || !node.isArray()) {
      throw error(path, "expected a JSON array but found " + describe(node), validForm);
    }
    return (ArrayNode) node;
  }

  /** The named attribute when present and not null. */
  public static Optional<JsonNode> attribute(JsonNode parent, String name) {
    JsonNode value = parent.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  public Optional<String> optString(
      JsonNode parent, String name, String parentPath, String validForm) {
    return attribute(parent, name)
        .map(v -> string(v, JsonPaths.field(parentPath, name), validForm));
  }

  public String requireString(JsonNode parent, String name, String parentPath, String validForm) {
    return optString(parent, name, parentPath, validForm)
        .orElseThrow(
            () ->
                error(
                    JsonPaths.field(parentPath, name),
                    "the required attribute '" + name + "' is missing",
                    validForm));
  }

  public String string(JsonNode node, String path, String validForm) {
    if (node == null || !node.isString()) {
      throw error(path, "expected a string but found " + describe(node), validForm);
    }
    return node.stringValue();
  }

  public Optional<Integer> optInt(
      JsonNode parent, String name, String parentPath, String validForm) {
    return attribute(parent, name)
        .map(v -> integer(v, JsonPaths.field(parentPath, name), validForm));
  }

  public int integer(JsonNode node, String path, String validForm) {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
      throw error(path, "expected an integer but found " + describe(node), validForm);
    }
    return node.intValue();
  }

  public Optional<Boolean> optBoolean(
      JsonNode parent, String name, String parentPath, String validForm) {
    return attribute(parent, name)
        .map(
            v -> {
              if (!v.isBoolean()) {
                throw error(
                    JsonPaths.field(parentPath, name),
                    "expected true or false but found " + describe(v),
                    validForm);
              }
              return v.booleanValue();
            });
  }

  /**
   * A short description of a JSON value for error messages: {@code a string ("two")}, {@code an
   * array}.
   */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isString()) {
      String s = node.stringValue();
      return "a string (\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\")";
    }
    if (node.isNumber()) {
      return "a number (" + node + ")";
    }
    if (node.isBoolean()) {
      return "a boolean (" + node + ")";
    }
    if (node.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
