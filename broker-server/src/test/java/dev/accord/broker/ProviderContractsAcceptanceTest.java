package dev.accord.broker;

import static dev.accord.broker.RunningBroker.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bi-directional contract testing in the broker: publishing a provider contract (the PactFlow API
 * the standard CLI uses), its refusals, idempotency, the comparisons the background worker
 * computes, the matrix rows they decide, the resources that show them, and the {@code
 * provider_contract_published} webhook event.
 */
class ProviderContractsAcceptanceTest {
  static RunningBroker broker;

  static final String DOCUMENT =
      """
      openapi: 3.0.3
      info: {title: Things, version: "1"}
      paths:
        /thing/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            responses:
              "200":
                description: the thing
                content:
                  application/json:
                    schema:
                      type: object
                      required: [id, name]
                      properties:
                        id: {type: integer}
                        name: {type: string}
      """;

  @BeforeAll
  static void start() {
    broker =
        RunningBroker.onPostgres(
            "accord.webhooks.poll-interval=100ms",
            "accord.webhooks.allowed-schemes=http,https",
            "accord.webhooks.allowed-hosts=localhost");
    ok(broker.post("/environments", "{\"name\":\"production\",\"production\":true}"));
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The body {@code pact pactflow publish-provider-contract} sends. */
  static String publishBody(String version, String document, String selfVerification) {
    return "{\"pacticipantVersionNumber\":\""
        + version
        + "\",\"branch\":\"main\",\"tags\":[\"dev\"],\"contract\":{\"content\":\""
        + base64(document)
        + "\",\"contentType\":\"application/yaml\",\"specification\":\"oas\""
        + (selfVerification == null ? "" : ",\"selfVerificationResults\":" + selfVerification)
        + "}}";
  }

  static final String PASSED =
      "{\"success\":true,\"content\":\""
          + base64("{\"tests\":3,\"failures\":0}")
          + "\",\"contentType\":\"application/json\",\"format\":\"json\",\"verifier\":\"accord\",\"verifierVersion\":\"0.1.0\"}";
  static final String FAILED = "{\"success\":false,\"verifier\":\"accord\"}";

  static HttpResponse<String> publishContract(
      String provider, String version, String document, String selfVerification) {
    return broker.post(
        "/provider-contracts/provider/" + provider + "/publish",
        publishBody(version, document, selfVerification),
        "Accept",
        "application/problem+json");
  }

  static void publishPact(String consumer, String version, String provider, String path) {
    String pact =
        "{\"consumer\":{\"name\":\""
            + consumer
            + "\"},\"provider\":{\"name\":\""
            + provider
            + "\"},"
            + "\"interactions\":[{\"description\":\"get thing\",\"request\":{\"method\":\"GET\",\"path\":\""
            + path
            + "\"},"
            + "\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"id\":1,\"name\":\"x\"}}}],"
            + "\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}";
    ok(
        broker.post(
            "/contracts/publish",
            "{\"pacticipantName\":\""
                + consumer
                + "\",\"pacticipantVersionNumber\":\""
                + version
                + "\",\"branch\":\"main\",\"contracts\":[{\"consumerName\":\""
                + consumer
                + "\",\"providerName\":\""
                + provider
                + "\",\"specification\":\"pact\",\"contentType\":\"application/json\",\"content\":\""
                + base64(pact)
                + "\"}]}"));
  }

  static void deploy(String pacticipant, String version) {
    String uuid =
        json(broker.get("/environments"))
            .path("_embedded")
            .path("environments")
            .get(0)
            .path("uuid")
            .asString();
    ok(
        broker.post(
            "/pacticipants/"
                + pacticipant
                + "/versions/"
                + version
                + "/deployed-versions/environment/"
                + uuid,
            "{}"));
  }

  static JsonNode canIDeploy(String pacticipant, String version) {
    HttpResponse<String> r =
        broker.get(
            "/matrix?q[][pacticipant]="
                + pacticipant
                + "&q[][version]="
                + version
                + "&latestby=cvp&environment=production");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  static HttpResponse<String> ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isBetween(200, 299);
    return r;
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

  @Test
  void refusesBadInputWithA400NamingTheFieldAndWritesNothing() throws Exception {
    long versions = broker.count("version");
    HttpResponse<String> badBase64 =
        broker.post(
            "/provider-contracts/provider/Bad/publish",
            "{\"pacticipantVersionNumber\":\"1\",\"contract\":{\"content\":\"%%%not base64\",\"contentType\":\"application/yaml\","
                + "\"specification\":\"oas\"}}");
    assertThat(badBase64.statusCode()).isEqualTo(400);
    assertThat(json(badBase64).path("errors").path("contract.content").get(0).asString())
        .startsWith("is not valid base64 (")
        .endsWith("); send the OpenAPI document encoded with base64");

    HttpResponse<String> notOpenApi =
        publishContract(
            "Bad",
            "1",
            "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  "
                + "/x:\n    get:\n      responses:\n        '200': {}\n",
            PASSED);
    assertThat(notOpenApi.statusCode()).isEqualTo(400);
    assertThat(json(notOpenApi).path("errors").path("contract.content").get(0).asString())
        .startsWith("is not a usable OpenAPI document: ")
        .contains("description");

    HttpResponse<String> noVersion =
        broker.post(
            "/provider-contracts/provider/Bad/publish",
            "{\"contract\":{\"content\":\""
                + base64(DOCUMENT)
                + "\",\"contentType\":\"application/yaml\",\"specification\":\"oas\"}}");
    assertThat(noVersion.statusCode()).isEqualTo(400);
    assertThat(json(noVersion).path("errors").path("pacticipantVersionNumber").get(0).asString())
        .isEqualTo("is missing or blank; give the version number, ideally the git SHA");

    HttpResponse<String> wrongSpecification =
        broker.post(
            "/provider-contracts/provider/Bad/publish",
            publishBody("1", DOCUMENT, PASSED).replace("\"oas\"", "\"pact\""));
    assertThat(
            json(wrongSpecification)
                .path("errors")
                .path("contract.specification")
                .get(0)
                .asString())
        .isEqualTo("must be \"oas\" (an OpenAPI 3.0 or 3.1 document), got \"pact\"");

    HttpResponse<String> wrongType =
        broker.post(
            "/provider-contracts/provider/Bad/publish",
            publishBody("1", DOCUMENT, PASSED).replace("application/yaml", "text/plain"));
    assertThat(json(wrongType).path("errors").path("contract.contentType").get(0).asString())
        .isEqualTo(
            "must be application/yaml or application/json (the document's format), got \"text/plain\"");

    HttpResponse<String> noSuccess =
        broker.post(
            "/provider-contracts/provider/Bad/publish",
            publishBody("1", DOCUMENT, "{\"verifier\":\"accord\"}"));
    assertThat(
            json(noSuccess)
                .path("errors")
                .path("contract.selfVerificationResults.success")
                .get(0)
                .asString())
        .isEqualTo("is missing: whether the provider's own test against the document passed");

    HttpResponse<String> noContract =
        broker.post(
            "/provider-contracts/provider/Bad/publish", "{\"pacticipantVersionNumber\":\"1\"}");
    assertThat(json(noContract).path("errors").path("contract").get(0).asString())
        .isEqualTo("is missing");

    assertThat(broker.count("version")).isEqualTo(versions);
    assertThat(
            broker.count(
                "provider_contract_publication c JOIN pacticipant p ON p.id = c.provider_id WHERE p.name = 'Bad'"))
        .isZero();
    assertThat(broker.count("pacticipant WHERE name = 'Bad'")).isZero();
  }

  @Test
  void publishingTwiceIsIdempotentAndContentIsStoredOncePerProvider() throws Exception {
    HttpResponse<String> first = ok(publishContract("IdemApi", "p1", DOCUMENT, PASSED));
    JsonNode body = json(first);
    // what the standard CLI reads
    assertThat(body.path("_embedded").path("version").path("number").asString()).isEqualTo("p1");
    assertThat(body.path("_links").path("pb:pacticipant-version-tags").isArray()).isTrue();
    assertThat(
            body.path("_links").path("pb:pacticipant-version-tags").get(0).path("name").asString())
        .isEqualTo("dev");
    assertThat(body.path("notices").toString())
        .contains("Published provider contract for IdemApi version p1 (new content)")
        .contains(
            "It is compared with 0 consumer pacts (each consumer's latest, branch heads, deployed and released)");

    JsonNode again = json(ok(publishContract("IdemApi", "p1", DOCUMENT, PASSED)));
    assertThat(again.path("notices").toString())
        .contains(
            "Provider contract for IdemApi version p1 was already published with identical "
                + "content and self-verification; nothing changed");
    JsonNode sameContentNewVersion = json(ok(publishContract("IdemApi", "p2", DOCUMENT, PASSED)));
    assertThat(sameContentNewVersion.path("notices").toString())
        .contains("(content identical to an earlier version)");
    assertThat(
            broker.count(
                "provider_contract_content c JOIN pacticipant p ON p.id = c.provider_id WHERE p.name = 'IdemApi'"))
        .isEqualTo(1);
    assertThat(
            broker.count(
                "provider_contract_publication c JOIN pacticipant p ON p.id = c.provider_id WHERE p.name = 'IdemApi'"))
        .isEqualTo(2);

    // a re-run of the self-verification for the same version replaces it; a changed document for it
    // is refused
    JsonNode rerun = json(ok(publishContract("IdemApi", "p2", DOCUMENT, FAILED)));
    assertThat(rerun.path("notices").toString())
        .contains("Updated the self-verification of the provider contract for IdemApi version p2");
    HttpResponse<String> changed =
        publishContract("IdemApi", "p2", DOCUMENT.replace("the thing", "a thing"), PASSED);
    assertThat(changed.statusCode()).isEqualTo(409);
    assertThat(changed.body())
        .contains(
            "Cannot change the provider contract of IdemApi version p2: the version already holds a document "
                + "with content ");
    assertThat(
            broker.count(
                "provider_contract_content c JOIN pacticipant p ON p.id = c.provider_id WHERE p.name = 'IdemApi'"))
        .isEqualTo(1);
  }

  @Test
  void theMatrixCountsACompatiblePactWithAPassingSelfVerificationAsVerifiedBidirectionally()
      throws Exception {
    publishPact("FitWeb", "w1", "BidiApi", "/thing/1");
    publishPact("MisfitWeb", "m1", "BidiApi", "/things");
    ok(publishContract("BidiApi", "b1", DOCUMENT, PASSED));
    deploy("BidiApi", "b1");

    // the background worker computes the queued comparisons
    eventually(
        "both comparisons to be computed",
        () -> {
          try {
            return broker.count(
                        "contract_comparison WHERE status IN ('compatible', 'incompatible')")
                    >= 2
                && broker.count("contract_comparison WHERE status = 'pending'") == 0;
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        });

    JsonNode yes = canIDeploy("FitWeb", "w1");
    assertThat(yes.path("summary").path("deployable").asBoolean()).as(yes.toString()).isTrue();
    JsonNode row = yes.path("matrix").get(0);
    assertThat(row.path("verificationResult").path("verifiedBy").asString())
        .isEqualTo("bi-directional");
    assertThat(row.path("verificationResult").path("success").asBoolean()).isTrue();
    assertThat(
            row.path("verificationResult")
                .path("providerContract")
                .path("comparison")
                .path("compatible")
                .asBoolean())
        .isTrue();
    assertThat(yes.path("notices").toString())
        .contains(
            "The pact between FitWeb (w1) and BidiApi (b1) is compatible with the provider "
                + "contract of BidiApi (b1) (OpenAPI document ")
        .contains("whose self-verification succeeded (verified bi-directionally)");

    JsonNode no = canIDeploy("MisfitWeb", "m1");
    assertThat(no.path("summary").path("deployable").asBoolean()).isFalse();
    assertThat(no.path("summary").path("reason").asString())
        .contains(
            "The pact between MisfitWeb (m1) and BidiApi (b1) is not compatible with the provider contract of BidiApi (b1)")
        .contains("(bi-directional, 1 incompatibility)")
        .contains(
            "request.path-or-method.unknown in 'get thing' (pact $.interactions[0].request.path");
    assertThat(
            no.path("matrix")
                .get(0)
                .path("verificationResult")
                .path("providerContract")
                .path("comparison")
                .path("incompatibilities")
                .get(0)
                .path("code")
                .asString())
        .isEqualTo("request.path-or-method.unknown");

    // the provider contract, its self-verification and its comparisons, linked from the provider
    // version
    JsonNode version = json(ok(broker.get("/pacticipants/BidiApi/versions/b1")));
    String contractUrl =
        version.path("_links").path("pf:provider-contract").path("href").asString();
    assertThat(contractUrl).endsWith("/provider-contracts/provider/BidiApi/version/b1");
    JsonNode contract =
        json(ok(broker.get(contractUrl.substring(contractUrl.indexOf("/provider-contracts")))));
    assertThat(contract.path("content").asString()).isEqualTo(DOCUMENT);
    assertThat(contract.path("selfVerification").path("success").asBoolean()).isTrue();
    JsonNode self =
        json(ok(broker.get("/provider-contracts/provider/BidiApi/version/b1/self-verification")));
    assertThat(self.path("content").asString()).isEqualTo("{\"tests\":3,\"failures\":0}");
    assertThat(self.path("verifier").asString()).isEqualTo("accord");
    JsonNode comparisons =
        json(ok(broker.get("/provider-contracts/provider/BidiApi/version/b1/comparisons")));
    assertThat(comparisons.path("_embedded").path("comparisons").findValuesAsString("status"))
        .containsExactlyInAnyOrder("compatible", "incompatible");

    // the web UI: the contract page, and the integration's matrix marking the rows the contract
    // decided
    HttpResponse<String> page =
        broker.get("/ui/provider-contracts/provider/BidiApi/version/b1", "Accept", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Provider contract: <span>BidiApi</span> <code>b1</code>")
        .contains(">passed</span>")
        .contains("by <code>accord</code>")
        .contains("<td>MisfitWeb</td>")
        .contains(">incompatible</span>")
        .contains("<code>request.path-or-method.unknown</code> in <q>get thing</q>")
        .contains("/thing/{id}:");
    HttpResponse<String> matrix =
        broker.get("/ui/matrix?consumer=MisfitWeb&provider=BidiApi", "Accept", "text/html");
    assertThat(matrix.statusCode()).isEqualTo(200);
    assertThat(matrix.body())
        .contains(">bi-directional</a>")
        .contains("/ui/provider-contracts/provider/BidiApi/version/b1")
        .contains("request.path-or-method.unknown in &#39;get thing&#39;");
    assertThat(
            broker
                .get("/ui/provider-contracts/provider/BidiApi/version/nope", "Accept", "text/html")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aFailedSelfVerificationFailsAndARealVerificationTakesPrecedence() throws Exception {
    publishPact("SelfWeb", "s1", "SelfApi", "/thing/1");
    ok(publishContract("SelfApi", "f1", DOCUMENT, FAILED));
    deploy("SelfApi", "f1");
    JsonNode failed = canIDeploy("SelfWeb", "s1");
    assertThat(failed.path("summary").path("deployable").asBoolean()).isFalse();
    assertThat(failed.path("summary").path("reason").asString())
        .contains(
            "The self-verification of the provider contract of "
                + "SelfApi (f1) (OpenAPI document ")
        .contains("failed (bi-directional): SelfApi does not implement its own document.");

    // a pact verification by the same provider version decides instead
    JsonNode pact = json(broker.get("/pacts/provider/SelfApi/consumer/SelfWeb/version/s1"));
    ok(
        broker.post(
            pact.path("_links").path("pb:publish-verification-results").path("href").asString(),
            "{\"providerApplicationVersion\":\"f1\",\"success\":true}"));
    JsonNode verified = canIDeploy("SelfWeb", "s1");
    assertThat(verified.path("summary").path("deployable").asBoolean()).isTrue();
    assertThat(verified.path("matrix").get(0).path("verificationResult").has("verifiedBy"))
        .isFalse();
  }

  @Test
  void aPactPublishedAfterTheContractIsQueuedAndTheMatrixNeverWaitsForTheQueue() throws Exception {
    ok(publishContract("LateApi", "l1", DOCUMENT, PASSED));
    deploy("LateApi", "l1");
    publishPact("LateWeb", "lw1", "LateApi", "/thing/1");
    // the publish queued the comparison in its own transaction
    assertThat(
            broker.count(
                "contract_comparison x JOIN pact_content p ON p.id = x.pact_content_id JOIN pacticipant c ON "
                    + "c.id = p.consumer_id WHERE c.name = 'LateWeb'"))
        .isEqualTo(1);
    // whatever the worker did meanwhile, the answer is the comparison's, never "pending"
    JsonNode answer = canIDeploy("LateWeb", "lw1");
    assertThat(answer.path("summary").path("deployable").asBoolean())
        .as(answer.toString())
        .isTrue();
    assertThat(
            broker.count(
                "contract_comparison x JOIN provider_contract_content c ON c.id = x.provider_contract_content_id "
                    + "JOIN pacticipant p ON p.id = c.provider_id WHERE p.name = 'LateApi'"))
        .isEqualTo(1);

    // a comparison left pending (a restart, a worker that died mid-way) is computed by the worker
    // at its next poll
    String late =
        "provider_contract_content_id IN (SELECT c.id FROM provider_contract_content c JOIN pacticipant p ON "
            + "p.id = c.provider_id WHERE p.name = 'LateApi')";
    try (java.sql.Connection c = broker.sql();
        java.sql.Statement st = c.createStatement()) {
      assertThat(
              st.executeUpdate(
                  "UPDATE contract_comparison SET status = 'computing', result = NULL, claimed_by = 'dead', "
                      + "claimed_at = TIMESTAMP '2000-01-01 00:00:00' WHERE "
                      + late))
          .isEqualTo(1);
    }
    eventually(
        "the abandoned comparison to be computed again",
        () -> {
          try {
            return broker.count(
                    "contract_comparison WHERE status = 'compatible' AND result IS NOT NULL AND "
                        + late)
                == 1;
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void aProviderContractPublishTriggersProviderContractPublishedWebhooks() throws Exception {
    ok(broker.post("/pacticipants", "{\"name\":\"HookApi\"}"));
    HttpResponse<String> hook =
        broker.post(
            "/webhooks",
            "{\"description\":\"contract hook\",\"provider\":{\"name\":\"HookApi\"},"
                + "\"events\":[{\"name\":\"provider_contract_published\"}],\"request\":{\"method\":\"POST\","
                + "\"url\":\"http://localhost:9/built/${pactbroker.providerVersionNumber}\"}}");
    assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
    JsonNode published = json(ok(publishContract("HookApi", "h1", DOCUMENT, PASSED)));
    assertThat(published.path("notices").toString())
        .contains("Webhook \\\"contract hook\\\" triggered for event provider_contract_published");
    assertThat(
            broker.count(
                "triggered_webhook WHERE event_name = 'provider_contract_published' AND context LIKE '%\"providerVersionNumber\":\"h1\"%'"))
        .isEqualTo(1);
  }
}
