package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shape of the benchmark (a ~50 KB response with ~40 rules), checked for correctness only: the
 * engine must find exactly the planted mismatches, wherever they are.
 */
class LargeBodyMatchingTest {

  /** About 50 KB of orders with nested items. */
  static JsonNode orders(int count, int seed) {
    ObjectNode root = Json.nodes().objectNode();
    ArrayNode orders = root.putArray("orders");
    for (int i = 0; i < count; i++) {
      ObjectNode order = orders.addObject();
      order.put("id", 1000 + i + seed);
      order.put("status", i % 3 == 0 ? "SHIPPED" : "PENDING");
      order.put("createdAt", "2024-0" + (1 + i % 9) + "-1" + (i % 9) + "T10:1" + (i % 10) + ":00");
      ObjectNode customer = order.putObject("customer");
      customer.put("name", "Customer " + (i + seed));
      customer.put("email", "customer" + (i + seed) + "@example.com");
      ArrayNode items = order.putArray("items");
      for (int j = 0; j < 3; j++) {
        ObjectNode item = items.addObject();
        item.put("sku", "SKU-" + (i * 10 + j + seed));
        item.put("price", 9.99 + i + j + seed);
        item.put("quantity", 1 + j);
      }
    }
    ObjectNode meta = root.putObject("meta");
    meta.put("page", 1);
    meta.put("total", count);
    return root;
  }

  /**
   * 40 rules: the ones that bite, plus rules for paths the body does not have (lookups must stay
   * cheap).
   */
  static MatchingRules rules() {
    MatchingRules.Builder b =
        MatchingRules.builder()
            .add(Category.BODY, "$.orders", new MatchingRule.Type(1, null))
            .add(Category.BODY, "$.orders[*].id", new MatchingRule.IntegerType())
            .add(
                Category.BODY,
                "$.orders[*].status",
                new MatchingRule.Regex("PENDING|SHIPPED|DELIVERED"))
            .add(
                Category.BODY,
                "$.orders[*].createdAt",
                new MatchingRule.Timestamp("yyyy-MM-dd'T'HH:mm:ss"))
            .add(Category.BODY, "$.orders[*].customer", MatchingRule.Type.any())
            .add(
                Category.BODY,
                "$.orders[*].customer.email",
                new MatchingRule.Regex("[^@]+@[^@]+\\.[a-z]+"))
            .add(Category.BODY, "$.orders[*].items", new MatchingRule.Type(1, 10))
            .add(Category.BODY, "$.orders[*].items[*].sku", new MatchingRule.Regex("SKU-\\d+"))
            .add(Category.BODY, "$.orders[*].items[*].price", new MatchingRule.DecimalType())
            .add(Category.BODY, "$.orders[*].items[*].quantity", new MatchingRule.IntegerType())
            .add(Category.BODY, "$.meta.*", new MatchingRule.IntegerType());
    for (int i = 0; b.build().category(Category.BODY).size() < 40; i++) {
      b.add(Category.BODY, "$.links[" + i + "].href", MatchingRule.Type.any());
    }
    return b.build();
  }

  private static HttpResponse response(JsonNode body) {
    return HttpResponse.of(200).withBody(Body.json(body));
  }

  @Test
  void benchmarkBodyIsAboutFiftyKilobytesWithFortyRules() {
    assertThat(Json.write(orders(180, 0)).getBytes(StandardCharsets.UTF_8).length)
        .isBetween(40_000, 60_000);
    assertThat(rules().category(Category.BODY)).hasSize(40);
  }

  @Test
  void largeBodyWithOtherValuesOfTheRightTypesMatches() {
    assertThat(
            Matching.matchResponse(
                response(orders(180, 0)).withMatchingRules(rules()), response(orders(200, 7))))
        .isEmpty();
  }

  @Test
  void largeBodyReportsExactlyThePlantedMismatches() {
    JsonNode actual = orders(180, 0);
    ((ObjectNode) actual.get("orders").get(77).get("items").get(2)).put("price", "9.99");
    ((ObjectNode) actual.get("orders").get(128).get("customer")).put("email", "nobody");
    List<Mismatch> mismatches =
        Matching.matchResponse(
            response(orders(180, 0)).withMatchingRules(rules()), response(actual));
    assertThat(mismatches)
        .extracting(m -> m.path() + " -> " + m.description())
        .containsExactly(
            "$.orders[77].items[2].price -> Expected '9.99' (String) to be a decimal number",
            "$.orders[128].customer.email -> Expected 'nobody' to match '[^@]+@[^@]+\\.[a-z]+'");
  }
}
