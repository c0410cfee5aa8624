package dev.accord.consumer;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Interaction;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts sharing the mock servers of a {@link MockServerPool}: reused one contract at a time,
 * nothing leaking.
 */
class MockServerPoolTest {

  @TempDir Path dir;

  @Test
  void aContractRunAfterAnotherReusesItsServerWithNothingOfTheFirstLeft() {
    try (MockServerPool pool = new MockServerPool()) {
      String firstUrl;
      try (Contract first =
          Contract.between("c", "first").pactDirectory(dir).mockServerPool(pool).start()) {
        MockProvider provider = first.startTest("first");
        provider
            .uponReceiving("the first class's interaction")
            .withRequest(GET, "/first")
            .willRespondWith(200);
        firstUrl = provider.url();
        assertThat(Http.get(firstUrl + "/first").statusCode()).isEqualTo(200);
        assertThat(Http.get(firstUrl + "/stray").statusCode())
            .isEqualTo(500); // unexpected, left in its journal
        assertThatThrownBy(() -> first.finishTest(true))
            .isInstanceOf(ContractNotExercisedError.class)
            .hasMessageContaining("Unexpected request: GET /stray");
      }

      try (Contract second =
          Contract.between("c", "second").pactDirectory(dir).mockServerPool(pool).start()) {
        MockProvider provider = second.startTest("second");
        provider
            .uponReceiving("the second class's interaction")
            .withRequest(GET, "/second")
            .willRespondWith(200);
        assertThat(provider.url())
            .as("the server of the first contract, reused")
            .isEqualTo(firstUrl);
        assertThat(Http.get(provider.url() + "/second").statusCode()).isEqualTo(200);
        second.finishTest(true); // the first contract's stray request is not this contract's

        provider = second.startTest("second, calling the first contract's path");
        provider
            .uponReceiving("the second class's interaction")
            .withRequest(GET, "/second")
            .willRespondWith(200);
        Http.get(provider.url() + "/second");
        HttpResponse<String> first = Http.get(provider.url() + "/first");
        assertThat(first.statusCode()).as("the first contract's stub is gone").isEqualTo(500);
        assertThat(first.headers().firstValue("X-Accord-Unexpected-Request")).hasValue("true");
        assertThatThrownBy(() -> second.finishTest(true))
            .isInstanceOf(ContractNotExercisedError.class)
            .hasMessageContaining("Unexpected request: GET /first");
      }
      assertThat(PactReader.read(dir.resolve("c-second.json")).interactions())
          .extracting(Interaction::description)
          .containsExactly("the second class's interaction");
    }
  }

  @Test
  void contractsOpenAtTheSameTimeNeverShareAServer() {
    try (MockServerPool pool = new MockServerPool();
        Contract a = Contract.between("c", "a").pactDirectory(dir).mockServerPool(pool).start();
        Contract b = Contract.between("c", "b").pactDirectory(dir).mockServerPool(pool).start()) {
      MockProvider first = a.startTest("a");
      MockProvider second = b.startTest("b");
      first.uponReceiving("a").withRequest(GET, "/a").willRespondWith(200);
      second.uponReceiving("b").withRequest(GET, "/b").willRespondWith(200);
      assertThat(first.port()).isNotEqualTo(second.port());
      assertThat(Http.get(first.url() + "/a").statusCode()).isEqualTo(200);
      assertThat(Http.get(second.url() + "/b").statusCode()).isEqualTo(200);
      a.finishTest(true);
      b.finishTest(true);
    }
  }

  @Test
  void closingThePoolStopsItsServers() {
    String url;
    try (MockServerPool pool = new MockServerPool()) {
      try (Contract contract =
          Contract.between("c", "p").pactDirectory(dir).mockServerPool(pool).start()) {
        url = contract.startTest("t").url();
        contract.finishTest(true);
      }
      assertThat(Http.get(url + "/anything").statusCode())
          .as("kept running between contracts")
          .isEqualTo(500);
    }
    assertThatThrownBy(() -> Http.get(url + "/anything"))
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void classesRunningInParallelOnOnePoolMergeEveryInteraction() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (MockServerPool pool = new MockServerPool()) {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        runs.add(
            threads.submit(
                () -> {
                  for (int c = 0;
                      c < 3;
                      c++) { // classes one after another on this thread, as a build runs them
                    try (Contract contract =
                        Contract.between("c", "p")
                            .pactDirectory(dir)
                            .mockServerPool(pool)
                            .start()) {
                      for (int i = 0; i < 3; i++) {
                        String id = thread + "-" + c + "-" + i;
                        contract.test(
                            "item " + id,
                            provider -> {
                              provider
                                  .given("item exists", Map.of("id", id))
                                  .uponReceiving("a request for item " + id)
                                  .withRequest(GET, "/items/" + id)
                                  .willRespondWith(200)
                                  .body(Map.of("id", like(id)));
                              assertThat(Http.get(provider.url() + "/items/" + id).body())
                                  .isEqualTo("{\"id\":\"" + id + "\"}");
                            });
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      threads.shutdown();
    }
    assertThat(PactReader.read(dir.resolve("c-p.json")).interactions()).hasSize(36);
  }
}
