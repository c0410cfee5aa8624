package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.Pact;
import dev.accord.verifier.FakeServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HooksTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private static HttpInteraction userFromState() {
    HttpInteraction i = Pacts.get("a user", "/users/1", 200, Pacts.state("a user exists"));
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
  void hooksSeeTheRunEachInteractionWithItsStateValuesAndItsOutcomeInOrder() throws Exception {
    List<String> events = new ArrayList<>();
    try (FakeServer provider =
        new FakeServer(r -> Reply.json(r.path().equals("/users/42") ? 200 : 500, "{}"))) {
      Pact pact =
          Pacts.pact("orders-service", userFromState(), Pacts.get("broken", "/broken", 200));

      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(PactSource.of(pact))
              .stateHandler((state, params) -> Map.of("userId", 42))
              .hook(
                  new VerificationHook() {
                    @Override
                    public void beforeRun(String providerName, List<Interaction> interactions) {
                      events.add("beforeRun " + providerName + " " + interactions.size());
                    }

                    @Override
                    public void beforeInteraction(
                        Interaction interaction, Map<String, Object> stateValues) {
                      events.add(
                          "before "
                              + interaction.description()
                              + " "
                              + stateValues
                              + " requests so far: "
                              + provider.received.size());
                    }

                    @Override
                    public void afterInteraction(
                        Interaction interaction,
                        Map<String, Object> stateValues,
                        InteractionResult result) {
                      events.add("after " + interaction.description() + " " + result.outcome());
                    }

                    @Override
                    public void afterRun(VerificationReport r) {
                      events.add("afterRun " + r.summary());
                    }
                  })
              .output(new PrintStream(console, true))
              .verify();

      assertThat(events)
          .containsExactly(
              "beforeRun products-service 2",
              "before a user {userId=42} requests so far: 0",
              "after a user PASSED",
              "before broken {userId=42} requests so far: 1",
              "after broken FAILED",
              "afterRun 1 of 2 interactions failed");
      assertThat(report.summary()).isEqualTo("1 of 2 interactions failed");
    }
  }

  @Test
  void aBeforeInteractionHookThatThrowsFailsThatInteractionWithoutSendingItsRequest()
      throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(200, "{}"))) {
      Pact pact =
          Pacts.pact("orders-service", Pacts.get("a", "/a", 200), Pacts.get("b", "/b", 200));

      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(PactSource.of(pact))
              .hook(
                  new VerificationHook() {
                    @Override
                    public void beforeInteraction(
                        Interaction interaction, Map<String, Object> stateValues) {
                      if (interaction.description().equals("a")) {
                        throw new IllegalStateException("fixture not loaded");
                      }
                    }
                  })
              .output(new PrintStream(console, true))
              .verify();

      assertThat(report.results().get(0).failures())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.summary()).isEqualTo("Hook failed");
                assertThat(f.detail())
                    .endsWith(
                        "threw IllegalStateException: fixture not loaded; the request was not sent");
              });
      assertThat(report.results().get(1).passed()).isTrue();
      assertThat(provider.received).extracting(FakeServer.Received::path).containsExactly("/b");
    }
  }
}
