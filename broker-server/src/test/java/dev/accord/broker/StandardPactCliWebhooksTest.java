package dev.accord.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.accord.pact.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard {@code pact broker} webhook subcommands against our broker, with a WireMock
 * receiver.
 */
class StandardPactCliWebhooksTest {
  static WireMockServer receiver;
  static RunningBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    StandardPactCliInteropTest.findCli();
    receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    receiver.start();
    receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    broker = RunningBroker.onPostgres(WebhooksAcceptanceTest.CONFIG);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
    if (receiver != null) {
      receiver.stop();
    }
  }

  static StandardPactCliInteropTest.Result pact(Path dir, String... args) throws Exception {
    return StandardPactCliInteropTest.run(broker.baseUrl, dir, args);
  }

  @Test
  void createCreateOrUpdateTestAndDeleteWebhooksWithTheStandardCli() throws Exception {
    assertThat(pact(dir, "broker", "create-or-update-pacticipant", "--name", "Web").exit())
        .isZero();
    assertThat(pact(dir, "broker", "create-or-update-pacticipant", "--name", "Api").exit())
        .isZero();
    String url = "http://localhost:" + receiver.port();

    // create-webhook with consumer and provider: POST /webhooks/provider/Api/consumer/Web
    StandardPactCliInteropTest.Result created =
        pact(
            dir,
            "broker",
            "create-webhook",
            url + "/created/${pactbroker.consumerName}",
            "-X",
            "POST",
            "-H",
            "Content-Type: application/json",
            "-d",
            "{\"pact\":\"${pactbroker.pactUrl}\"}",
            "--consumer",
            "Web",
            "--provider",
            "Api",
            "--description",
            "from the cli",
            "--contract-published",
            "--contract-content-changed");
    assertThat(created.exit()).as(created.output()).isZero();
    assertThat(
            Json.parse(broker.get("/webhooks/provider/Api/consumer/Web").body())
                .path("_embedded")
                .path("webhooks")
                .get(0)
                .path("description")
                .asString())
        .isEqualTo("from the cli");

    // create-webhook without a consumer: GET / then POST /webhooks
    StandardPactCliInteropTest.Result anyConsumer =
        pact(
            dir,
            "broker",
            "create-webhook",
            url + "/any",
            "-X",
            "POST",
            "--provider",
            "Api",
            "--provider-verification-failed");
    assertThat(anyConsumer.exit()).as(anyConsumer.output()).isZero();

    // the method is required, as by the Pact Broker: without -X the CLI prints the broker's reason
    StandardPactCliInteropTest.Result noMethod =
        pact(
            dir,
            "broker",
            "create-webhook",
            url + "/any",
            "--provider",
            "Api",
            "--provider-verification-failed");
    assertThat(noMethod.exit()).isNotZero();
    assertThat(noMethod.output())
        .contains("request.method: is missing; give the HTTP method to call, e.g. \\\"POST\\\"");

    // create-or-update-webhook: PUT /webhooks/{uuid}, 201 then 200
    String uuid = "cli-webhook-0000000001";
    StandardPactCliInteropTest.Result put =
        pact(
            dir,
            "broker",
            "create-or-update-webhook",
            url + "/put",
            "-X",
            "POST",
            "--uuid",
            uuid,
            "--consumer",
            "Web",
            "--description",
            "first",
            "--contract-published");
    assertThat(put.exit()).as(put.output()).isZero();
    StandardPactCliInteropTest.Result update =
        pact(
            dir,
            "broker",
            "create-or-update-webhook",
            url + "/put/${pactbroker.providerName}",
            "-X",
            "POST",
            "--uuid",
            uuid,
            "--consumer",
            "Web",
            "--description",
            "second",
            "-d",
            "{\"v\":\"${pactbroker.consumerVersionNumber}\"}",
            "--contract-published");
    assertThat(update.exit()).as(update.output()).isZero();
    assertThat(Json.parse(broker.get("/webhooks/" + uuid).body()).path("description").asString())
        .isEqualTo("second");

    // test-webhook: GET /webhooks/{uuid} then POST its pb:execute link; no pact yet, so
    // placeholders stand in for the provider
    StandardPactCliInteropTest.Result tested = pact(dir, "broker", "test-webhook", "--uuid", uuid);
    assertThat(tested.exit()).as(tested.output()).isZero();
    receiver.verify(
        1,
        postRequestedFor(urlEqualTo("/put/%28provider%29"))
            .withRequestBody(equalToJson("{\"v\":\"\"}")));

    // a publish fires the created webhooks
    Path pacts = Files.createDirectories(dir.resolve("pacts"));
    Files.writeString(pacts.resolve("Web-Api.json"), RunningBroker.pact("Web", "Api", "x"));
    StandardPactCliInteropTest.Result published =
        pact(dir, "broker", "publish", pacts.toString(), "-a", "web-1", "--branch", "main");
    assertThat(published.exit()).as(published.output()).isZero();
    assertThat(published.output())
        .contains("Webhook \"from the cli\" triggered for event contract_published");
    for (int i = 0;
        i < 300 && receiver.findAll(postRequestedFor(urlEqualTo("/put/Api"))).isEmpty();
        i++) {
      Thread.sleep(100);
    }
    receiver.verify(
        1,
        postRequestedFor(urlEqualTo("/put/Api")).withRequestBody(equalToJson("{\"v\":\"web-1\"}")));
    for (int i = 0;
        i < 300 && receiver.findAll(postRequestedFor(urlEqualTo("/created/Web"))).size() < 2;
        i++) {
      Thread.sleep(100);
    }
    receiver.verify(
        2,
        postRequestedFor(urlEqualTo("/created/Web"))
            .withHeader("Content-Type", equalTo("application/json")));

    // delete-webhook: 204, then a friendly "not found" with exit 0
    StandardPactCliInteropTest.Result deleted =
        pact(dir, "broker", "delete-webhook", "--uuid", uuid);
    assertThat(deleted.exit()).as(deleted.output()).isZero();
    assertThat(broker.get("/webhooks/" + uuid).statusCode()).isEqualTo(404);
    StandardPactCliInteropTest.Result again = pact(dir, "broker", "delete-webhook", "--uuid", uuid);
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output()).contains("was not found");

    // a refused webhook: the CLI prints the broker's reason and exits 1
    StandardPactCliInteropTest.Result refused =
        pact(
            dir,
            "broker",
            "create-webhook",
            "http://10.0.0.1/x",
            "-X",
            "POST",
            "--provider",
            "Api",
            "--contract-published");
    assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
    assertThat(refused.output()).contains("is not in the allowed hosts [localhost]");
  }
}
