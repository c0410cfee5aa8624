package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: H2 file database, same migrations, ddl validation on. */
class H2SmokeTest {
  @TempDir Path dir;

  @Test
  void startsOnAnH2FileDatabasePublishesAndKeepsDataAcrossRestarts() {
    try (RunningBroker broker = RunningBroker.onH2(dir)) {
      assertThat(
              broker
                  .post("/contracts/publish", publishBody("H2Cons", "1", "main", "H2Prov", "x"))
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              Json.parse(broker.get("/pacts/provider/H2Prov/consumer/H2Cons/latest").body())
                  .path("consumer")
                  .path("name")
                  .asString())
          .isEqualTo("H2Cons");
    }
    assertThat(Files.exists(dir.resolve("broker.mv.db"))).isTrue();
    try (RunningBroker again = RunningBroker.onH2(dir)) {
      assertThat(again.get("/pacts/provider/H2Prov/consumer/H2Cons/version/1").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void deliversWebhooksOnH2Too() throws Exception {
    com.github.tomakehurst.wiremock.WireMockServer receiver =
        new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1"));
    receiver.start();
    try (RunningBroker broker = RunningBroker.onH2(dir, WebhooksAcceptanceTest.CONFIG)) {
      receiver.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.post(
                  com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
              .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()));
      assertThat(broker.post("/pacticipants", "{\"name\":\"H2Cons\"}").statusCode()).isEqualTo(201);
      assertThat(
              broker
                  .post(
                      "/webhooks/consumer/H2Cons",
                      "{\"events\":[{\"name\":\"contract_published\"}],\"request\":{\"method\":\"POST\",\"url\":\"http://localhost:"
                          + receiver.port()
                          + "/h2/${pactbroker.providerName}\"}}")
                  .statusCode())
          .isEqualTo(201);
      assertThat(
              broker
                  .post("/contracts/publish", publishBody("H2Cons", "1", "main", "H2Prov", "x"))
                  .statusCode())
          .isEqualTo(200);
      for (int i = 0;
          i < 300 && broker.count("triggered_webhook WHERE status = 'succeeded'") == 0;
          i++) {
        Thread.sleep(100);
      }
      assertThat(broker.count("triggered_webhook WHERE status = 'succeeded'")).isEqualTo(1);
      receiver.verify(
          1,
          com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
              com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/h2/H2Prov")));
    } finally {
      receiver.stop();
    }
  }
}
