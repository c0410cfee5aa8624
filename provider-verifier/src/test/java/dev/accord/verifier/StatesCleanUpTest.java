package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.Pact;
import dev.accord.verifier.FakeServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Provider states that clean up after a failed setup, and state values checked before anything is
 * sent.
 */
class StatesCleanUpTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private ProviderVerifier verifier(FakeServer provider, Pact pact) {
    return ProviderVerifier.forProvider("products-service")
        .baseUrl(provider.url())
        .pactsFrom(PactSource.of(pact))
        .output(new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  /** GET /users/{id} where the consumer's example is the string "foo". */
  private static Pact userPact(String... states) {
    HttpRequest request =
        new HttpRequest(
            "GET",
            "/users/foo",
            null,
            Map.of(),
            null,
            null,
            Generators.empty()
                .with(Category.PATH, "", new Generator.ProviderState("/users/${id}", null)));
    List<dev.accord.pact.model.ProviderState> given = new ArrayList<>();
    for (String s : states) {
      given.add(Pacts.state(s));
    }
    return Pacts.pact(
        "web",
        new HttpInteraction(
            InteractionCommon.of("get a user", given), request, HttpResponse.of(200)));
  }

  @Test
  void whenTheSecondSetupFailsTheFirstStateIsTornDownBeforeTheFailureIsReported() throws Exception {
    // GIVEN a state endpoint where the second state's setup fails
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    try (FakeServer provider =
        new FakeServer(
            r -> {
              if (r.path().equals("/state")) {
                calls.add(r.body());
                return r.body().contains("\"state\":\"an order\"") && r.body().contains("setup")
                    ? Reply.text(500, "no orders")
                    : Reply.json(200, "{\"id\":\"u1\"}");
              }
              return Reply.json(200, "{}");
            })) {
      // WHEN verifying an interaction given "a user" and "an order"
      VerificationReport report =
          verifier(provider, userPact("a user", "an order"))
              .stateChangeUrl(provider.url() + "/state")
              .verify();

      // THEN "a user" was set up, "an order" failed, and "a user" was torn down; no request was
      // sent
      assertThat(calls)
          .containsExactly(
              "{\"state\":\"a user\",\"params\":{},\"action\":\"setup\"}",
              "{\"state\":\"an order\",\"params\":{},\"action\":\"setup\"}",
              "{\"state\":\"a user\",\"params\":{},\"action\":\"teardown\"}");
      assertThat(provider.received).extracting(FakeServer.Received::path).containsOnly("/state");
      assertThat(report.results().get(0).failures())
          .extracting(Failure::summary)
          .containsExactly(Failure.STATE_CHANGE);
    }
  }

  @Test
  void earlierStatesAreUndoneInReverseOrderWithInProcessHandlers() throws Exception {
    List<String> calls = new ArrayList<>();
    StateChangeHandler handler =
        new StateChangeHandler() {
          @Override
          public Map<String, ?> setup(String state, Map<String, Object> params) {
            calls.add("setup " + state);
            if (state.equals("c")) {
              throw new IllegalStateException("c cannot be set up");
            }
            return Map.of();
          }

          @Override
          public void teardown(String state, Map<String, Object> params) {
            calls.add("teardown " + state);
          }
        };
    try (FakeServer provider = new FakeServer(r -> Reply.json(200, "{}"))) {
      VerificationReport report =
          verifier(provider, userPact("a", "b", "c")).stateHandler(handler).verify();

      assertThat(calls)
          .containsExactly("setup a", "setup b", "setup c", "teardown b", "teardown a");
      assertThat(report.results().get(0).failures().get(0).detail())
          .isEqualTo("Setting up state 'c' threw IllegalStateException: c cannot be set up");
    }
  }

  @Test
  void aStateValueOfTheWrongShapeInAPathIsRefusedBeforeTheRequest() throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(200, "{}"))) {
      // WHEN the state returns the number 12 where the consumer's example path segment is "foo"
      VerificationReport report =
          verifier(provider, userPact("a user"))
              .stateHandler((state, params) -> Map.of("id", 12))
              .verify();

      // THEN nothing is sent and the failure names the path, the value and the example
      assertThat(provider.received).isEmpty();
      assertThat(report.results().get(0).requestSent()).isEmpty();
      assertThat(report.results().get(0).failures())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.path()).isEqualTo("path");
                assertThat(f.detail())
                    .isEqualTo(
                        "The provider state value for path (expression '/users/${id}') is 12"
                            + " (Number), but the consumer's example there is \"foo\" (in /users/foo) (String). Return a String from"
                            + " the state handler, or change the consumer's example.");
              });
    }
  }

  @Test
  void aNumberWhereTheExampleIsNumericAndAStringAnywhereAreSent() throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(200, "{}"))) {
      VerificationReport report =
          verifier(provider, userPact("a user"))
              .stateHandler((state, params) -> Map.of("id", "u-12"))
              .verify();
      assertThat(report.passed()).as(console.toString(StandardCharsets.UTF_8)).isTrue();
      assertThat(provider.received)
          .extracting(FakeServer.Received::path)
          .containsExactly("/users/u-12");
    }
  }

  @Test
  void aWrongShapeInAQueryHeaderOrResponseBodyIsRefusedBeforeTheRequest() throws Exception {
    HttpRequest request =
        new HttpRequest(
            "GET",
            "/orders",
            Map.of("user", List.of("alice")),
            Map.of("X-Tenant", List.of("acme")),
            null,
            null,
            Generators.empty()
                .with(Category.QUERY, "user", new Generator.ProviderState("${user}", null))
                .with(Category.HEADER, "X-Tenant", new Generator.ProviderState("tenant", null)));
    HttpResponse response =
        new HttpResponse(
            200,
            Map.of("Content-Type", List.of("application/json")),
            dev.accord.pact.model.Body.json(
                dev.accord.pact.json.Json.parse("{\"owner\":\"alice\"}")),
            null,
            Generators.empty()
                .with(Category.BODY, "$.owner", new Generator.ProviderState("user", null)));
    Pact pact =
        Pacts.pact(
            "web",
            new HttpInteraction(
                InteractionCommon.of("orders of a user", List.of(Pacts.state("a user"))),
                request,
                response));
    try (FakeServer provider = new FakeServer(r -> Reply.json(200, "{}"))) {
      VerificationReport report =
          verifier(provider, pact)
              .stateHandler((state, params) -> Map.of("user", 7, "tenant", true))
              .verify();

      assertThat(provider.received).isEmpty();
      assertThat(report.results().get(0).failures())
          .extracting(Failure::path)
          .containsExactlyInAnyOrder(
              "query parameter 'user'", "header 'X-Tenant'", "response body $.owner");
    }
  }

  @Test
  void statesOnlyModeChecksThatTheStatesProvideEveryValueTheInteractionsUse() throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(200, "{}"))) {
      VerificationReport report =
          verifier(provider, userPact("a user"))
              .stateHandler((state, params) -> Map.of("userId", "u1"))
              .verifyStates();

      assertThat(report.passed()).isFalse();
      assertThat(report.results().get(0).failures())
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.detail())
                      .isEqualTo(
                          "The states of this interaction provide no value 'id', which the request path uses (expression"
                              + " '/users/${id}'). Values provided: [userId]. Return 'id' from the state handler (or the"
                              + " state-change endpoint's JSON answer), or add it to the state's params."));
    }
  }
}
