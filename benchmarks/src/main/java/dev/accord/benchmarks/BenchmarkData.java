package dev.accord.benchmarks;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.ProviderState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Deterministic inputs for the benchmarks: the same call always builds the same data. */
public final class BenchmarkData {
  private BenchmarkData() {}

  /**
   * A V4 pact of {@code count} interactions: mostly HTTP with JSON bodies, matchers and generators,
   * every tenth an asynchronous message.
   */
  public static Pact pact(int count) {
    Random random = new Random(42);
    List<Interaction> interactions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      InteractionCommon common =
          InteractionCommon.of(
              "interaction " + i + ": get product " + i,
              List.of(
                  ProviderState.of(
                      "product " + i + " exists", Map.of("id", Json.nodes().numberNode(i)))));
      ObjectNode body = Json.nodes().objectNode();
      body.put("id", i);
      body.put("name", "Product " + i);
      body.put("price", random.nextInt(100000) / 100.0);
      body.put("createdAt", "2024-01-0" + (1 + i % 9) + "T10:00:00Z");
      ArrayNode tags = body.putArray("tags");
      for (int t = 0; t < 3; t++) {
        tags.add("tag-" + random.nextInt(50));
      }
      MatchingRules rules =
          MatchingRules.builder()
              .add(Category.BODY, "$.id", new MatchingRule.IntegerType())
              .add(Category.BODY, "$.name", MatchingRule.Type.any())
              .add(Category.BODY, "$.price", new MatchingRule.DecimalType())
              .add(
                  Category.BODY,
                  "$.createdAt",
                  new MatchingRule.Timestamp("yyyy-MM-dd'T'HH:mm:ssX"))
              .add(Category.BODY, "$.tags", new MatchingRule.Type(1, null))
              .add(Category.HEADER, "Content-Type", new MatchingRule.Regex("application/json.*"))
              .build();
      if (i % 10 == 9) {
        MessageContents contents =
            new MessageContents(
                Body.json(body),
                Map.of("topic", Json.nodes().stringNode("products")),
                rules,
                Generators.empty().with(Category.BODY, "$.id", new Generator.RandomInt(1, 1000)));
        interactions.add(new AsyncMessageInteraction(common, contents));
        continue;
      }
      HttpRequest request =
          HttpRequest.of("GET", "/products/" + i)
              .withQuery(Map.of("fields", List.of("id", "name", "price")))
              .withHeaders(Map.of("Accept", List.of("application/json")))
              .withGenerators(
                  Generators.empty()
                      .with(
                          Category.PATH,
                          "",
                          new Generator.ProviderState(
                              "/products/${id}", Generator.DataType.STRING)));
      HttpResponse response =
          HttpResponse.of(200)
              .withHeaders(Map.of("Content-Type", List.of("application/json")))
              .withBody(Body.json(body, ContentType.JSON))
              .withMatchingRules(rules);
      interactions.add(new HttpInteraction(common, request, response));
    }
    return Pact.of("orders-service", "products-service", interactions);
  }

  /**
   * An expected response whose JSON body is about {@code targetBytes} long and carries 40 matching
   * rules.
   */
  public static HttpResponse expectedResponse(int targetBytes) {
    ObjectNode body = responseBody(targetBytes, 7);
    MatchingRules.Builder rules =
        MatchingRules.builder()
            .add(Category.BODY, "$.items", new MatchingRule.Type(1, null))
            .add(Category.BODY, "$.items[*].id", new MatchingRule.IntegerType())
            .add(Category.BODY, "$.items[*].sku", new MatchingRule.Regex("SKU-\\d{6}"))
            .add(Category.BODY, "$.items[*].name", MatchingRule.Type.any())
            .add(Category.BODY, "$.items[*].price", new MatchingRule.DecimalType())
            .add(Category.BODY, "$.items[*].quantity", new MatchingRule.IntegerType())
            .add(Category.BODY, "$.items[*].available", new MatchingRule.BooleanType())
            .add(
                Category.BODY,
                "$.items[*].updatedAt",
                new MatchingRule.Timestamp("yyyy-MM-dd'T'HH:mm:ssX"))
            .add(Category.BODY, "$.items[*].tags", new MatchingRule.Type(0, 10))
            .add(Category.BODY, "$.items[*].tags[*]", MatchingRule.Type.any())
            .add(Category.BODY, "$.items[*].dimensions.width", new MatchingRule.NumberType())
            .add(Category.BODY, "$.items[*].dimensions.height", new MatchingRule.NumberType())
            .add(Category.BODY, "$.items[*].dimensions.unit", new MatchingRule.Regex("cm|mm|in"))
            .add(Category.BODY, "$.items[*].supplier.name", new MatchingRule.NotEmpty())
            .add(Category.BODY, "$.items[*].supplier.country", new MatchingRule.Regex("[A-Z]{2}"))
            .add(Category.BODY, "$.page.number", new MatchingRule.IntegerType())
            .add(Category.BODY, "$.page.size", new MatchingRule.IntegerType())
            .add(Category.BODY, "$.page.total", new MatchingRule.IntegerType())
            .add(
                Category.BODY,
                "$.generatedAt",
                new MatchingRule.Timestamp("yyyy-MM-dd'T'HH:mm:ssX"))
            .add(Category.BODY, "$.version", new MatchingRule.Semver())
            .add(Category.HEADER, "Content-Type", new MatchingRule.Regex("application/json.*"));
    for (int i = 0; i < 19; i++) {
      rules.add(Category.BODY, "$.items[" + i + "].sku", new MatchingRule.Include("SKU-"));
    }
    return HttpResponse.of(200)
        .withHeaders(Map.of("Content-Type", List.of("application/json")))
        .withBody(Body.json(body, ContentType.JSON))
        .withMatchingRules(rules.build());
  }

  /** An actual response matching {@link #expectedResponse(int)}: same shape, different values. */
  public static HttpResponse actualResponse(int targetBytes) {
    return HttpResponse.of(200)
        .withHeaders(Map.of("Content-Type", List.of("application/json; charset=UTF-8")))
        .withBody(Body.json(responseBody(targetBytes, 11), ContentType.JSON));
  }

  private static ObjectNode responseBody(int targetBytes, long seed) {
    Random random = new Random(seed);
    ObjectNode root = Json.nodes().objectNode();
    ArrayNode items = root.putArray("items");
    int i = 0;
    while (Json.write(root).length() < targetBytes - 200) {
      ObjectNode item = items.addObject();
      item.put("id", 1000 + i);
      item.put("sku", String.format("SKU-%06d", random.nextInt(1_000_000)));
      item.put("name", "Product number " + i + " in the catalogue");
      item.put("price", 1 + random.nextInt(99_999) / 100.0 + 0.01);
      item.put("quantity", random.nextInt(500));
      item.put("available", random.nextBoolean());
      item.put(
          "updatedAt",
          "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:15:30Z");
      ArrayNode tags = item.putArray("tags");
      for (int t = random.nextInt(4); t >= 0; t--) {
        tags.add("tag-" + random.nextInt(100));
      }
      ObjectNode dimensions = item.putObject("dimensions");
      dimensions.put("width", random.nextInt(300));
      dimensions.put("height", random.nextInt(300) + 0.5);
      dimensions.put("unit", "cm");
      ObjectNode supplier = item.putObject("supplier");
      supplier.put("name", "Supplier " + random.nextInt(40));
      supplier.put("country", "DE");
      i++;
    }
    ObjectNode page = root.putObject("page");
    page.put("number", 1);
    page.put("size", i);
    page.put("total", i * 7);
    root.put("generatedAt", "2024-05-01T08:00:00Z");
    root.put("version", "2.13.0");
    return root;
  }
}
