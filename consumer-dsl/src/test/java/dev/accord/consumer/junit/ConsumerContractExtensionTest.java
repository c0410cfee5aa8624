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

/**
 * Runs fixture test classes on the JUnit Platform, as a build would, and checks what the extension
 * did.
 */
class ConsumerContractExtensionTest {

  static final Path PACTS = Path.of("target", "pacts-extension-test");

  /** Runs only when launched by the test below (it fails on purpose). */
  @EnabledIfSystemProperty(named = "accord.extension.fixture", matches = "true")
  @ConsumerContract(
      consumer = "fixture-consumer",
      provider = "fixture-provider",
      pactDirectory = "target/pacts-extension-test")
  static class Fixture {
    @Test
    void passes(MockProvider provider) throws Exception {
      provider.uponReceiving("a passing interaction").withRequest(GET, "/ok").willRespondWith(200);
      assertThat(get(provider.url() + "/ok")).isEqualTo(200);
    }

    @Test
    void neverCallsItsInteraction(MockProvider provider) {
      provider
          .uponReceiving("an interaction never called")
          .withRequest(GET, "/never")
          .willRespondWith(200);
    }

    @Test
    void failsItsOwnAssertion(MockProvider provider) throws Exception {
      provider
          .uponReceiving("an interaction of a failing test")
          .withRequest(GET, "/failing")
          .willRespondWith(200);
      get(provider.url() + "/failing");
      throw new AssertionError("the consumer's own assertion failed");
    }

    @Test
    void seesACleanMockInEveryTest(MockProvider provider) throws Exception {
      provider
          .given("a thing exists", Map.of("id", 1))
          .uponReceiving("a second passing interaction")
          .withRequest(GET, "/ok2")
          .willRespondWith(200);
      // the interaction of the other passing test was reset: this path is unexpected here
      assertThat(get(provider.url() + "/ok")).isEqualTo(500);
      assertThat(get(provider.url() + "/ok2")).isEqualTo(200);
    }

    static int get(String url) throws Exception {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }

  /** Runs only when launched by the test below. */
  @EnabledIfSystemProperty(named = "accord.extension.fixture", matches = "nested")
  @ConsumerContract(
      consumer = "nested-consumer",
      provider = "nested-provider",
      pactDirectory = "target/pacts-extension-test")
  static class NestedFixture {
    static final Map<String, String> URLS = new ConcurrentHashMap<>();

    static void exercise(MockProvider provider, String name) throws Exception {
      provider
          .uponReceiving("the " + name + " interaction")
          .withRequest(GET, "/" + name)
          .willRespondWith(200);
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
    @ConsumerContract(
        consumer = "nested-consumer",
        provider = "other-provider",
        pactDirectory = "target/pacts-extension-test")
    class OtherProvider {
      @Test
      void other(MockProvider provider) throws Exception {
        exercise(provider, "other");
      }
    }
  }

  /**
   * Runs only when launched by the test below: the first of two classes run one after the other.
   */
  @EnabledIfSystemProperty(named = "accord.extension.fixture", matches = "isolation")
  @ConsumerContract(
      consumer = "isolation-consumer",
      provider = "first-provider",
      pactDirectory = "target/pacts-extension-test")
  static class FirstClass {
    @Test
    void leavesAStrayRequest(MockProvider provider) throws Exception {
      provider
          .uponReceiving("the first class's interaction")
          .withRequest(GET, "/first")
          .willRespondWith(200);
      NestedFixture.URLS.put("first", provider.url());
      assertThat(Fixture.get(provider.url() + "/first")).isEqualTo(200);
      assertThat(Fixture.get(provider.url() + "/stray"))
          .isEqualTo(500); // fails this test, and only this one
    }
  }

  /**
   * Runs only when launched by the test below: runs after {@link FirstClass}, on the server it gave
   * back.
   */
  @EnabledIfSystemProperty(named = "accord.extension.fixture", matches = "isolation")
  @ConsumerContract(
      consumer = "isolation-consumer",
      provider = "second-provider",
      pactDirectory = "target/pacts-extension-test")
  static class SecondClass {
    @Test
    void seesNoRequestOfTheFirstClass(MockProvider provider) throws Exception {
      provider
          .uponReceiving("the second class's interaction")
          .withRequest(GET, "/second")
          .willRespondWith(200);
      NestedFixture.URLS.put("second", provider.url());
      assertThat(Fixture.get(provider.url() + "/second")).isEqualTo(200);
    }

