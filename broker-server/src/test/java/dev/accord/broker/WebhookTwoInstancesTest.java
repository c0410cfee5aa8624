package dev.accord.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two broker instances on one PostgreSQL database, both delivering: each event reaches the receiver
 * exactly once.
 */
class WebhookTwoInstancesTest {
  static final int EVENTS = 40;

  @Test
  void twoInstancesOnOneDatabaseDeliverEachEventExactlyOnce() throws Exception {
    WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    receiver.start();
    // a slow receiver keeps deliveries in flight, so both workers are busy claiming at the same
    // time
    receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(50)));
    try (RunningBroker first = RunningBroker.onPostgres(WebhooksAcceptanceTest.CONFIG);
        RunningBroker second = RunningBroker.onSameDatabase(first, WebhooksAcceptanceTest.CONFIG)) {
      // GIVEN a webhook on every publication
      assertThat(first.post("/pacticipants", "{\"name\":\"Many\"}").statusCode()).isEqualTo(201);
      assertThat(first.post("/pacticipants", "{\"name\":\"Api\"}").statusCode()).isEqualTo(201);
      String hook =
          "{\"events\":[{\"name\":\"contract_published\"}],\"request\":{\"method\":\"POST\",\"url\":\"http://localhost:"
              + receiver.port()
              + "/event/${pactbroker.consumerVersionNumber}\"}}";
      assertThat(first.post("/webhooks/provider/Api/consumer/Many", hook).statusCode())
          .isEqualTo(201);

      // WHEN many versions are published, alternately through each instance
      for (int i = 0; i < EVENTS; i++) {
        RunningBroker via = i % 2 == 0 ? first : second;
        assertThat(
                via.post("/contracts/publish", publishBody("Many", "v" + i, "main", "Api", "x"))
                    .statusCode())
            .isEqualTo(200);
      }

      // THEN every event is delivered, and once only
      for (int i = 0;
          i < 600 && first.count("triggered_webhook WHERE status = 'succeeded'") < EVENTS;
          i++) {
        Thread.sleep(100);
      }
      assertThat(first.count("triggered_webhook WHERE status = 'succeeded'")).isEqualTo(EVENTS);
      List<LoggedRequest> received = receiver.findAll(anyRequestedFor(anyUrl()));
      Map<String, Long> perEvent =
          received.stream()
              .collect(Collectors.groupingBy(LoggedRequest::getUrl, Collectors.counting()));
      assertThat(perEvent)
          .isEqualTo(
              IntStream.range(0, EVENTS)
                  .mapToObj(i -> "/event/v" + i)
                  .collect(Collectors.toMap(Function.identity(), u -> 1L)));
      assertThat(first.count("webhook_execution")).isEqualTo(EVENTS);
      // which instance delivered what (both normally do; not asserted, as scheduling decides)
      System.out.println(
          "Deliveries per instance: "
              + first.count("webhook_execution WHERE executed_by IS NOT NULL")
              + " total, "
              + distinctExecutors(first)
              + " instance(s) delivered");
    } finally {
      receiver.stop();
    }
  }

  private static long distinctExecutors(RunningBroker broker) throws Exception {
    try (var c = broker.sql();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(DISTINCT executed_by) FROM webhook_execution")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
