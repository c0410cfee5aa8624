package dev.accord.contract.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.contract.openapi.SchemaValidator;
import dev.accord.pact.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ValueGeneratorTest {
  static final OpenApiDocument DOCUMENT =
      OpenApiDocument.parse(
          """
      openapi: 3.0.3
      info: {title: shop, version: "1"}
      paths: {}
      components:
        schemas:
          Order:
            type: object
            required: [id, sku, quantity, placedAt, email, status]
            properties:
              id: {type: string, format: uuid, readOnly: true}
              sku: {type: string, pattern: "^[A-Z]{3}-\\\\d{4}$"}
              quantity: {type: integer, minimum: 1, maximum: 9}
              price: {type: number, exclusiveMinimum: true, minimum: 0, maximum: 100}
              placedAt: {type: string, format: date-time}
              day: {type: string, format: date}
              email: {type: string, format: email}
              status: {type: string, enum: [NEW, PAID]}
              tags: {type: array, minItems: 2, items: {type: string, minLength: 3, maxLength: 5}}
              note: {type: string, example: "leave at the door"}
              customer: {$ref: "#/components/schemas/Customer"}
          Customer:
            allOf:
              - type: object
                required: [name]
                properties: {name: {type: string}}
              - type: object
                properties: {vip: {type: boolean}}
          Tree:
            type: object
            required: [name]
            properties:
              name: {type: string}
              children: {type: array, items: {$ref: "#/components/schemas/Tree"}}
      """,
          "shop.yaml");

  static JsonNode schema(String name) {
    return Json.parse("{\"$ref\": \"#/components/schemas/" + name + "\"}");
  }

  @Test
  void generatedValuesFitTheirSchema() {
    for (long seed = 0; seed < 50; seed++) {
      JsonNode order = new ValueGenerator(DOCUMENT, seed).value(schema("Order"), "/x");
      List<SchemaValidator.Problem> problems =
          SchemaValidator.validate(
              DOCUMENT, SchemaValidator.Side.REQUEST, order, schema("Order"), "/x");
      assertThat(problems).as("seed %d: %s", seed, order).isEmpty();
      assertThat(order.has("id")).as("readOnly properties are not sent").isFalse();
      assertThat(order.get("sku").asString()).matches("[A-Z]{3}-\\d{4}");
      assertThat(order.get("tags").size()).isEqualTo(2);
      assertThat(order.get("note").asString()).isEqualTo("leave at the door");
      assertThat(order.get("customer").has("name")).isTrue();
      assertThat(order.get("customer").has("vip")).isTrue();
    }
  }

  @Test
  void theSameSeedGivesTheSameValues() {
    JsonNode first = new ValueGenerator(DOCUMENT, 7).value(schema("Order"), "/x");
    JsonNode again = new ValueGenerator(DOCUMENT, 7).value(schema("Order"), "/x");
    JsonNode other = new ValueGenerator(DOCUMENT, 8).value(schema("Order"), "/x");

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void recursiveSchemasEnd() {
    JsonNode tree = new ValueGenerator(DOCUMENT, 1).value(schema("Tree"), "/x");

    assertThat(tree.has("name")).isTrue();
    assertThat(Json.write(tree).length()).isLessThan(10_000);
  }

  @Test
  void simplePatternsAreFollowedAndOthersGiveUp() {
    ValueGenerator.PatternStrings patterns =
        new ValueGenerator.PatternStrings(new java.util.Random(3));

    assertThat(patterns.string("^job-[0-9a-f]{8}$"))
        .hasValueSatisfying(s -> assertThat(s).matches("job-[0-9a-f]{8}"));
    assertThat(patterns.string("^\\w+@\\w+\\.com$"))
        .hasValueSatisfying(s -> assertThat(s).matches("\\w+@\\w+\\.com"));
    assertThat(patterns.string("^(a|b)+$")).isEmpty();
  }

  @Test
  void examplesComeFirst() {
    ValueGenerator values = new ValueGenerator(DOCUMENT, 1);

    assertThat(values.example(Json.parse("{\"example\": 42}"))).contains(Json.parse("42"));
    assertThat(values.example(Json.parse("{\"examples\": {\"a\": {\"value\": \"x\"}}}")))
        .contains(Json.parse("\"x\""));
    assertThat(values.example(Json.parse("{\"examples\": [true]}"))).contains(Json.parse("true"));
    assertThat(values.value(Json.parse("{\"type\": \"integer\", \"default\": 5}"), "/d"))
        .isEqualTo(Json.parse("5"));
  }
}
