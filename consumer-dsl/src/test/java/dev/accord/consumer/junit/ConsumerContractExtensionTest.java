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
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
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

    static int get(String url) throws Exception {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  /** Runs only when launched by the test below. */
  @EnabledIfSystemProperty(named = "accord.extension.fixture", matches = "nested")
  @ConsumerContract(consumer = "nested-consumer", provider = "nested-provider",
      pactDirectory = "target/pacts-extension-test")
  static class NestedFixture {
    static final Map<String, String> URLS = new ConcurrentHashMap<>();

    static void exercise(MockProvider provider, String name) throws Exception {
      provider.uponReceiving("the " + name + " interaction").withRequest(GET, "/" + name).willRespondWith(200);
      assertThat(Fixture.get(provider.url() + "/" + name)).isEqualTo(200);
      URLS.put(name, provider.url());
    }

    @Test
    void outer(MockProvider provider) throws Exception {
      exercise(provider, "outer");
    }

    @Nested
    class Inner {
      @Test
      void inner(MockProvider provider) throws Exception {
        exercise(provider, "inner");
      }

      @Nested
      class Deeper {
        @Test
        void deeper(MockProvider provider) throws Exception {
          exercise(provider, "deeper");
        }
      }
    }

    @Nested
    @ConsumerContract(consumer = "nested-consumer", provider = "other-provider",
        pactDirectory = "target/pacts-extension-test")
    class OtherProvider {
      @Test
      void other(MockProvider provider) throws Exception {
        exercise(provider, "other");
      }
    }
  }

  @Test
  void nestedClassesShareTheEnclosingContractUnlessTheyDeclareTheirOwn() throws Exception {
    Files.deleteIfExists(PACTS.resolve("nested-consumer-nested-provider.json"));
    Files.deleteIfExists(PACTS.resolve("nested-consumer-other-provider.json"));
    NestedFixture.URLS.clear();
    List<String> outcomes = new ArrayList<>();
    System.setProperty("accord.extension.fixture", "nested");
    try {
      LauncherFactory.create().execute(
          LauncherDiscoveryRequestBuilder.request().selectors(selectClass(NestedFixture.class)).build(),
          new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
              if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                outcomes.add(id.getDisplayName().replaceAll("\\(.*", "") + " " + result.getStatus()
                    + result.getThrowable().map(t -> " " + t).orElse(""));
              }
            }
          });
    } finally {
      System.clearProperty("accord.extension.fixture");
    }

    assertThat(outcomes).containsExactlyInAnyOrder("outer SUCCESSFUL", "inner SUCCESSFUL", "deeper SUCCESSFUL",
        "other SUCCESSFUL");
    assertThat(NestedFixture.URLS.get("inner")).as("@Nested shares the enclosing mock provider")
        .isEqualTo(NestedFixture.URLS.get("outer")).isEqualTo(NestedFixture.URLS.get("deeper"));
    assertThat(NestedFixture.URLS.get("other")).as("a @Nested class with its own @ConsumerContract has its own")
        .isNotEqualTo(NestedFixture.URLS.get("outer"));
    assertThat(PactReader.read(PACTS.resolve("nested-consumer-nested-provider.json")).interactions())
        .extracting(Interaction::description)
        .containsExactly("the deeper interaction", "the inner interaction", "the outer interaction");
    assertThat(PactReader.read(PACTS.resolve("nested-consumer-other-provider.json")).interactions())
        .extracting(Interaction::description).containsExactly("the other interaction");
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
