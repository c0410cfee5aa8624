package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Concurrent writes on one unique key answer 200, 201 or 409 (never 500), and leave one row, on
 * both databases.
 */
class ConcurrentWritesTest {
  private static final int WRITERS = 20;

  private static RunningBroker start(String database) throws Exception {
    return "postgres".equals(database)
        ? RunningBroker.onPostgres()
        : RunningBroker.onH2(RunningBroker.tempDir());
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void concurrentDeploymentsEnvironmentsAndReleasesNeverAnswer500(String database)
      throws Exception {
    try (RunningBroker broker = start(database)) {
      for (int v = 1; v <= WRITERS; v++) {
        assertThat(
                broker
                    .post(
                        "/contracts/publish",
                        publishBody("RaceC", String.valueOf(v), "main", "RaceP", "x"))
                    .statusCode())
            .isEqualTo(200);
      }
      String env =
          Json.parse(broker.post("/environments", "{\"name\":\"race\"}").body())
              .path("uuid")
              .asString();

      // WHEN 20 versions are recorded as deployed to one environment at once
      Map<Integer, Integer> deployments =
          statuses(
              WRITERS,
              i ->
                  broker.post(
                      "/pacticipants/RaceC/versions/"
                          + (i + 1)
                          + "/deployed-versions/environment/"
                          + env,
                      "{}"));
      // THEN each is recorded, and exactly one is current
      assertThat(deployments).isEqualTo(Map.of(201, WRITERS));
      assertThat(
              Json.parse(
                      broker
                          .get("/environments/" + env + "/deployed-versions/currently-deployed")
                          .body())
                  .path("_embedded")
                  .path("deployedVersions")
                  .size())
          .isEqualTo(1);

      // WHEN one version is recorded as deployed 20 times at once THEN it is created once and found
      // 19 times
      Map<Integer, Integer> same =
          statuses(
              WRITERS,
              i ->
                  broker.post(
                      "/pacticipants/RaceC/versions/1/deployed-versions/environment/" + env,
                      "{\"applicationInstance\":\"blue\"}"));
      assertThat(same).isEqualTo(Map.of(201, 1, 200, WRITERS - 1));

      // WHEN one release is recorded 20 times at once THEN it is created once
      Map<Integer, Integer> releases =
          statuses(
              WRITERS,
              i ->
                  broker.post(
                      "/pacticipants/RaceC/versions/2/released-versions/environment/" + env, "{}"));
      assertThat(releases).isEqualTo(Map.of(201, 1, 200, WRITERS - 1));

      // WHEN 20 clients create an environment with one name at once THEN one is created and 19 are
      // told it exists
      Map<Integer, Integer> environments =
          statuses(WRITERS, i -> broker.post("/environments", "{\"name\":\"contested\"}"));
      assertThat(environments).isEqualTo(Map.of(201, 1, 409, WRITERS - 1));
      assertThat(
              Json.parse(broker.get("/environments").body())
                  .path("_embedded")
                  .path("environments")
                  .size())
          .isEqualTo(2);
    }
  }

  /**
   * Runs the requests from as many threads, released together; answers the count of each status.
   */
  private static Map<Integer, Integer> statuses(int n, IntFunction<HttpResponse<String>> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return request.apply(index);
                }));
      }
      go.countDown();
      Map<Integer, Integer> counts = new TreeMap<>();
      List<String> serverErrors = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        HttpResponse<String> r = f.get();
        counts.merge(r.statusCode(), 1, Integer::sum);
        if (r.statusCode() >= 500) {
          serverErrors.add(r.body());
        }
      }
      assertThat(serverErrors).as("5xx answers").isEmpty();
      return counts;
    } finally {
      pool.shutdownNow();
    }
  }
}
