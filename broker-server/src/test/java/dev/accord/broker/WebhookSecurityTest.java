package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The default webhook settings (https only, POST only, no internal addresses) and read-only users.
 */
class WebhookSecurityTest {
  static RunningBroker broker;

  @BeforeAll
  static void start() {
    broker =
        RunningBroker.onPostgres(
            "accord.broker.auth.username=admin",
            "accord.broker.auth.password=secret",
            "accord.broker.auth.read-only-username=reader",
            "accord.broker.auth.read-only-password=look");
    assertThat(
            broker
                .post("/pacticipants", "{\"name\":\"Web\"}", "Authorization", admin())
                .statusCode())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  static String admin() {
    return "Basic " + java.util.Base64.getEncoder().encodeToString("admin:secret".getBytes());
  }

  static String reader() {
    return "Basic " + java.util.Base64.getEncoder().encodeToString("reader:look".getBytes());
  }

  static HttpResponse<String> create(String method, String url) {
    return broker.post(
        "/webhooks",
        "{\"events\":[{\"name\":\"contract_published\"}],\"request\":{\"method\":\""
            + method
            + "\",\"url\":\""
            + url
            + "\"}}",
        "Authorization",
        admin());
  }

  static JsonNode errors(HttpResponse<String> r) {
    return Json.parse(r.body()).path("errors");
  }

  @Test
  void refusesALoopbackAddressWithAClear400() {
    HttpResponse<String> r = create("POST", "https://127.0.0.1/build");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(errors(r).path("request.url").get(0).asString())
        .isEqualTo(
            "host \"127.0.0.1\" resolves to 127.0.0.1, a loopback address; "
                + "webhooks may not target internal addresses unless the host is listed in accord.webhooks.allowed-hosts");
  }

  @Test
  void refusesPrivateLinkLocalAndLocalhostTargets() throws Exception {
    assertThat(errors(create("POST", "https://10.0.0.1/")).path("request.url").get(0).asString())
        .contains("10.0.0.1, a private (site-local) address");
    assertThat(
            errors(create("POST", "https://169.254.169.254/latest/meta-data"))
                .path("request.url")
                .get(0)
                .asString())
        .contains("a link-local address");
    assertThat(
            errors(create("POST", "https://localhost:8080/")).path("request.url").get(0).asString())
        .contains("a loopback address");
    assertThat(errors(create("POST", "https://[::1]/")).path("request.url").get(0).asString())
        .contains("a loopback address");
    assertThat(
            broker.count(
                "webhook WHERE url LIKE '%10.0.0.1%' OR url LIKE '%169.254%' OR url LIKE '%localhost%' OR url LIKE '%::1%'"))
        .isZero();
  }

  @Test
  void refusesHttpOtherMethodsTemplatedHostsAndReportsEveryProblemAtOnce() {
    HttpResponse<String> r =
        broker.post(
            "/webhooks",
            "{\"description\":\""
                + "d".repeat(1100)
                + "\",\"events\":[],\"consumer\":{\"name\":\"Nobody\"},\"provider\":{\"name\":\"A\",\"label\":\"b\"},"
                + "\"request\":{\"method\":\"GET\",\"url\":\"http://${pactbroker.consumerName}.example.com/x?v=${pactbroker.nope}\"}}",
            "Authorization",
            admin());
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode e = errors(r);
    assertThat(e.path("events").get(0).asString()).startsWith("size cannot be less than 1");
    assertThat(e.path("description").get(0).asString())
        .isEqualTo("is 1100 characters long; at most 1024 are allowed");
    assertThat(e.path("consumer.name").get(0).asString())
        .isEqualTo(
            "no pacticipant named \"Nobody\" exists; publish a pact for it first or create it "
                + "with pact broker create-or-update-pacticipant --name Nobody");
    assertThat(e.path("provider").get(0).asString())
        .isEqualTo("cannot have both a name and a label; give one");
    assertThat(e.path("request.method").get(0).asString())
        .isEqualTo(
            "GET is not allowed; allowed: [POST] (configure accord.webhooks.allowed-methods)");
    assertThat(e.path("request.url").toString())
        .contains("scheme \\\"http\\\" is not allowed; allowed: [https]")
        .contains(
            "the host part of the URL (\\\"${pactbroker.consumerName}.example.com\\\") may not contain a template variable")
        .contains("${pactbroker.nope} is not a template variable");
    assertThat(create("POST", "https://ci.example.com/build").statusCode())
        .as("a public https URL is accepted")
        .isEqualTo(201);
    HttpResponse<String> unknownEvent =
        broker.post(
            "/webhooks",
            "{\"events\":[{\"name\":\"deployed\"}],\"request\":{\"url\":\"https://ci.example.com/\"}}",
            "Authorization",
            admin());
    assertThat(errors(unknownEvent).path("events").get(0).asString())
        .startsWith("\"deployed\" is not an event; known events: [contract_published,");
  }

  @Test
  void readOnlyUsersCanReadWebhooksButNotCreateExecuteOrDeleteThem() {
    HttpResponse<String> created = create("POST", "https://ci.example.com/read-only");
    assertThat(created.statusCode()).isEqualTo(201);
    String uuid = Json.parse(created.body()).path("uuid").asString();
    assertThat(broker.get("/webhooks/" + uuid, "Authorization", reader()).statusCode())
        .isEqualTo(200);
    assertThat(broker.get("/webhooks", "Authorization", reader()).statusCode()).isEqualTo(200);
    assertThat(broker.post("/webhooks", "{}", "Authorization", reader()).statusCode())
        .isEqualTo(403);
    assertThat(
            broker
                .post("/webhooks/" + uuid + "/execute", "{}", "Authorization", reader())
                .statusCode())
        .isEqualTo(403);
    assertThat(broker.delete("/webhooks/" + uuid, "Authorization", reader()).statusCode())
        .isEqualTo(403);
    assertThat(broker.get("/webhooks/" + uuid, "Authorization", admin()).statusCode())
        .isEqualTo(200);
  }
}
