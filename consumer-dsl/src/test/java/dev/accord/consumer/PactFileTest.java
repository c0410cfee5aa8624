package dev.accord.consumer;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.accord.consumer.internal.PactFiles;
import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PactFileTest {

  @TempDir Path dir;

  private static void product(Contract contract, String id) {
    contract.test(
        "product " + id,
        provider -> {
          provider
              .given("a product exists", Map.of("id", id))
              .uponReceiving("a request for product " + id)
              .withRequest(GET, "/api/products/" + id)
              .willRespondWith(200)
              .body(Map.of("id", like(id), "price", decimal(1.5), "tags", eachLike("t")));
          assertThat(Http.get(provider.url() + "/api/products/" + id).statusCode()).isEqualTo(200);
        });
  }

  @Test
  void writesAV4PactByDefaultWithOnlyPassingTests() {
    Contract contract = Contract.between("c", "p").pactDirectory(dir).start();
    product(contract, "a");
    assertThatThrownBy(
            () ->
                contract.test(
                    "failing",
                    provider -> {
                      provider
                          .uponReceiving("never written")
                          .withRequest(GET, "/x")
                          .willRespondWith(200);
                      Http.get(provider.url() + "/x");
                      throw new IllegalStateException("the consumer's assertion failed");
                    }))
        .hasMessage("the consumer's assertion failed");
    contract.close();

    Pact pact = PactReader.read(dir.resolve("c-p.json"));
    assertThat(pact.specification()).isEqualTo(PactSpecification.V4);
    assertThat(pact.interactions())
        .extracting(i -> i.description())
        .containsExactly("a request for product a");
  }

  @Test
  void writesV3OnRequest() throws Exception {
    try (Contract contract =
        Contract.between("c", "p").pactDirectory(dir).specification(PactSpecification.V3).start()) {
      product(contract, "a");
    }

    JsonNode json = Json.parse(Files.readString(dir.resolve("c-p.json")));
    assertThat(json.at("/metadata/pactSpecification/version").asString()).isEqualTo("3.0.0");
    assertThat(json.at("/interactions/0/response/body/price").asDouble()).isEqualTo(1.5);
  }

  @Test
  void twoRunsGiveByteIdenticalFiles() throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    for (Path d : List.of(first, second)) {
      try (Contract contract = Contract.between("c", "p").pactDirectory(d).start()) {
        // declared in a different order each run: the file is ordered by interaction, not by test
        // order
        List<String> ids = d == first ? List.of("b", "a", "c") : List.of("c", "a", "b");
        ids.forEach(id -> product(contract, id));
      }
    }

    assertThat(Files.readString(second.resolve("c-p.json")))
        .isEqualTo(Files.readString(first.resolve("c-p.json")));
  }

  @Test
  void aSecondRunMergesIntoTheExistingFileReplacingChangedInteractions() throws Exception {
    try (Contract contract = Contract.between("c", "p").pactDirectory(dir).start()) {
      product(contract, "a");
      product(contract, "b");
    }
    PactFiles.startNewRun();
    try (Contract contract = Contract.between("c", "p").pactDirectory(dir).start()) {
      contract.test(
          "changed",
          provider -> {
            provider
                .given("a product exists", Map.of("id", "a"))
                .uponReceiving("a request for product a")
                .withRequest(GET, "/api/products/a")
                .willRespondWith(404);
            Http.get(provider.url() + "/api/products/a");
          });
    }

    Pact pact = PactReader.read(dir.resolve("c-p.json"));
    assertThat(pact.httpInteractions())
        .extracting(i -> i.description() + " " + i.response().status())
        .containsExactly("a request for product a 404", "a request for product b 200");
  }

  @Test
  void classesRunningInParallelMergeEveryInteraction() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> classes = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int klass = c;
        classes.add(
            pool.submit(
                () -> {
                  try (Contract contract = Contract.between("c", "p").pactDirectory(dir).start()) {
                    for (int t = 0; t < 5; t++) {
                      product(contract, "k" + klass + "-" + t);
                    }
                  }
                }));
      }
      for (Future<?> f : classes) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    Pact pact = PactReader.read(dir.resolve("c-p.json"));
    assertThat(pact.interactions()).hasSize(20);
    assertThat(Files.list(dir))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("c-p.json"); // the lock lives outside the pact directory
  }

  @Test
  void separateJvmsWritingAtOnceMergeEveryInteraction() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> forks = new ArrayList<>();
    for (String fork : List.of("a", "b", "c")) {
      forks.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  ForkedPactWriter.class.getName(),
                  dir.toString(),
                  fork,
                  "2")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("fork-" + fork + ".log").toFile())
              .start());
    }
    for (Process p : forks) {
      assertThat(p.waitFor()).as("fork exit code").isZero();
    }

    Pact pact = PactReader.read(dir.resolve("c-p.json"));
    assertThat(pact.interactions()).hasSize(6);
  }

  @Test
  void conflictingInteractionsFromTwoClassesInOneRunFailTheSecond() {
    try (Contract first = Contract.between("c", "conflict").pactDirectory(dir).start()) {
      product(first, "a");
    }
    Contract second = Contract.between("c", "conflict").pactDirectory(dir).start();
    second.test(
        "other",
        provider -> {
          provider
              .given("a product exists", Map.of("id", "a"))
              .uponReceiving("a request for product a")
              .withRequest(GET, "/api/products/a")
              .willRespondWith(500);
          Http.get(provider.url() + "/api/products/a");
        });

    assertThatThrownBy(second::close)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Two different interactions are declared as 'a request for product a' (given 'a product"
                + " exists' {\"id\":\"a\"}):\n  first in:    product a\n  then in:     other\n"
                + "  they differ: response (status 200 vs 500, bodies differ)\n")
        .hasMessageEndingWith(
            "Nothing was written to " + dir.resolve("c-conflict.json").toAbsolutePath());
    HttpInteraction kept =
        PactReader.read(dir.resolve("c-conflict.json")).httpInteractions().get(0);
    assertThat(kept.response().status()).isEqualTo(200);
  }

  private Process writerJvm(String test, int status, String runId) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    if (runId != null) {
      command.add("-D" + PactFiles.RUN_ID_PROPERTY + "=" + runId);
    }
    command.addAll(
        List.of(
            ConflictingPactWriter.class.getName(), dir.toString(), test, String.valueOf(status)));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(test + ".log").toFile())
        .start();
  }

  @Test
  void aConflictWithAnInteractionAnotherJvmWroteInThisRunFailsAndWritesNothing() throws Exception {
    Process other = writerJvm("OtherForkTest.product", 200, PactFiles.runId());
    assertThat(other.waitFor())
        .as("the other JVM's exit code; log: " + dir.resolve("OtherForkTest.product.log"))
        .isZero();

    Contract mine = Contract.between("c", "conflict").pactDirectory(dir).start();
    mine.test(
        "MyTest.product",
        provider -> {
          provider
              .given("a product exists", Map.of("id", "a"))
              .uponReceiving("a request for product a")
              .withRequest(GET, "/api/products/a")
              .willRespondWith(500);
          Http.get(provider.url() + "/api/products/a");
        });

    assertThatThrownBy(mine::close)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Two different interactions are declared as 'a request for product a' (given 'a product"
                + " exists' {\"id\":\"a\"}):\n  first in:    OtherForkTest.product (in another JVM, pid "
                + other.pid()
                + ")\n"
                + "  then in:     MyTest.product\n"
                + "  they differ: response (status 200 vs 500)\n")
        .hasMessageEndingWith(
            "Nothing was written to " + dir.resolve("c-conflict.json").toAbsolutePath());
    assertThat(
            PactReader.read(dir.resolve("c-conflict.json"))
                .httpInteractions()
                .get(0)
                .response()
                .status())
        .isEqualTo(200);
  }

  @Test
  void aSecondJvmOfTheSameRunConflictingWithThisOneFails() throws Exception {
    try (Contract mine = Contract.between("c", "conflict").pactDirectory(dir).start()) {
      mine.test(
          "MyTest.product",
          provider -> {
            provider
                .given("a product exists", Map.of("id", "a"))
                .uponReceiving("a request for product a")
                .withRequest(GET, "/api/products/a")
                .willRespondWith(200);
            Http.get(provider.url() + "/api/products/a");
          });
    }

    Process other = writerJvm("OtherForkTest.product", 404, PactFiles.runId());

    assertThat(other.waitFor()).as("the other JVM's exit code").isEqualTo(3);
    assertThat(Files.readString(dir.resolve("OtherForkTest.product.log")))
        .contains(
            "  first in:    MyTest.product (in another JVM, pid "
                + ProcessHandle.current().pid()
                + ")\n"
                + "  then in:     OtherForkTest.product\n  they differ: response (status 200 vs 404)");
    assertThat(
            PactReader.read(dir.resolve("c-conflict.json"))
                .httpInteractions()
                .get(0)
                .response()
                .status())
        .isEqualTo(200);
  }

  @Test
  void aPactFileLeftByAnEarlierRunIsReplacedNotReportedAsAConflict() throws Exception {
    Process earlier = writerJvm("EarlierRun.product", 200, "earlier-build-" + System.nanoTime());
    assertThat(earlier.waitFor()).isZero();

    try (Contract mine = Contract.between("c", "conflict").pactDirectory(dir).start()) {
      mine.test(
          "MyTest.product",
          provider -> {
            provider
                .given("a product exists", Map.of("id", "a"))
                .uponReceiving("a request for product a")
                .withRequest(GET, "/api/products/a")
                .willRespondWith(404);
            Http.get(provider.url() + "/api/products/a");
          });
    }

    assertThat(
            PactReader.read(dir.resolve("c-conflict.json"))
                .httpInteractions()
                .get(0)
                .response()
                .status())
        .isEqualTo(404);
  }

  @Test
  void childJvmsOfOneMavenRunShareItsRunId() throws Exception {
    String detected = PactFiles.detectRunId();
    if (!detected.startsWith("maven:")) {
      String why =
          "not run by Maven (run id "
              + detected
              + "): the default run id comes from the mvn process";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why + "; CI must run this test under Maven");
      }
      assumeTrue(false, why);
    }

    Process child = writerJvm("SameRun.product", 200, null);

    assertThat(child.waitFor()).isZero();
    assertThat(Files.readString(dir.resolve("SameRun.product.log")))
        .contains("INFO: Accord: test run " + detected + " (from the mvn process ")
        .contains("\nrun id: " + detected + "\n");
  }

  @Test
  void conflictingClassesRunningInParallelThreadsFailOneOfThem() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> classes = new ArrayList<>();
      for (int status : List.of(200, 201)) {
        classes.add(
            pool.submit(
                () -> {
                  try (Contract contract =
                      Contract.between("c", "parallel").pactDirectory(dir).start()) {
                    contract.test(
                        "Class" + status + ".product",
                        provider -> {
                          provider
                              .given("a product exists", Map.of("id", "a"))
                              .uponReceiving("a request for product a")
                              .withRequest(GET, "/api/products/a")
                              .willRespondWith(status);
                          Http.get(provider.url() + "/api/products/a");
                        });
                  }
                }));
      }
      List<Throwable> failures = new ArrayList<>();
      for (Future<?> f : classes) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }

      assertThat(failures)
          .singleElement()
          .isInstanceOf(AssertionError.class)
          .extracting(Throwable::getMessage)
          .asString()
          .contains("Two different interactions are declared as 'a request for product a'")
          .contains("they differ: response (status 20");
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theDirectoryComesFromTheSystemPropertyWhenTheBuilderSetsNone() {
    Path fromProperty = dir.resolve("from-property");
    System.setProperty(Contract.PACT_DIR_PROPERTY, fromProperty.toString());
    try (Contract contract = Contract.between("c", "p").start()) {
      assertThat(contract.pactFile()).isEqualTo(fromProperty.resolve("c-p.json"));
    } finally {
      System.clearProperty(Contract.PACT_DIR_PROPERTY);
    }
    try (Contract contract = Contract.between("c", "p").start()) {
      assertThat(contract.pactFile()).isEqualTo(Path.of("target", "pacts", "c-p.json"));
    }
  }
}
