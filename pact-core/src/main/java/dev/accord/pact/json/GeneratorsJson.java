package dev.accord.pact.json;

import dev.accord.pact.json.internal.GeneratorsCodec;
import dev.accord.pact.json.internal.ReadContext;
import dev.accord.pact.model.Generators;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code generators} object of a request, response or message on its own.
 *
 * <pre>{@code
 * Generators generators = GeneratorsJson.read(Json.parse(
 *     "{\"body\": {\"$.id\": {\"type\": \"RandomInt\", \"min\": 1, \"max\": 9}}}"), "fixture.json");
 * ObjectNode json = GeneratorsJson.write(generators);
 * }</pre>
 */
public final class GeneratorsJson {
  private GeneratorsJson() {}

  /**
   * Reads generators by category ({@code body}, {@code header}, {@code query}, {@code path}, {@code
   * status}, {@code method}, {@code metadata}); unknown generator types are kept as {@link
   * dev.accord.pact.model.Generator.Other}. Warnings are logged.
   *
   * @param source where the JSON came from, for error messages (JSON paths start at {@code $}, the
   *     object itself)
   * @throws PactFormatException for a missing {@code type}, an attribute of the wrong type, a bad
   *     regex, ...
   */
  public static Generators read(JsonNode node, String source) {
    return GeneratorsCodec.read(node, "$", new ReadContext(source, true));
  }

  /** The JSON form, categories in a fixed order, entries in the model's order. */
  public static ObjectNode write(Generators generators) {
    Objects.requireNonNull(generators, "generators");
    return GeneratorsCodec.write(generators);
  }
}
