package dev.accord.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.accord.broker.webhook.WebhookQueries;
import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: a real broker on PostgreSQL sends to a real WireMock receiver. The receiver
 * is on localhost over http, so this broker allow-lists it (the defaults refuse both: see {@link
 * WebhookSecurityTest}).
 */
class WebhooksAcceptanceTest {
  static final String[] CONFIG = {
    "accord.webhooks.allowed-schemes=http,https",
    "accord.webhooks.allowed-hosts=localhost",
    "accord.webhooks.retry-schedule=200ms,300ms",
    "accord.webhooks.poll-interval=100ms",
    "accord.webhooks.secret-key=test-only-key"
  };
  static WireMockServer receiver;
  static RunningBroker broker;

  @BeforeAll
  static void start() {
    receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    receiver.start();
    broker = RunningBroker.onPostgres(CONFIG);
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

  @BeforeEach
  void reset() {
    receiver.resetAll();
    receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  String receiverUrl(String path) {
    return "http://localhost:" + receiver.port() + path;
  }

  static JsonNode json(HttpResponse<String> r) {
    return Json.parse(r.body());
  }

  static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Waited 30 s for: " + what);
  }

  HttpResponse<String> createWebhook(
      String consumer, String provider, String event, String url, String headers, String body) {
    String json =
        "{\"description\":\"hook for "
            + consumer
            + "\",\"events\":[{\"name\":\""
            + event
            + "\"}],\"request\":{\"method\":\"POST\",\"url\":\""
            + url
            + "\",\"headers\":"
            + headers
            + (body == null ? "" : ",\"body\":" + body)
            + "}}";
    return broker.post("/webhooks/provider/" + provider + "/consumer/" + consumer, json);
  }

  void pacticipants(String... names) {
    for (String n : names) {
      assertThat(broker.post("/pacticipants", "{\"name\":\"" + n + "\"}").statusCode())
          .isIn(200, 201);
    }
  }

  List<LoggedRequest> received(String pathPrefix) {
    return receiver.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(r -> r.getUrl().startsWith(pathPrefix))
        .toList();
  }

  @Test
  void deliversTheTemplatedUrlHeadersAndBodyAfterAPublishAndShowsTheAttempt() throws Exception {
    // GIVEN a webhook whose URL, headers and body use template variables
    pacticipants("Web", "Api");
    HttpResponse<String> created =
        createWebhook(
            "Web",
            "Api",
            "contract_content_changed",
            receiverUrl(
                "/hooks/${pactbroker.consumerName}?version=${pactbroker.consumerVersionNumber}"),
            "{\"Content-Type\":\"application/json\",\"X-Provider\":\"${pactbroker.providerName}\",\"Authorization\":\"Bearer s3cret\"}",
            "{\"pact\":\"${pactbroker.pactUrl}\",\"event\":\"${pactbroker.eventName}\",\"branch\":\"${pactbroker.consumerVersionBranch}\","
                + "\"status\":\"${pactbroker.githubVerificationStatus}\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String uuid = json(created).path("uuid").asString();
    assertThat(json(created).path("request").path("headers").path("Authorization").asString())
        .isEqualTo("**********");

    // WHEN a pact is published
    HttpResponse<String> published =
        broker.post("/contracts/publish", publishBody("Web", "1.0 beta", "main", "Api", "x"));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

    // THEN the publish notices name the webhook and its log URL, and the receiver gets the rendered
    // request
    String notices = json(published).path("notices").toString();
    assertThat(notices)
        .contains(
            "Webhook \\\"hook for Web\\\" triggered for event contract_content_changed. See logs at "
                + broker.baseUrl
                + "/triggered-webhooks/");
    eventually("the receiver to get the webhook", () -> received("/hooks/").size() == 1);
    LoggedRequest request = received("/hooks/").get(0);
    assertThat(request.getUrl()).isEqualTo("/hooks/Web?version=1.0%20beta");
    assertThat(request.getHeader("X-Provider")).isEqualTo("Api");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer s3cret");
    JsonNode body = Json.parse(request.getBodyAsString());
    String sha =
        json(broker.get("/pacts/provider/Api/consumer/Web/latest"))
            .path("_links")
            .path("self")
            .path("href")
            .asString();
    assertThat(body.path("event").asString()).isEqualTo("contract_content_changed");
    assertThat(body.path("pact").asString())
        .startsWith(broker.baseUrl + "/pacts/provider/Api/consumer/Web/pact-version/");
    assertThat(body.path("branch").asString()).isEqualTo("main");
    assertThat(body.path("status").asString()).isEqualTo("pending");
    assertThat(sha).isNotBlank();

    // AND the attempt is visible, with the secret header redacted
    String logsUrl = notices.replaceAll(".*See logs at (\\S+?)\\\\?\".*", "$1");
    eventually(
        "the delivery to be recorded",
        () -> json(broker.get(logsUrl)).path("status").asString().equals("succeeded"));
    JsonNode logs = json(broker.get(logsUrl));
    assertThat(logs.path("executions")).hasSize(1);
    assertThat(
            logs.path("executions")
                .get(0)
                .path("request")
                .path("headers")
                .path("Authorization")
                .asString())
        .isEqualTo("**********");
    assertThat(logs.path("executions").get(0).path("response").path("status").asInt())
        .isEqualTo(200);
    assertThat(logs.path("logs").asString()).contains("Attempt 1").contains("-> HTTP 200");
    JsonNode recent = json(broker.get("/webhooks/" + uuid + "/triggered-webhooks"));
    assertThat(recent.path("_embedded").path("triggeredWebhooks").get(0).path("status").asString())
        .isEqualTo("succeeded");

    // AND republishing identical content does not fire contract_content_changed again
    assertThat(
            broker
                .post("/contracts/publish", publishBody("Web", "1.0 beta", "main", "Api", "x"))
                .statusCode())
        .isEqualTo(200);
    assertThat(broker.count("triggered_webhook WHERE webhook_uuid = '" + uuid + "'")).isEqualTo(1);
  }

  @Test
  void retriesAFailedDeliveryAndLogsEveryAttempt() throws Exception {
    // GIVEN a receiver that fails once, then succeeds
    pacticipants("RetryWeb", "RetryApi");
    receiver.stubFor(
        post(urlPathMatching("/retry"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody("down"))
            .willSetStateTo("up"));
    receiver.stubFor(
        post(urlPathMatching("/retry"))
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200)));
    String uuid =
        json(createWebhook(
                "RetryWeb", "RetryApi", "contract_published", receiverUrl("/retry"), "{}", null))
            .path("uuid")
            .asString();

    // WHEN a pact is published
    assertThat(
            broker
                .post("/contracts/publish", publishBody("RetryWeb", "1", "main", "RetryApi", "x"))
                .statusCode())
        .isEqualTo(200);

    // THEN the second attempt succeeds and both are logged
    eventually(
        "the retry to succeed",
        () ->
            json(broker.get("/webhooks/" + uuid + "/triggered-webhooks"))
                .path("_embedded")
                .path("triggeredWebhooks")
                .path(0)
                .path("status")
                .asString()
                .equals("succeeded"));
    JsonNode delivery =
        json(broker.get("/webhooks/" + uuid + "/triggered-webhooks"))
            .path("_embedded")
            .path("triggeredWebhooks")
            .get(0);
    assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
    JsonNode executions = delivery.path("executions");
    assertThat(executions).hasSize(2);
    assertThat(executions.get(0).path("success").asBoolean()).isFalse();
    assertThat(executions.get(0).path("response").path("status").asInt()).isEqualTo(500);
    assertThat(executions.get(0).path("error").asString())
        .isEqualTo("HTTP 500 is not a success (200-299)");
    assertThat(executions.get(1).path("success").asBoolean()).isTrue();
    assertThat(executions.get(1).path("response").path("status").asInt()).isEqualTo(200);
    receiver.verify(2, postRequestedFor(urlPathMatching("/retry")));

    // AND the read-only query service (for the web UI) shows the same
    WebhookQueries.WebhookSummary summary =
        broker.bean(WebhookQueries.class).byUuid(uuid, 5).orElseThrow();
    assertThat(summary.consumerName()).isEqualTo("RetryWeb");
    assertThat(summary.recentDeliveries()).hasSize(1);
    assertThat(summary.recentDeliveries().get(0).status()).isEqualTo("succeeded");
    assertThat(summary.recentDeliveries().get(0).attemptLog())
        .extracting(WebhookQueries.AttemptSummary::responseStatus)
        .containsExactly(500, 200);

    // AND the web UI shows the delivery and both attempts, with the failure's reason
    HttpResponse<String> page = broker.get("/ui/webhooks/" + uuid, "Accept", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "RetryWeb",
            "RetryApi",
            "contract_published",
            "succeeded",
            "HTTP 500",
            "HTTP 200",
            "HTTP 500 is not a success (200-299)");
    assertThat(broker.get("/ui/webhooks", "Accept", "text/html").body())
        .contains("/ui/webhooks/" + uuid);

    // AND the pact version's triggered webhooks list it
    JsonNode forVersion =
        json(broker.get("/pacts/provider/RetryApi/consumer/RetryWeb/version/1/triggered-webhooks"));
    assertThat(
            forVersion
                .path("_embedded")
                .path("triggeredWebhooks")
                .get(0)
                .path("webhookUuid")
                .asString())
        .isEqualTo(uuid);
  }

  @Test
  void givesUpAfterTheRetryScheduleAndMarksTheDeliveryFailed() throws Exception {
    pacticipants("DownWeb", "DownApi");
    receiver.stubFor(post(urlPathMatching("/down")).willReturn(aResponse().withStatus(503)));
    String uuid =
        json(createWebhook(
                "DownWeb", "DownApi", "contract_published", receiverUrl("/down"), "{}", null))
            .path("uuid")
            .asString();

    assertThat(
            broker
                .post("/contracts/publish", publishBody("DownWeb", "1", "main", "DownApi", "x"))
                .statusCode())
        .isEqualTo(200);

    eventually(
        "the delivery to be given up",
        () ->
            json(broker.get("/webhooks/" + uuid + "/triggered-webhooks"))
                .path("_embedded")
                .path("triggeredWebhooks")
                .path(0)
                .path("status")
                .asString()
                .equals("failed"));
    JsonNode delivery =
        json(broker.get("/webhooks/" + uuid + "/triggered-webhooks"))
            .path("_embedded")
            .path("triggeredWebhooks")
            .get(0);
    // one attempt plus one per entry of the retry schedule (200ms,300ms)
    assertThat(delivery.path("executions")).hasSize(3);
    assertThat(delivery.path("attemptsRemaining").asInt()).isZero();
    receiver.verify(3, postRequestedFor(urlPathMatching("/down")));
  }

  @Test
  void aRolledBackPublishEnqueuesAndDeliversNothing() throws Exception {
    // GIVEN a webhook on every publication of RollbackWeb, and version 1 already published for
    // provider B
    pacticipants("RollbackWeb", "RollbackA", "RollbackB");
    json(
        createWebhook(
            "RollbackWeb",
            "RollbackA",
            "contract_published",
            receiverUrl("/rollback/${pactbroker.consumerVersionNumber}"),
            "{}",
            null));
    assertThat(
            broker
                .post(
                    "/contracts/publish",
                    publishBody("RollbackWeb", "1", "main", "RollbackB", "b1"))
                .statusCode())
        .isEqualTo(200);
    long before = broker.count("triggered_webhook");

    // WHEN version 1 is published again with a new pact for A (which fires the webhook) and changed
    // content for B (409)
    HttpResponse<String> refused =
        broker.post(
            "/contracts/publish",
            publishBody("RollbackWeb", "1", "main", "RollbackA", "a1", "RollbackB", "b2"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);

    // THEN the whole publish rolled back, the queue row with it
    assertThat(broker.count("triggered_webhook")).isEqualTo(before);
    assertThat(broker.get("/pacts/provider/RollbackA/consumer/RollbackWeb/version/1").statusCode())
        .isEqualTo(404);

    // AND a later committed publish is delivered, while the rolled-back one never is
    assertThat(
            broker
                .post(
                    "/contracts/publish",
                    publishBody("RollbackWeb", "2", "main", "RollbackA", "a1"))
                .statusCode())
        .isEqualTo(200);
    eventually("the committed publish to be delivered", () -> received("/rollback/2").size() == 1);
    assertThat(received("/rollback/").stream().map(LoggedRequest::getUrl).toList())
        .containsExactly("/rollback/2");
  }

  @Test
  void firesVerificationEventsWithTheOutcome() throws Exception {
    pacticipants("VerWeb", "VerApi");
    String hook =
        "{\"events\":[{\"name\":\"provider_verification_published\"},{\"name\":\"provider_verification_failed\"}],"
            + "\"request\":{\"method\":\"POST\",\"url\":\""
            + receiverUrl("/verified/${pactbroker.eventName}")
            + "\","
            + "\"body\":\"${pactbroker.providerVersionNumber} ${pactbroker.bitbucketVerificationStatus} ${pactbroker.verificationResultUrl}\"}}";
    assertThat(broker.post("/webhooks/provider/VerApi/consumer/VerWeb", hook).statusCode())
        .isEqualTo(201);
    assertThat(
            broker
                .post("/contracts/publish", publishBody("VerWeb", "1", "main", "VerApi", "x"))
                .statusCode())
        .isEqualTo(200);
    String publishUrl =
        json(broker.get("/pacts/provider/VerApi/consumer/VerWeb/latest"))
            .path("_links")
            .path("pb:publish-verification-results")
            .path("href")
            .asString();

    assertThat(
            broker
                .post(publishUrl, "{\"providerApplicationVersion\":\"api-7\",\"success\":false}")
                .statusCode())
        .isEqualTo(201);

    eventually("both verification events to arrive", () -> received("/verified/").size() == 2);
    assertThat(
            received("/verified/").stream().map(LoggedRequest::getUrl).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "/verified/provider_verification_published", "/verified/provider_verification_failed");
    assertThat(received("/verified/").get(0).getBodyAsString())
        .startsWith("api-7 FAILED " + publishUrl + "/");
    String resultUrl = received("/verified/").get(0).getBodyAsString().split(" ")[2];
    eventually(
        "the verification's triggered webhooks to be listed",
        () ->
            json(broker.get(resultUrl + "/triggered-webhooks"))
                    .path("_embedded")
                    .path("triggeredWebhooks")
                    .size()
                == 2);
  }

  @Test
  void requiringVerificationFiresOncePerProviderVersionThatHasNotVerifiedTheContent()
      throws Exception {
    // GIVEN provider ReqApi with main branch head api-2 and api-1 deployed to production; api-1
    // verified the old content
    pacticipants("ReqWeb");
    assertThat(
            broker
                .post("/pacticipants", "{\"name\":\"ReqApi\",\"mainBranch\":\"main\"}")
                .statusCode())
        .isIn(200, 201);
    assertThat(
            broker
                .post("/environments", "{\"name\":\"production\",\"production\":true}")
                .statusCode())
        .isEqualTo(201);
    String envUuid =
        json(broker.get("/environments?name=production"))
            .path("_embedded")
            .path("environments")
            .get(0)
            .path("uuid")
            .asString();
    assertThat(broker.put("/pacticipants/ReqApi/branches/main/versions/api-1", "{}").statusCode())
        .isIn(200, 201);
    assertThat(
            broker
                .post(
                    "/pacticipants/ReqApi/versions/api-1/deployed-versions/environment/" + envUuid,
                    "{}")
                .statusCode())
        .isEqualTo(201);
    assertThat(broker.put("/pacticipants/ReqApi/branches/main/versions/api-2", "{}").statusCode())
        .isIn(200, 201);
    String hook =
        "{\"events\":[{\"name\":\"contract_requiring_verification_published\"}],\"request\":{\"method\":\"POST\",\"url\":\""
            + receiverUrl("/verify/${pactbroker.providerVersionNumber}")
            + "\",\"body\":\"${pactbroker.providerVersionDescriptions}|"
            + "${pactbroker.providerVersionBranch}\"}}";
    assertThat(broker.post("/webhooks/provider/ReqApi/consumer/ReqWeb", hook).statusCode())
        .isEqualTo(201);

    // WHEN a consumer publishes new content
    HttpResponse<String> published =
        broker.post("/contracts/publish", publishBody("ReqWeb", "1", "main", "ReqApi", "x"));
    assertThat(published.statusCode()).isEqualTo(200);

    // THEN one webhook per provider version that needs to verify it, described
    eventually("two deliveries", () -> received("/verify/").size() == 2);
    assertThat(
            received("/verify/").stream()
                .map(r -> r.getUrl() + " " + r.getBodyAsString())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "/verify/api-2 latest from main branch|main",
            "/verify/api-1 deployed in production|main");
    assertThat(json(published).path("notices").toString())
        .contains(
            "triggered for event contract_requiring_verification_published (deployed in production)");
  }

  @Test
  void listsWebhooksByPairProviderConsumerAndTheLatestPactStatus() throws Exception {
    pacticipants("ListWeb", "ListApi");
    String uuid =
        json(createWebhook(
                "ListWeb", "ListApi", "contract_published", receiverUrl("/list"), "{}", null))
            .path("uuid")
            .asString();
    assertThat(
            broker
                .post("/contracts/publish", publishBody("ListWeb", "1", "main", "ListApi", "x"))
                .statusCode())
        .isEqualTo(200);

    for (String path :
        List.of(
            "/webhooks",
            "/webhooks/provider/ListApi",
            "/webhooks/consumer/ListWeb",
            "/webhooks/provider/ListApi/consumer/ListWeb",
            "/pacts/provider/ListApi/consumer/ListWeb/webhooks")) {
      HttpResponse<String> r = broker.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(json(r).path("_links").path("pb:webhooks").toString()).as(path).contains(uuid);
    }
    assertThat(
            json(broker.get("/webhooks/" + uuid))
                .path("_links")
                .path("pb:execute")
                .path("href")
                .asString())
        .isEqualTo(broker.baseUrl + "/webhooks/" + uuid + "/execute");
    eventually(
        "the status to show the delivery",
        () ->
            json(broker.get("/pacts/provider/ListApi/consumer/ListWeb/webhooks/status"))
                    .path("summary")
                    .path("successful")
                    .asInt()
                == 1);
    assertThat(json(broker.get("/")).path("_links").path("pb:webhooks").path("title").asString())
        .isEqualTo("Webhooks");
  }

  @Test
  void executesASavedAndAnUnsavedWebhookOnRequestAndAnswers200EvenWhenTheCallFails() {
    pacticipants("ExecWeb", "ExecApi");
    receiver.stubFor(
        post(urlPathMatching("/exec-fail"))
            .willReturn(aResponse().withStatus(418).withBody("teapot")));
    String uuid =
        json(createWebhook(
                "ExecWeb",
                "ExecApi",
                "contract_published",
                receiverUrl("/exec/${pactbroker.consumerName}"),
                "{}",
                null))
            .path("uuid")
            .asString();

    HttpResponse<String> executed = broker.post("/webhooks/" + uuid + "/execute", "{}");
    assertThat(executed.statusCode()).isEqualTo(200);
    assertThat(json(executed).path("success").asBoolean()).isTrue();
    assertThat(json(executed).path("request").path("url").asString())
        .isEqualTo(receiverUrl("/exec/ExecWeb"));
    receiver.verify(1, postRequestedFor(urlPathMatching("/exec/ExecWeb")));

    HttpResponse<String> failed =
        broker.post(
            "/webhooks/execute",
            "{\"events\":[{\"name\":\"contract_published\"}],"
                + "\"request\":{\"method\":\"POST\",\"url\":\""
                + receiverUrl("/exec-fail")
                + "\",\"body\":{\"a\":1}}}");
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(json(failed).path("success").asBoolean()).isFalse();
    assertThat(json(failed).path("response").path("status").asInt()).isEqualTo(418);
    assertThat(json(failed).path("response").path("body").asString()).isEqualTo("teapot");
    receiver.verify(
        1, postRequestedFor(urlPathMatching("/exec-fail")).withRequestBody(equalTo("{\"a\":1}")));
  }

  @Test
  void putCreatesThenUpdatesKeepsTheStoredPasswordAndDeleteAnswers204() throws Exception {
    pacticipants("PutWeb");
    String uuid = "put-webhook-uuid-0001";
    String body =
        "{\"description\":\"one\",\"consumer\":{\"name\":\"PutWeb\"},\"events\":[{\"name\":\"contract_published\"}],"
            + "\"request\":{\"method\":\"POST\",\"url\":\""
            + receiverUrl("/put")
            + "\",\"username\":\"ci\",\"password\":\"hunter2\"}}";
    HttpResponse<String> created = broker.put("/webhooks/" + uuid, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).path("request").path("password").asString()).isEqualTo("**********");
    assertThat(created.body()).doesNotContain("hunter2");
    // stored encrypted (accord.webhooks.secret-key is set)
    assertThat(broker.count("webhook WHERE uuid = '" + uuid + "' AND password LIKE '{aes-gcm}%'"))
        .isEqualTo(1);
    assertThat(broker.count("webhook WHERE password LIKE '%hunter2%' OR headers LIKE '%s3cret%'"))
        .isZero();

    HttpResponse<String> updated =
        broker.put(
            "/webhooks/" + uuid,
            body.replace("\"one\"", "\"two\"").replace("hunter2", "**********"));
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(json(updated).path("description").asString()).isEqualTo("two");
    assertThat(broker.post("/webhooks/" + uuid + "/execute", "{}").statusCode()).isEqualTo(200);
    // "ci:hunter2": the redacted value sent back did not overwrite the stored password
    receiver.verify(
        1,
        postRequestedFor(urlPathMatching("/put"))
            .withHeader("Authorization", equalTo("Basic Y2k6aHVudGVyMg==")));

    // the web UI never shows the password either
    assertThat(broker.get("/ui/webhooks/" + uuid, "Accept", "text/html").body())
        .contains("two")
        .doesNotContain("hunter2");

    assertThat(broker.put("/webhooks/short", body).statusCode()).isEqualTo(400);
    assertThat(broker.delete("/webhooks/" + uuid).statusCode()).isEqualTo(204);
    assertThat(broker.get("/webhooks/" + uuid).statusCode()).isEqualTo(404);
    HttpResponse<String> gone = broker.get("/ui/webhooks/" + uuid, "Accept", "text/html");
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body()).contains("No webhook with UUID", "/ui/webhooks");
  }

