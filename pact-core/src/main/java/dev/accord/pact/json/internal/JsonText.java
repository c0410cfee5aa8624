package dev.accord.pact.json.internal;

import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Pretty (pact files) and canonical (content hash) JSON text. */
public final class JsonText {
  private JsonText() {}

  /**
   * Two-space indentation, {@code "key": value}, Unix newlines, a trailing newline: the text of the mapper's
   * writer with {@link #prettyPrinter()}, written by {@link JsonWriter} for plain trees (JsonTextTest checks).
   */
  public static String pretty(JsonNode node) {
    return (JsonWriter.plain(node) ? JsonWriter.pretty(node, "  ") : Pretty.WRITER.writeValueAsString(node)) + "\n";
  }

  /** Jackson's printer for the pact-file layout: what {@link #pretty} writes. */
  public static DefaultPrettyPrinter prettyPrinter() {
    return new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"));
  }

  /** Built on first use only, for trees with node types {@link JsonWriter} does not write. */
  private static final class Pretty {
    static final ObjectWriter WRITER = Json.mapper().writer().with(prettyPrinter());
  }

  /** Compact, with the keys of every object sorted. */
  public static String canonical(JsonNode node) {
    return Json.write(sorted(node));
  }

  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.propertyNames());
      Collections.sort(names);
      ObjectNode copy = Json.nodes().objectNode();
      for (String name : names) {
        copy.set(name, sorted(node.get(name)));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.nodes().arrayNode();
      for (JsonNode element : node) {
        copy.add(sorted(element));
      }
      return copy;
    }
    return node;
  }

}
