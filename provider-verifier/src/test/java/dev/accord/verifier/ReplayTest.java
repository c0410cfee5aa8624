package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.Pact;
import dev.accord.verifier.FakeServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  @TempDir Path dir;

  private ProviderVerifier verifier(FakeServer provider, Pact pact) {
    return ProviderVerifier.forProvider("products-service")
        .baseUrl(provider.url())
        .pactsFrom(PactSource.of(pact))
        .output(new PrintStream(console, true));
  }

  private static HttpInteraction jsonGet(String description, String path, String body) {
    return new HttpInteraction(
        InteractionCommon.of(description, List.of()),
        HttpRequest.of("GET", path),
        new HttpResponse(
            200,
            Map.of("Content-Type", List.of("application/json")),
            Body.json(Json.parse(body)),
            null,
            null));
  }

  @Test
  void aSlowProviderFailsTheInteractionWithTheTimeoutAndTheOthersStillRun() throws Exception {
    try (FakeServer provider =
        new FakeServer(
            r -> {
              if (r.path().equals("/slow")) {
                Thread.sleep(3_000);
              }
              return Reply.json(200, "{}");
            })) {
      Pact pact =
          Pacts.pact(
              "orders-service",
              Pacts.get("slow one", "/slow", 200),
              Pacts.get("fast one", "/fast", 200));

      VerificationReport report =
          verifier(provider, pact).requestTimeout(Duration.ofMillis(300)).verify();

      assertThat(report.results().get(0).failures())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.summary()).isEqualTo("Request failed");
                assertThat(f.detail())
                    .isEqualTo("Request to " + provider.url() + "/slow timed out after 300 ms");
              });
      assertThat(report.results().get(1).passed()).isTrue();
      assertThat(report.summary()).isEqualTo("1 of 2 interactions failed");
    }
  }

  @Test
  void theRequestIsSentAsThePactWritesItHostAndConnectionHeadersIncluded() throws Exception {
    try (FakeServer provider = new FakeServer(r -> new Reply(204, null, null, Map.of()))) {
      HttpInteraction patch =
          new HttpInteraction(
              InteractionCommon.of("rename a product", List.of()),
              HttpRequest.of("PATCH", "/products/7")
                  .withHeaders(
                      Map.of(
                          "Host", List.of("products.internal"),
                          "Connection", List.of("keep-alive")))
                  .withBody(Body.json(Json.parse("{\"name\":\"y\"}"))),
              new HttpResponse(204, Map.of(), Body.empty(), null, null));

      VerificationReport report = verifier(provider, Pacts.pact("orders-service", patch)).verify();

      assertThat(report.passed()).as(report.describe()).isTrue();
      FakeServer.Received received = provider.received.get(0);
      assertThat(received.method()).isEqualTo("PATCH");
      assertThat(received.headers().get("Host")).containsExactly("products.internal");
      assertThat(received.headers().get("Connection")).containsExactly("keep-alive");
      assertThat(received.headers().get("Content-type")).containsExactly("application/json");
      assertThat(received.body()).isEqualTo("{\"name\":\"y\"}");
      assertThat(provider.received).hasSize(1);
    }
  }

  @Test
  void anUnreachableProviderIsOneErrorNamingTheUrl() throws Exception {
    String dead;
    try (FakeServer gone = new FakeServer(r -> Reply.json(200, "{}"))) {
      dead = gone.url();
    }
    Pact pact =
        Pacts.pact(
            "orders-service",
            Pacts.get("a", "/a", 200),
            Pacts.get("b", "/b", 200),
            Pacts.get("c", "/c", 200));

    VerificationReport report =
        ProviderVerifier.forProvider("products-service")
            .baseUrl(dead)
            .pactsFrom(PactSource.of(pact))
            .output(new PrintStream(console, true))
            .verify();

    assertThat(report.fatalError())
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .startsWith("Could not connect to " + dead)
                    .contains(
                        "Is the provider running and is the base URL right? (baseUrl / --provider-base-url)"));
    assertThat(report.results()).allMatch(r -> r.outcome() == InteractionResult.Outcome.NOT_RUN);
    assertThat(console.toString())
        .containsOnlyOnce("Could not connect to")
        .contains(
            "3 of 3 interactions failed (3 not run)" + System.lineSeparator() + "To replay: seed ");
  }

  @Test
  void requestFiltersReplaceHeadersAndEveryMismatchIsReportedAtOnce() throws Exception {
    try (FakeServer provider =
        new FakeServer(
            r ->
                "Bearer secret".equals(first(r.headers(), "Authorization"))
                    ? Reply.json(200, "{\"id\":7,\"name\":\"x\",\"tags\":[]}")
                    : Reply.json(401, "{\"error\":\"no token\"}"))) {
      Pact pact =
          Pacts.pact(
              "orders-service",
              jsonGet(
                  "get product",
                  "/products/7",
                  "{\"id\":\"7\",\"name\":\"x\",\"price\":1.5,\"tags\":[]}"));

      VerificationReport report =
          verifier(provider, pact)
              .requestFilter(
                  r -> r.withHeaders(Headers.with(r.headers(), "Authorization", "Bearer secret")))
              .verify();

      // the missing price is reported at $.price, the wrong type of id on $.id
      assertThat(report.results().get(0).failures())
          .extracting(Failure::summary, Failure::path)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Body had differences", "$.price"),
              org.assertj.core.groups.Tuple.tuple("Body had differences", "$.id"));
      assertThat(report.results().get(0).failures().get(0).detail()).contains("price");
      assertThat(report.describe())
          .contains("orders-service \u00b7 get product")
          .contains("$.id")
          .contains("Authorization: [redacted]")
          .doesNotContain("secret")
          .contains("1 of 1 interaction failed\nTo replay: seed ");
    }
  }

  static final String REVIEW_PACT =
      """
      {"consumer": {"name": "orders-service"}, "provider": {"name": "products-service"},
       "interactions": [{
         "description": "a review of a product",
         "providerStates": [{"name": "a product exists"}],
         "request": {"method": "POST", "path": "/products/1/reviews", "query": {"notify": ["true"]},
           "headers": {"Content-Type": "application/json", "X-Api-Token": "t0k3n"},
           "body": {"stars": 5},
           "generators": {"path": {"type": "ProviderState", "expression": "/products/${id}/reviews"}}},
         "response": {"status": 201, "headers": {"Content-Type": "application/json"},
           "body": {"id": 1, "name": "Widget", "price": 29.99, "reviews": 1},
           "matchingRules": {"body": {"$.name": {"matchers": [{"match": "type"}]}}}}
       }],
       "metadata": {"pactSpecification": {"version": "3.0.0"}}}
      """;

  @Test
  void aFailedInteractionShowsTheRequestSentAndEachMismatchWithRuleExpectedActualAndHint()
      throws Exception {
    // GIVEN a provider that answers with another price, a name of another type and no review count
    try (FakeServer provider =
        new FakeServer(r -> Reply.json(201, "{\"id\":42,\"name\":7,\"price\":24.99}"))) {
      // WHEN the interaction is verified with the product id the state handler returns and a
      // session cookie added
      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(
                  PactSource.of(dev.accord.pact.json.PactReader.read(REVIEW_PACT, "reviews.json")))
              .stateHandler((state, params) -> Map.of("id", 42))
              .requestFilter(r -> r.withHeaders(Headers.with(r.headers(), "Cookie", "SESSION=abc")))
              .output(new PrintStream(console, true))
              .seed(1)
              .verify();

      // THEN the report shows the request as sent (the state's id in the path, credentials
      // redacted) and each mismatch
      assertThat(provider.received)
          .extracting(FakeServer.Received::path)
          .containsExactly("/products/42/reviews");
      assertThat(report.describe().replace(provider.url(), "http://127.0.0.1:PORT"))
          .isEqualTo(
              """
          orders-service \u00b7 a review of a product [given a product exists]
            from pact orders-service -> products-service
            request sent: POST /products/42/reviews?notify=true
              Content-Type: application/json
              X-Api-Token: [redacted]
              Cookie: [redacted]
              body: {"stars":5}
            response received: 201
              content-type: application/json
              body: {"id":42,"name":7,"price":24.99}
              Body had differences
                at $.reviews
                Actual map is missing the following keys: reviews
                rule: every expected key is present (more keys are allowed)
                expected: 1
                actual:   (missing)
              Body had differences
                at $.id
                Expected 42 (Integer) to be equal to 1 (Integer)
                rule: equality (no matching rule at this path)
                expected: 1
                actual:   42
                hint: the pact expects exactly this value; if any integer will do, the consumer should use like(1) or \
          integer(1)
              Body had differences
                at $.name
                Expected 7 (Integer) to be the same type as 'Widget' (String)
                rule: type
                expected: "Widget"
                actual:   7
              Body had differences
                at $.price
                Expected 24.99 (Decimal) to be equal to 29.99 (Decimal)
                rule: equality (no matching rule at this path)
                expected: 29.99
                actual:   24.99
                hint: the pact expects exactly this value; if any decimal number will do, the consumer should use \
          like(29.99) or decimal(29.99)
            replay: curl -g -i -X POST 'http://127.0.0.1:PORT/products/42/reviews?notify=true' \
          -H 'Content-Type: application/json' -H 'X-Api-Token: [redacted]' -H 'Cookie: [redacted]' \
          --data-raw '{"stars":5}'

          1 of 1 interaction failed
          To replay: seed 1, Accord (development build), filters: none""");
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  @Test
  void failFastStopsAfterTheFirstFailureAndFiltersSelectInteractions() throws Exception {
    try (FakeServer provider =
        new FakeServer(r -> Reply.json(r.path().equals("/ok") ? 200 : 500, "{}"))) {
      Pact pact =
          Pacts.pact(
              "orders-service",
              Pacts.get("broken one", "/broken", 200),
              Pacts.get("ok one", "/ok", 200, Pacts.state("s")),
              Pacts.get("another ok", "/ok", 200));

      VerificationReport fast = verifier(provider, pact).failFast().verify();
      assertThat(fast.results())
          .extracting(InteractionResult::outcome)
          .containsExactly(
              InteractionResult.Outcome.FAILED,
              InteractionResult.Outcome.NOT_RUN,
              InteractionResult.Outcome.NOT_RUN);
      assertThat(fast.results().get(0).failures().get(0).summary())
          .isEqualTo("Response status did not match");

      VerificationReport byDescription = verifier(provider, pact).filterDescription("^ok").verify();
      assertThat(byDescription.results())
          .extracting(InteractionResult::description)
          .containsExactly("ok one");

      VerificationReport byState = verifier(provider, pact).filterState("").verify();
      assertThat(byState.results())
          .extracting(InteractionResult::description)
          .containsExactly("broken one", "another ok");

      VerificationReport byConsumer =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(
                  PactSource.of(
                      pact, Pacts.pact("billing-service", Pacts.get("ok one", "/ok", 200))))
              .filterConsumer("billing-service")
              .output(new PrintStream(console, true))
              .verify();
      assertThat(byConsumer.results())
          .extracting(InteractionResult::consumer)
          .containsExactly("billing-service");
      assertThat(byConsumer.passed()).isTrue();
    }
  }

  @Test
  void pendingInteractionsReportFailuresWithoutFailingTheVerification() throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(500, "{}"))) {
      HttpInteraction pending = Pacts.get("new feature", "/new", 200);
      pending = pending.withCommon(pending.common().withPending(true));
      Pact pact = Pacts.pact("orders-service", pending);

      VerificationReport report = verifier(provider, pact).verify();

      assertThat(report.passed()).isTrue();
      assertThat(report.results().get(0).outcome()).isEqualTo(InteractionResult.Outcome.FAILED);
      assertThat(report.summary())
          .isEqualTo("0 of 1 interaction failed (1 pending interaction also failed, not counted)");
      assertThat(console.toString())
          .contains("FAIL (pending, not counted) orders-service \u00b7 new feature");
    }
  }

  @Test
  void reportsAreWrittenAsJunitXmlJsonAndSelfContainedHtml() throws Exception {
    try (FakeServer provider =
        new FakeServer(r -> Reply.json(r.path().equals("/ok") ? 200 : 404, "{}"))) {
      Pact pact =
          Pacts.pact(
              "orders-service",
              Pacts.get("ok <one>", "/ok", 200),
              Pacts.get("missing", "/nope", 200));

      verifier(provider, pact)
          .reports(dir, ReportFormat.JUNIT, ReportFormat.JSON, ReportFormat.HTML)
          .verify();

      String xml = Files.readString(dir.resolve("TEST-accord-products-service.xml"));
      assertThat(xml)
          .contains(
              "<testsuite name=\"orders-service -&gt; products-service\" tests=\"2\" failures=\"1\"")
          .contains("name=\"orders-service \u00b7 ok &lt;one&gt;\"")
          .contains("<failure message=\"Response status did not match\"");
      var json = Json.parse(Files.readString(dir.resolve("accord-products-service.json")));
      assertThat(json.get("summary").asString()).isEqualTo("1 of 2 interactions failed");
      assertThat(json.get("interactions").get(1).get("failures").get(0).get("summary").asString())
          .isEqualTo("Response status did not match");
      String html = Files.readString(dir.resolve("accord-products-service.html"));
      assertThat(html)
          .contains("1 of 2 interactions failed")
          .contains("ok &lt;one&gt;")
          .doesNotContain("<script src")
          .doesNotContain("<link");
    }
  }

  @Test
  void messagePactsVerifyObjectsSerializedByTheAppsOwnSerializer() {
    Pact pact =
        Pact.of(
            "notifications",
            "products-service",
            List.of(
                new AsyncMessageInteraction(
                    InteractionCommon.of("a product-created event", List.of()),
                    new MessageContents(
                        Body.json(Json.parse("{\"id\":\"p1\",\"price\":12.5}")),
                        Map.of("topic", Json.nodes().stringNode("products")),
                        null,
                        null))));
    record ProductCreated(String id, double price) {}
    Object producer =
        new Object() {
          @ProvidesMessage("a product-created event")
          Object event() {
            return new ProductCreated("p1", 12.5);
          }
        };
    List<String> serialized = new java.util.ArrayList<>();

    VerificationReport report =
        ProviderVerifier.forProvider("products-service")
            .pactsFrom(PactSource.of(pact))
            .messageProviders(producer)
            .messageSerializer(
                o -> {
                  serialized.add(o.getClass().getSimpleName());
                  ProductCreated p = (ProductCreated) o;
                  return ("{\"id\":\"" + p.id() + "\",\"price\":" + p.price() + "}")
                      .getBytes(StandardCharsets.UTF_8);
                })
            .output(new PrintStream(console, true))
            .verify();

    assertThat(serialized).containsExactly("ProductCreated");
    assertThat(report.results().get(0).failures())
        .extracting(Failure::summary)
        .containsExactly("Metadata had differences");
    assertThat(report.results().get(0).failures().get(0).path()).isEqualTo("topic");
  }

  @Test
  void messagePactsVerifyAgainstAnHttpEndpointWithBase64Metadata() throws Exception {
    String metadata =
        Base64.getEncoder()
            .encodeToString("{\"topic\":\"products\"}".getBytes(StandardCharsets.UTF_8));
    try (FakeServer provider =
        new FakeServer(
            r ->
                r.body().contains("\"description\":\"a product-created event\"")
                    ? new Reply(
                        200,
                        "application/json",
                        "{\"id\":\"p1\",\"price\":12.5}",
                        Map.of("Pact-Message-Metadata", metadata))
                    : Reply.json(404, "{}"))) {
      Pact pact =
          Pact.of(
              "notifications",
              "products-service",
              List.of(
                  new AsyncMessageInteraction(
                      InteractionCommon.of(
                          "a product-created event",
                          List.of(Pacts.state("a product exists", "id", "p1"))),
                      new MessageContents(
                          Body.json(Json.parse("{\"id\":\"p1\",\"price\":12.5}")),
                          Map.of("topic", Json.nodes().stringNode("products")),
                          null,
                          null))));

      VerificationReport report = verifier(provider, pact).verify();

      assertThat(report.passed()).as(console.toString()).isTrue();
      assertThat(provider.received.get(0).body())
          .isEqualTo(
              "{\"description\":\"a product-created event\","
                  + "\"providerStates\":[{\"name\":\"a product exists\",\"params\":{\"id\":\"p1\"}}]}");
    }
  }

  @Test
  void aMessageNobodyProducesNamesTheMethodToAdd() {
    Pact pact =
        Pact.of(
            "notifications",
            "products-service",
            List.of(
                new AsyncMessageInteraction(
                    InteractionCommon.of("a product-deleted event", List.of()),
                    MessageContents.of(Body.json(Json.parse("{}"))))));
    Object producer =
        new Object() {
          @ProvidesMessage("something else")
          String other() {
            return "{}";
          }
        };

    VerificationReport report =
        ProviderVerifier.forProvider("products-service")
            .pactsFrom(PactSource.of(pact))
            .messageProviders(producer)
            .output(new PrintStream(console, true))
            .verify();

    assertThat(report.results().get(0).failures().get(0).detail())
        .startsWith("Nothing produces the message 'a product-deleted event'.")
        .contains("@ProvidesMessage(\"a product-deleted event\")")
        .contains("Message aProductDeletedEvent()");
  }

  private static Pact orderPact() {
    HttpRequest request =
        new HttpRequest(
            "POST",
            "/products/p0/orders",
            null,
            Map.of("Content-Type", List.of("application/json")),
            Body.json(Json.parse("{\"productId\":\"p0\",\"quantity\":1}")),
            null,
            dev.accord.pact.model.Generators.empty()
                .with(
                    dev.accord.pact.model.Category.PATH,
                    "",
                    new dev.accord.pact.model.Generator.ProviderState(
                        "/products/${productId}/orders", null))
                .with(
                    dev.accord.pact.model.Category.BODY,
                    "$.productId",
                    new dev.accord.pact.model.Generator.ProviderState("productId", null)));
    return Pacts.pact(
        "orders-service",
        new HttpInteraction(
            InteractionCommon.of("order a product", List.of(Pacts.state("a product exists"))),
            request,
            HttpResponse.of(201)));
  }

  @Test
  void valuesReturnedByAStateHandlerFeedProviderStateGeneratorsInPathAndBody() throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(201, "{}"))) {
      VerificationReport report =
          verifier(provider, orderPact())
              .stateHandler((state, params) -> Map.of("productId", "p7"))
              .verify();

      assertThat(report.passed()).as(console.toString()).isTrue();
      assertThat(provider.received)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.path()).isEqualTo("/products/p7/orders");
                assertThat(r.body()).isEqualTo("{\"productId\":\"p7\",\"quantity\":1}");
              });
    }
  }

  @Test
  void aStateValueOfAnotherShapeThanTheConsumersExampleIsRefused() throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(201, "{}"))) {
      VerificationReport report =
          verifier(provider, orderPact())
              .stateHandler((state, params) -> Map.of("productId", 12))
              .verify();

      assertThat(provider.received).isEmpty();
      assertThat(report.results().get(0).failures())
          .extracting(Failure::detail)
          .containsExactly(
              "The provider state value for $.productId (expression 'productId') is 12"
                  + " (Number), but the consumer's example there is \"p0\" (String). Return a String from the state"
                  + " handler, or change the consumer's example.",
              "The provider state value for path (expression '/products/${productId}/orders') is 12 (Number), but the"
                  + " consumer's example there is \"p0\" (in /products/p0/orders) (String). Return a String from the state"
                  + " handler, or change the consumer's example.");
      assertThat(report.results().get(0).failures().get(0).path()).isEqualTo("$.productId");
    }
  }

  @Test
  void anUnresolvedProviderStateExpressionFailsInsteadOfSendingAnEmptyString() throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(201, "{}"))) {
      VerificationReport report =
          verifier(provider, orderPact())
              .stateHandler((state, params) -> Map.of("id", "p7"))
              .verify();

      assertThat(provider.received).isEmpty();
      assertThat(report.results().get(0).failures().get(0).detail())
          .contains("the provider state has no value named 'productId'")
          .contains("[id]");
    }
  }
}
