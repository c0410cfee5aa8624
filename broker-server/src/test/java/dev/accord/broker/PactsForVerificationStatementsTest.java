package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * pacts-for-verification reads a fixed number of SQL statements per request, not a few per
 * selector, consumer, environment and pact (see benchmarks/HISTORY.md). Counts statements, not
 * time.
 */
class PactsForVerificationStatementsTest {
  static final String BENCHMARK_BODY =
      "{\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"deployedOrReleased\":true}],"
          + "\"providerVersionBranch\":\"main\",\"includePendingStatus\":true}";

  @Test
  void theVerifierRequestTakesAFixedNumberOfStatements() {
    try (RunningBroker broker =
        RunningBroker.onPostgres(
            "spring.main.sources=dev.accord.broker.StatementCounter",
            // no background worker: its polls would be counted with the request's statements
            "accord.webhooks.enabled=false")) {
      MatrixAnswersTest.seed(broker);
      statements(broker, "Api", BENCHMARK_BODY); // warm up
      long api = statements(broker, "Api", BENCHMARK_BODY);
      long auth = statements(broker, "Auth", BENCHMARK_BODY);
      System.out.println(
          "pacts-for-verification statements: Api (2 consumers, 6 pacts) "
              + api
              + ", Auth (1 consumer) "
              + auth);
      // 36 for Api and 20 for Auth when each selector, consumer, environment and pact read its own
      // rows
      assertThat(api).isEqualTo(auth);
      assertThat(api)
          .isLessThanOrEqualTo(
              5); // 36 when each selector, consumer, environment and pact read its own rows
    }
  }

  private static long statements(RunningBroker broker, String provider, String body) {
    long before = StatementCounter.STATEMENTS.get();
    HttpResponse<String> r = broker.post("/pacts/provider/" + provider + "/for-verification", body);
    long used = StatementCounter.STATEMENTS.get() - before;
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return used;
  }
}
