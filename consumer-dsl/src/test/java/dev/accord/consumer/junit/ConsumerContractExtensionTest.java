package dev.accord.consumer.junit;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.accord.consumer.ContractNotExercisedError;
import dev.accord.consumer.MockProvider;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Interaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs fixture test classes on the JUnit Platform, as a build would, and checks what the extension did. */
class ConsumerContractExtensionTest {

  static final Path PACTS = Path.of("target", "pacts-extension-test");

  /** Runs only when launched by the test below (it fails on purpose). */
  @EnabledIfSystemProperty(named = "accord.extension.fixture", matches = "true")
  @ConsumerContract(consumer = "fixture-consumer", provider = "fixture-provider",
      pactDirectory = "target/pacts-extension-test")
  static class Fixture {
    @Test
    void passes(MockProvider provider) throws Exception {
      provider.uponReceiving("a passing interaction").withRequest(GET, "/ok").willRespondWith(200);
      assertThat(get(provider.url() + "/ok")).isEqualTo(200);
    }

    @Test
    void neverCallsItsInteraction(MockProvider provider) {
      provider.uponReceiving("an interaction never called").withRequest(GET, "/never").willRespondWith(200);
    }

    @Test
    void failsItsOwnAssertion(MockProvider provider) throws Exception {
      provider.uponReceiving("an interaction of a failing test").withRequest(GET, "/failing").willRespondWith(200);
      get(provider.url() + "/failing");
      throw new AssertionError("the consumer's own assertion failed");
    }

    @Test
    void seesACleanMockInEveryTest(MockProvider provider) throws Exception {
      provider.given("a thing exists", Map.of("id", 1)).uponReceiving("a second passing interaction")
          .withRequest(GET, "/ok2").willRespondWith(200);
      // the interaction of the other passing test was reset: this path is unexpected here
      assertThat(get(provider.url() + "/ok")).isEqualTo(500);
      assertThat(get(provider.url() + "/ok2")).isEqualTo(200);
    }

    private static int get(String url) throws Exception {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  @Test
  void failsTestsThatDidNotExerciseTheirContractAndWritesOnlyPassingOnes() throws Exception {
    Files.deleteIfExists(PACTS.resolve("fixture-consumer-fixture-provider.json"));
    List<String> outcomes = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    System.setProperty("accord.extension.fixture", "true");
    try {
      LauncherFactory.create().execute(
          LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Fixture.class)).build(),
          new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
              if (id.isTest()) {
                outcomes.add(id.getDisplayName().replaceAll("\\(.*", "") + " " + result.getStatus());
                result.getThrowable().ifPresent(failures::add);
              }
            }
          });
    } finally {
      System.clearProperty("accord.extension.fixture");
    }

    assertThat(outcomes).containsExactlyInAnyOrder("passes SUCCESSFUL", "neverCallsItsInteraction FAILED",
        "failsItsOwnAssertion FAILED", "seesACleanMockInEveryTest FAILED");
    assertThat(failures).anySatisfy(t -> assertThat(t).isInstanceOf(ContractNotExercisedError.class)
        .hasMessageContaining("- 'an interaction never called': GET /never"));
    assertThat(failures).anySatisfy(t -> assertThat(t).hasMessage("the consumer's own assertion failed"));
    assertThat(failures).anySatisfy(t -> assertThat(t).isInstanceOf(ContractNotExercisedError.class)
        .hasMessageContaining("Unexpected request: GET /ok\n"));
    List<Interaction> written = PactReader.read(PACTS.resolve("fixture-consumer-fixture-provider.json")).interactions();
    assertThat(written).extracting(Interaction::description).containsExactly("a passing interaction");
  }
}