    @Test
    void isNotServedTheFirstClassInteraction(MockProvider provider) throws Exception {
      assertThat(Fixture.get(provider.url() + "/first")).isEqualTo(500);
    }
  }

  @Test
  void classesRunOneAfterTheOtherShareAMockServerAndNothingElse() throws Exception {
    Files.deleteIfExists(PACTS.resolve("isolation-consumer-first-provider.json"));
    Files.deleteIfExists(PACTS.resolve("isolation-consumer-second-provider.json"));
    NestedFixture.URLS.clear();
    Map<String, String> outcomes = new ConcurrentHashMap<>();
    System.setProperty("accord.extension.fixture", "isolation");
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class))
                  .configurationParameter(
                      "junit.jupiter.testclass.order.default",
                      "org.junit.jupiter.api.ClassOrderer$ClassName")
                  .build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                  if (id.isTest()) {
                    outcomes.put(
                        id.getDisplayName().replaceAll("\\(.*", ""),
                        result.getStatus()
                            + result
                                .getThrowable()
                                .map(
                                    t ->
                                        " "
                                            + t.getMessage()
                                                .lines()
                                                .filter(l -> l.startsWith("Unexpected request:"))
                                                .findFirst()
                                                .orElse(t.getMessage()))
                                .orElse(""));
                  }
                }
              });
    } finally {
      System.clearProperty("accord.extension.fixture");
    }

    assertThat(NestedFixture.URLS.get("second"))
        .as("the second class reuses the first class's server")
        .isEqualTo(NestedFixture.URLS.get("first"));
    assertThat(outcomes)
        .containsOnly(
            Map.entry("leavesAStrayRequest", "FAILED Unexpected request: GET /stray"),
            Map.entry("seesNoRequestOfTheFirstClass", "SUCCESSFUL"),
            Map.entry(
                "isNotServedTheFirstClassInteraction", "FAILED Unexpected request: GET /first"));
    assertThat(
            PactReader.read(PACTS.resolve("isolation-consumer-second-provider.json"))
                .interactions())
        .extracting(Interaction::description)
        .containsExactly("the second class's interaction");
    assertThat(PACTS.resolve("isolation-consumer-first-provider.json")).doesNotExist();
  }

  /**
   * Runs only when launched by the test below, with several other instances of the same class
   * shape.
   */
  @EnabledIfSystemProperty(named = "accord.extension.fixture", matches = "parallel")
  @ConsumerContract(
      consumer = "parallel-consumer",
      provider = "parallel-provider",
      pactDirectory = "target/pacts-extension-test")
  static class ParallelA {
    @Test
    void one(MockProvider provider) throws Exception {
      ParallelFixtures.exercise(provider, getClass().getSimpleName() + "-one");
    }

    @Test
    void two(MockProvider provider) throws Exception {
      ParallelFixtures.exercise(provider, getClass().getSimpleName() + "-two");
    }
  }

  static class ParallelB extends ParallelA {}

  static class ParallelC extends ParallelA {}

  static class ParallelD extends ParallelA {}

  static final class ParallelFixtures {
    static void exercise(MockProvider provider, String name) throws Exception {
      provider
          .given("item exists", Map.of("name", name))
          .uponReceiving("a request for " + name)
          .withRequest(GET, "/items/" + name)
          .willRespondWith(200);
      Thread.sleep(20); // the other classes run meanwhile, on servers of their own
      assertThat(Fixture.get(provider.url() + "/items/" + name)).isEqualTo(200);
    }
  }

  @Test
  void classesRunningInParallelEachHaveTheirOwnServerFromThePool() throws Exception {
    Files.deleteIfExists(PACTS.resolve("parallel-consumer-parallel-provider.json"));
    List<String> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    System.setProperty("accord.extension.fixture", "parallel");
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(
                      selectClass(ParallelA.class),
                      selectClass(ParallelB.class),
                      selectClass(ParallelC.class),
                      selectClass(ParallelD.class))
                  .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.config.strategy", "fixed")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                  .build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                  if (id.isTest()) {
                    outcomes.add(
                        result.getStatus() + result.getThrowable().map(t -> " " + t).orElse(""));
                  }
                }
              });
    } finally {
      System.clearProperty("accord.extension.fixture");
    }

    assertThat(outcomes).hasSize(8).allMatch(o -> o.equals("SUCCESSFUL"));
    assertThat(
            PactReader.read(PACTS.resolve("parallel-consumer-parallel-provider.json"))
                .interactions())
        .hasSize(8);
  }

  @Test
  void nestedClassesShareTheEnclosingContractUnlessTheyDeclareTheirOwn() throws Exception {
    Files.deleteIfExists(PACTS.resolve("nested-consumer-nested-provider.json"));
    Files.deleteIfExists(PACTS.resolve("nested-consumer-other-provider.json"));
    NestedFixture.URLS.clear();
    List<String> outcomes = new ArrayList<>();
    System.setProperty("accord.extension.fixture", "nested");
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(NestedFixture.class))
                  .build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                  if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    outcomes.add(
                        id.getDisplayName().replaceAll("\\(.*", "")
                            + " "
                            + result.getStatus()
                            + result.getThrowable().map(t -> " " + t).orElse(""));
                  }
                }
              });
    } finally {
      System.clearProperty("accord.extension.fixture");
    }

    assertThat(outcomes)
        .containsExactlyInAnyOrder(
            "outer SUCCESSFUL", "inner SUCCESSFUL", "deeper SUCCESSFUL", "other SUCCESSFUL");
    assertThat(NestedFixture.URLS.get("inner"))
        .as("@Nested shares the enclosing mock provider")
        .isEqualTo(NestedFixture.URLS.get("outer"))
        .isEqualTo(NestedFixture.URLS.get("deeper"));
    assertThat(NestedFixture.URLS.get("other"))
        .as("a @Nested class with its own @ConsumerContract has its own")
        .isNotEqualTo(NestedFixture.URLS.get("outer"));
    assertThat(
            PactReader.read(PACTS.resolve("nested-consumer-nested-provider.json")).interactions())
        .extracting(Interaction::description)
        .containsExactly(
            "the deeper interaction", "the inner interaction", "the outer interaction");
    assertThat(PactReader.read(PACTS.resolve("nested-consumer-other-provider.json")).interactions())
        .extracting(Interaction::description)
        .containsExactly("the other interaction");
  }

  @Test
  void failsTestsThatDidNotExerciseTheirContractAndWritesOnlyPassingOnes() throws Exception {
    Files.deleteIfExists(PACTS.resolve("fixture-consumer-fixture-provider.json"));
    List<String> outcomes = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    System.setProperty("accord.extension.fixture", "true");
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(Fixture.class))
                  .build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                  if (id.isTest()) {
                    outcomes.add(
                        id.getDisplayName().replaceAll("\\(.*", "") + " " + result.getStatus());
                    result.getThrowable().ifPresent(failures::add);
                  }
                }
              });
    } finally {
      System.clearProperty("accord.extension.fixture");
    }

    assertThat(outcomes)
        .containsExactlyInAnyOrder(
            "passes SUCCESSFUL",
            "neverCallsItsInteraction FAILED",
            "failsItsOwnAssertion FAILED",
            "seesACleanMockInEveryTest FAILED");
    assertThat(failures)
        .anySatisfy(
            t ->
                assertThat(t)
                    .isInstanceOf(ContractNotExercisedError.class)
                    .hasMessageContaining("- 'an interaction never called': GET /never"));
    assertThat(failures)
        .anySatisfy(t -> assertThat(t).hasMessage("the consumer's own assertion failed"));
    assertThat(failures)
        .anySatisfy(
            t ->
                assertThat(t)
                    .isInstanceOf(ContractNotExercisedError.class)
                    .hasMessageContaining("Unexpected request: GET /ok\n"));
    List<Interaction> written =
        PactReader.read(PACTS.resolve("fixture-consumer-fixture-provider.json")).interactions();
    assertThat(written)
        .extracting(Interaction::description)
        .containsExactly("a passing interaction");
  }
}
