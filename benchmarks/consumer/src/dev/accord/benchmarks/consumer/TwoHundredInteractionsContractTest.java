package dev.accord.benchmarks.consumer;

import static dev.accord.consumer.Accord.*;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark workload: one test class, 200 interactions, each called once by java.net.http. */
@ConsumerContract(consumer = "bench-consumer", provider = "bench-provider", pactDirectory = "target/bench-pacts")
class TwoHundredInteractionsContractTest {

  static final int INTERACTIONS = 200;

  @Test
  void twoHundredInteractions(MockProvider provider) throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < INTERACTIONS; i++) {
      provider.given("item " + i + " exists", Map.of("id", i))
          .uponReceiving("a request for item " + i)
          .withRequest(GET, "/items/" + i).header("Accept", "application/json")
          .willRespondWith(200)
          .body(Map.of("id", integer(i), "name", like("item " + i), "price", decimal(9.99),
              "tags", eachLike("tag"), "updated", datetime("2024-05-01T10:15:30Z")));
    }
    long t1 = System.nanoTime();
    provider.url(); // waits for the mock server when it is still starting in the background
    long waited = System.nanoTime() - t1;
    long c0 = System.nanoTime();
    HttpClient client = HttpClient.newHttpClient();
    long clientCreated = System.nanoTime() - c0;
    long[] lat = new long[INTERACTIONS];
    for (int i = 0; i < INTERACTIONS; i++) {
      long s0 = System.nanoTime();
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(provider.url() + "/items/" + i))
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("item " + i + ": " + response.statusCode() + " " + response.body());
      }
      lat[i] = System.nanoTime() - s0;
    }
    if (Boolean.getBoolean("bench.phases")) {
      long[] sorted = lat.clone();
      java.util.Arrays.sort(sorted);
      System.out.printf("latency min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms; first five %.1f %.1f %.1f %.1f %.1f ms;"
          + " sum of the first 20 %.0f ms, of the rest %.0f ms%n", sorted[0] / 1e6, sorted[100] / 1e6, sorted[180] / 1e6,
          sorted[199] / 1e6, lat[0] / 1e6, lat[1] / 1e6, lat[2] / 1e6, lat[3] / 1e6, lat[4] / 1e6,
          java.util.Arrays.stream(lat, 0, 20).sum() / 1e6, java.util.Arrays.stream(lat, 20, 200).sum() / 1e6);
    }
    if (Boolean.getBoolean("bench.phases")) {
      System.out.printf("declare %d ms, waiting for the mock server %d ms, HttpClient.newHttpClient() %d ms, calls %d ms%n",
          (t1 - t0) / 1_000_000, waited / 1_000_000, clientCreated / 1_000_000,
          (System.nanoTime() - t1 - waited - clientCreated) / 1_000_000);
    }
  }
}
