package dev.accord.contract.openapi;

import dev.accord.contract.comparison.internal.SchemaCheck;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A real value (a body, a parameter, a header) checked against a schema of an OpenAPI document,
 * with the same reading of schemas as the pact comparison ({@code $ref}s, OpenAPI 3.0 {@code
 * nullable}, 3.1 type arrays, {@code allOf}/{@code oneOf}/{@code anyOf}, {@code
 * additionalProperties}, value constraints and formats through networknt's json-schema-validator).
 * Unlike the comparison, no pact matcher is in play: the value is exactly what was sent.
 *
 * <pre>{@code
 * List<SchemaValidator.Problem> problems = SchemaValidator.validate(document, SchemaValidator.Side.RESPONSE,
 *     Json.parse("{\"id\": \"seven\"}"), schemaNode, "/components/schemas/Product");
 * // problems.get(0).path(): $.id, .pointer(): /components/schemas/Product/properties/id,
 * // .detail(): expected integer, found string "seven"
 * }</pre>
 */
public final class SchemaValidator {

  /**
   * Which side of the exchange the value is on: it decides which of {@code readOnly}/{@code
   * writeOnly} is exempt.
   */
  public enum Side {
    /**
     * A request the provider receives: {@code required} properties except {@code readOnly} ones
     * must be there.
     */
    REQUEST,
    /**
     * A response the provider sent: {@code required} properties except {@code writeOnly} ones must
     * be there.
     */
    RESPONSE
  }

  /**
   * One problem: where in the value (a JSON path such as {@code $.items[0].price}), where in the
   * document (a JSON pointer to the schema keyword that fails, such as {@code
   * /components/schemas/Product/required}), and what (expected and found).
   */
  public record Problem(String path, String pointer, String detail) {}

  private SchemaValidator() {}

  /**
   * Every problem of {@code value} against {@code schema}, the schema node found at {@code pointer}
   * in the document (it may be a {@code $ref}). Empty when the value fits.
   */
  public static List<Problem> validate(
      OpenApiDocument document, Side side, JsonNode value, JsonNode schema, String pointer) {
    SchemaCheck.Direction direction =
        side == Side.REQUEST ? SchemaCheck.Direction.REQUEST : SchemaCheck.Direction.SENT_RESPONSE;
    return new SchemaCheck(document, direction, null)
        .check(value, schema, pointer).stream()
            .map(issue -> new Problem(issue.path().toString(), issue.pointer(), issue.detail()))
            .toList();
  }
}
