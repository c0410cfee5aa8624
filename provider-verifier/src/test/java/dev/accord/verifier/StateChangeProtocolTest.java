package dev.accord.verifier;

import static dev.accord.verifier.Pacts.get;
import static dev.accord.verifier.Pacts.pact;
import static dev.accord.verifier.Pacts.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.verifier.FakeServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateChangeProtocolTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private ProviderVerifier verifier(FakeServer states) {
    return ProviderVerifier.forProvider("products-service")
        .stateChangeUrl(states.url() + "/_pact/state")
        .output(new PrintStream(console, true));
  }

  @Test
  void statesOnlyModePostsSetupPerStateInFileOrderThenTeardownAndTheEmptyStateForStateless()
      throws Exception {
    // GIVEN a recording state endpoint and a pact with two states with params, and one interaction
    // with none
    try (FakeServer states = new FakeServer(r -> Reply.json(200, "{}"))) {
      var pact =
          pact(
              "orders-service",
              get(
                  "get product",
                  "/products/p1",
                  200,
                  state("a product exists", "id", "p1", "price", 12.5),
                  state("a user is logged in", "user", "ann")),
              get("health", "/health", 200));

      // WHEN only the states are verified
      VerificationReport report = verifier(states).pactsFrom(PactSource.of(pact)).verifyStates();

      // THEN each state got setup in order, then teardown in the same order; "" for the stateless
      // one
      assertThat(states.received.stream().map(FakeServer.Received::body).toList())
          .containsExactly(
              "{\"state\":\"a product exists\",\"params\":{\"id\":\"p1\",\"price\":12.5},\"action\":\"setup\"}",
              "{\"state\":\"a user is logged in\",\"params\":{\"user\":\"ann\"},\"action\":\"setup\"}",
              "{\"state\":\"a product exists\",\"params\":{\"id\":\"p1\",\"price\":12.5},\"action\":\"teardown\"}",
              "{\"state\":\"a user is logged in\",\"params\":{\"user\":\"ann\"},\"action\":\"teardown\"}",
              "{\"state\":\"\",\"params\":{},\"action\":\"setup\"}",
              "{\"state\":\"\",\"params\":{},\"action\":\"teardown\"}");
      assertThat(states.received)
          .allSatisfy(
              r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/_pact/state");
                assertThat(r.headers().get("Content-type")).containsExactly("application/json");
              });
      assertThat(report.passed()).isTrue();
      assertThat(report.summary()).isEqualTo("0 of 2 interactions failed");
      assertThat(console.toString())
          .endsWith("0 of 2 interactions failed" + System.lineSeparator());
    }
  }

  @Test
  void aFailingSetupStopsTheStatesShowsTheEndpointAnswerAndTearsDownOnlyWhatWasSetUp()
      throws Exception {
    // GIVEN a state endpoint that fails for one state with a 500 and its own error text
    try (FakeServer states =
        new FakeServer(
            r ->
                r.body().contains("\"broken\"")
                    ? Reply.text(500, "boom: relation \"products\" does not exist")
                    : Reply.json(200, ""))) {
      var pact =
          pact(
              "orders-service",
              get(
                  "get product",
                  "/products/p1",
                  200,
                  state("fine"),
                  state("broken"),
                  state("never reached")));

      // WHEN
      VerificationReport report = verifier(states).pactsFrom(PactSource.of(pact)).verifyStates();

      // THEN no further setup was sent, the state set up before is torn down, and the failure shows
      // the answer
      assertThat(states.received.stream().map(FakeServer.Received::body).toList())
          .containsExactly(
              "{\"state\":\"fine\",\"params\":{},\"action\":\"setup\"}",
              "{\"state\":\"broken\",\"params\":{},\"action\":\"setup\"}",
              "{\"state\":\"fine\",\"params\":{},\"action\":\"teardown\"}");
      assertThat(report.passed()).isFalse();
      InteractionResult result = report.results().get(0);
      assertThat(result.failures()).hasSize(1);
      Failure failure = result.failures().get(0);
      assertThat(failure.summary()).isEqualTo("State change request failed");
      assertThat(failure.detail())
          .isEqualTo(
              "The state-change endpoint POST "
                  + states.url()
                  + "/_pact/state answered"
                  + " 500 for setup of state 'broken' (a server error in the state endpoint).\n"
                  + "Its response body: boom: relation \"products\" does not exist\n"
                  + "Sent: {\"state\":\"broken\",\"params\":{},\"action\":\"setup\"}");
      assertThat(report.summary()).isEqualTo("1 of 1 interaction failed");
    }
  }

  @Test
  void aStateEndpointClaimingJsonButAnsweringTextIsNamedAsSuch() throws Exception {
    try (FakeServer states = new FakeServer(r -> Reply.json(200, "OK, seeded"))) {
      var pact =
          pact(
              "orders-service", get("get product", "/products/p1", 200, state("a product exists")));

      VerificationReport report = verifier(states).pactsFrom(PactSource.of(pact)).verifyStates();

      Failure failure = report.results().get(0).failures().get(0);
      assertThat(failure.summary()).isEqualTo(Failure.STATE_CHANGE);
      assertThat(failure.detail())
          .contains("with Content-Type application/json but a body that is not JSON: OK, seeded")
          .contains("Return a JSON object of values");
    }
  }

  @Test
  void anUnreachableStateEndpointIsOneErrorNotOnePerInteraction() throws Exception {
    String deadUrl;
    try (FakeServer gone = new FakeServer(r -> Reply.json(200, "{}"))) {
      deadUrl = gone.url();
    }
    var pact =
        pact("orders-service", get("a", "/a", 200, state("s1")), get("b", "/b", 200, state("s2")));

    VerificationReport report =
        ProviderVerifier.forProvider("products-service")
            .stateChangeUrl(deadUrl + "/state")
            .output(new PrintStream(console, true))
            .pactsFrom(PactSource.of(pact))
            .verifyStates();

    assertThat(report.fatalError())
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .startsWith("Could not connect to " + deadUrl + " (state-change URL: ")
                    .contains("Nothing was verified from 'orders-service \u00b7 a [given s1]' on.")
                    .contains("stateChangeUrl / --state-change-url"));
    assertThat(report.results())
        .extracting(InteractionResult::outcome)
        .containsExactly(InteractionResult.Outcome.NOT_RUN, InteractionResult.Outcome.NOT_RUN);
    assertThat(report.summary()).isEqualTo("2 of 2 interactions failed (2 not run)");
  }

  static class ProductStates {
    final List<String> calls = new java.util.ArrayList<>();

    @State("a product exists")
    java.util.Map<String, Object> productExists(java.util.Map<String, Object> params) {
      calls.add("setup " + params);
      return java.util.Map.of("id", 42);
    }

    @State(value = "a product exists", action = StateAction.TEARDOWN)
    void removeProduct() {
      calls.add("teardown");
    }
  }

  @Test
  void aMissingStateHandlerFailsTheInteractionWithTheMethodsToAdd() {
    ProductStates handlers = new ProductStates();
    var pact =
        pact(
            "orders-service",
            get("get product", "/products/p1", 200, state("a product exists", "id", "p1")),
            get(
                "list products",
                "/products",
                200,
                state("a product exists"),
                state("the catalogue has 3 items"),
                state("user 'ann' is an admin")));

    VerificationReport report =
        ProviderVerifier.forProvider("products-service")
            .stateHandlers(handlers)
            .output(new PrintStream(console, true))
            .pactsFrom(PactSource.of(pact))
            .verifyStates();

    assertThat(handlers.calls).containsExactly("setup {id=p1}", "teardown");
    assertThat(report.results().get(0).passed()).isTrue();
    Failure failure = report.results().get(1).failures().get(0);
    assertThat(failure.summary()).isEqualTo("Missing state handler");
    assertThat(failure.detail())
        .isEqualTo(
            """
        No @State method for the states 'the catalogue has 3 items', 'user 'ann' is an admin'.
        Add to ProductStates:

          @State("the catalogue has 3 items")
          Map<String, Object> theCatalogueHas3Items(Map<String, Object> params) {
            // put the provider into this state; return values for ProviderState generators
            return Map.of();
          }

          @State("user 'ann' is an admin")
          Map<String, Object> userAnnIsAnAdmin(Map<String, Object> params) {
            // put the provider into this state; return values for ProviderState generators
            return Map.of();
          }""");
    assertThat(report.summary()).isEqualTo("1 of 2 interactions failed");
  }
}