  @Test
  void aWebhooksEventsAreReadBackInTheOrderSentAndAPutReplacesThem() throws Exception {
    String uuid = "events-webhook-uuid-0001";
    String request =
        "\"request\":{\"method\":\"POST\",\"url\":\"" + receiverUrl("/events") + "\"}}";
    HttpResponse<String> created =
        broker.put(
            "/webhooks/" + uuid,
            "{\"events\":[{\"name\":\"provider_verification_published\"},"
                + "{\"name\":\"contract_published\"},{\"name\":\"contract_content_changed\"}],"
                + request);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(eventNames(broker.get("/webhooks/" + uuid)))
        .containsExactly(
            "provider_verification_published", "contract_published", "contract_content_changed");

    HttpResponse<String> updated =
        broker.put(
            "/webhooks/" + uuid,
            "{\"events\":[{\"name\":\"contract_content_changed\"},"
                + "{\"name\":\"provider_verification_failed\"}],"
                + request);
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(eventNames(updated))
        .containsExactly("contract_content_changed", "provider_verification_failed");
    assertThat(eventNames(broker.get("/webhooks/" + uuid)))
        .containsExactly("contract_content_changed", "provider_verification_failed");
    assertThat(
            broker.count(
                "webhook_event WHERE webhook_id = (SELECT id FROM webhook WHERE uuid = '"
                    + uuid
                    + "')"))
        .isEqualTo(2);
    assertThat(broker.delete("/webhooks/" + uuid).statusCode()).isEqualTo(204);
  }

  private static List<String> eventNames(HttpResponse<String> r) {
    List<String> names = new java.util.ArrayList<>();
    json(r).path("events").forEach(e -> names.add(e.path("name").asString()));
    return names;
  }
}
