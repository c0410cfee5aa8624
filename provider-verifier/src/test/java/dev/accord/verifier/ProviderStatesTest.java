package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.ProviderState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public seam over provider states that tools other than the pact verifier use
 * (verify-openapi).
 */
class ProviderStatesTest {

  @Test
  void theStateChangeUrlGetsTheSameCallsAsInPactVerificationAndItsValuesComeBack()
      throws Exception {
    try (FakeServer provider =
        new FakeServer(
            r -> FakeServer.Reply.json(200, r.body().contains("setup") ? "{\"id\": 42}" : ""))) {
      ProviderStates states = ProviderStates.url(provider.url() + "/_states");

      ProviderStates.Prepared prepared =
          states.setUp(
              List.of(ProviderState.of("a job exists", Map.of("stage", Json.parse("\"ready\"")))));
      List<Failure> teardown = states.tearDown(prepared);

      assertThat(prepared.failed()).isFalse();
      assertThat(prepared.values()).isEqualTo(Map.of("stage", "ready", "id", 42));
      assertThat(teardown).isEmpty();
      assertThat(provider.received("/_states"))
          .extracting(r -> Json.parse(r.body()))
          .containsExactly(
              Json.parse(
                  "{\"state\": \"a job exists\", \"params\": {\"stage\": \"ready\"}, \"action\": \"setup\"}"),
              Json.parse(
                  "{\"state\": \"a job exists\", \"params\": {\"stage\": \"ready\"}, \"action\": \"teardown\"}"));
    }
  }

  @Test
  void aFailedSetupUndoesWhatWasSetUpAndSaysWhy() throws Exception {
    List<String> calls = new ArrayList<>();
    ProviderStates states =
        ProviderStates.handler(
            new StateChangeHandler() {
              @Override
              public Map<String, ?> setup(String state, Map<String, Object> params) {
                calls.add("setup " + state);
                if (state.equals("broken")) {
                  throw new IllegalStateException("no database");
                }
                return Map.of();
              }

              @Override
              public void teardown(String state, Map<String, Object> params) {
                calls.add("teardown " + state);
              }
            });

    ProviderStates.Prepared prepared =
        states.setUp(List.of(ProviderState.of("fine"), ProviderState.of("broken")));

    assertThat(prepared.failed()).isTrue();
    assertThat(prepared.done()).isEmpty();
    assertThat(prepared.failures().get(0).describe(""))
        .isEqualTo(
            """
        State change request failed
          Setting up state 'broken' threw IllegalStateException: no database""");
    assertThat(calls).containsExactly("setup fine", "setup broken", "teardown fine");
  }
}
