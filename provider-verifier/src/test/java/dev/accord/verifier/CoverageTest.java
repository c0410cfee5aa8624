package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.Pact;
import dev.accord.verifier.Coverage.CoveringInteraction;
import dev.accord.verifier.FakeServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  @TempDir Path dir;

  /** /users/{id} from a state value: the request path is generated from ${userId}. */
  private static HttpInteraction userFromState(String description, String examplePath) {
    HttpInteraction i = Pacts.get(description, examplePath, 200, Pacts.state("a user exists"));
    return new HttpInteraction(
        i.common(),
        i.request()
            .withGenerators(
                Generators.empty()
                    .with(
                        Category.PATH, "", new Generator.ProviderState("/users/${userId}", null))),
        i.response());
  }

  @Test
  void coverageCountsFilteredOutInteractionsStatesAndEndpointsInTheConsoleAndEveryReport()
      throws Exception {
    try (FakeServer provider =
        new FakeServer(r -> Reply.json(r.path().startsWith("/orders") ? 500 : 200, "{}"))) {
      // GIVEN two consumers' pacts; only billing-service is selected
      Pact orders =
          Pacts.pact(
              "orders-service",
              Pacts.get("user alice", "/users/alice", 200),
              Pacts.get("user bob", "/users/bob", 200),
              Pacts.get("all users", "/users", 200));
      Pact billing =
          Pacts.pact(
              "billing-service",
              userFromState("a user by state", "/users/me"),
              Pacts.get(
                  "an order",
                  "/orders/3f1c2a4e-0b6d-4c1e-9a57-2f8e4c1d9b70",
                  200,
                  Pacts.state("an order exists")),
              Pacts.get("user 42", "/users/42", 200, Pacts.state("a user exists")));

      // WHEN the run filters by consumer
      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(PactSource.of(orders, billing))
              .filterConsumer("billing-service")
              .stateHandler((state, params) -> java.util.Map.of("userId", "42"))
              .output(new PrintStream(console, true))
              .reports(dir, ReportFormat.JUNIT, ReportFormat.JSON, ReportFormat.HTML)
              .verify();

      // THEN the filtered-out interactions are still counted, and states and endpoints are listed
      Coverage c = report.coverage();
      assertThat(c.interactions()).isEqualTo(6);
      assertThat(c.filteredOut()).isEqualTo(3);
      assertThat(c.passed()).isEqualTo(2);
      assertThat(c.failed()).isEqualTo(1);
      assertThat(c.endpoints())
          .extracting(e -> e.method() + " " + e.path())
          .containsExactly("GET /orders/{param}", "GET /users", "GET /users/{param}");
      assertThat(c.endpoints().get(2).interactions())
          .containsExactly(
              new CoveringInteraction(
                  "billing-service \u00b7 a user by state [given a user exists]", "passed"),
              new CoveringInteraction(
                  "billing-service \u00b7 user 42 [given a user exists]", "passed"),
              new CoveringInteraction("orders-service \u00b7 user alice", "filtered out"),
              new CoveringInteraction("orders-service \u00b7 user bob", "filtered out"));
      assertThat(console.toString())
          .contains(
              """
          Coverage: 6 interactions in the pacts: 3 verified (2 passed, 1 failed, 0 pending), 3 filtered out, 0 not run
            provider states exercised:
              a user exists: 2 interactions, all passed
              an order exists: 1 interaction, 1 failed
            provider endpoints touched:
              GET /orders/{param}: 1 interaction (1 failed)
              GET /users: 1 interaction (1 filtered out)
              GET /users/{param}: 4 interactions (2 passed, 2 filtered out)
          1 of 3 interactions failed""");

      var json = Json.parse(Files.readString(dir.resolve("accord-products-service.json")));
      assertThat(json.get("coverage").get("filteredOut").asInt()).isEqualTo(3);
      assertThat(json.get("coverage").get("endpoints").get(2).get("path").asString())
          .isEqualTo("/users/{param}");
      assertThat(json.get("coverage").get("providerStates").get(1).get("outcome").asString())
          .isEqualTo("1 failed");
      String xml =
          Files.readString(dir.resolve("TEST-accord-products-service.xml"), StandardCharsets.UTF_8);
      assertThat(xml)
          .contains("<property name=\"coverage.filteredOut\" value=\"3\"/>")
          .contains(
              "<property name=\"coverage.endpoint.GET /orders/{param}\" value=\"billing-service \u00b7 an order"
                  + " [given an order exists] (failed)\"/>");
      String html = Files.readString(dir.resolve("accord-products-service.html"));
      assertThat(html)
          .contains("<h2>Coverage</h2>")
          .contains("3 filtered out")
          .contains("<td>GET /users/{param}</td>");
    }
  }

  @Test
  void aFailingStateSetupIsTheStatesOutcome() throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(200, "{}"))) {
      Pact pact =
          Pacts.pact(
              "orders-service", Pacts.get("user 1", "/users/1", 200, Pacts.state("a user exists")));

      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(PactSource.of(pact))
              .stateHandler(
                  (state, params) -> {
                    throw new IllegalStateException("database is down");
                  })
              .output(new PrintStream(console, true))
              .verify();

      assertThat(report.coverage().states())
          .singleElement()
          .satisfies(s -> assertThat(s.outcome()).isEqualTo("setup failed once"));
    }
  }
}
