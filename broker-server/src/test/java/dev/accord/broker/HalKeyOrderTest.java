package dev.accord.broker;

import static dev.accord.broker.RunningBroker.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * HAL answers list their keys in one fixed order, the same on every JVM run (a {@code Map.of} body
 * changes its iteration order with the JVM's hash seed). Jackson keeps the order of the JSON text
 * it reads, so the order asserted here is the order on the wire.
 */
class HalKeyOrderTest {
  @TempDir static Path dir;

  static RunningBroker broker;

  @BeforeAll
  static void publishAndVerify() {
    broker = RunningBroker.onH2(dir);
    broker.publish("OrderCons", "1", "main", "OrderProv", "x");
    JsonNode pact = json(broker.get("/pacts/provider/OrderProv/consumer/OrderCons/version/1"));
    HttpResponse<String> r =
        broker.post(
            pact.path("_links").path("pb:publish-verification-results").path("href").asString(),
            "{\"providerApplicationVersion\":\"2\",\"success\":true,\"verifiedBy\":{\"implementation\":\"test\",\"version\":\"1\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.properties().forEach(e -> keys.add(e.getKey()));
    return keys;
  }

  private static JsonNode ok(String path) {
    HttpResponse<String> r = broker.get(path);
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return json(r);
  }

  private static void assertKeys(String path, JsonNode node, String... expected) {
    assertThat(keys(node)).as("keys of %s, in order", path).containsExactly(expected);
  }

  @Test
  void indexListsItsLinksInOneOrder() {
    JsonNode index = ok("/");
    assertKeys("/", index, "_links");
    List<String> rels = keys(index.path("_links"));
    assertThat(rels.subList(0, 4))
        .containsExactly(
            "self", "pb:publish-pact", "pb:publish-contracts", "pb:latest-pact-versions");
    assertThat(rels.subList(rels.size() - 3, rels.size()))
        .containsExactly("pb:pacticipants-with-label", "pb:metrics", "curies");
    assertKeys(
        "/ curies[0]", index.path("_links").path("curies").get(0), "name", "href", "templated");
    assertKeys("/ _links.self", index.path("_links").path("self"), "href", "title", "templated");
  }

  @Test
  void pacticipantAndBranchListTheirKeysInOneOrder() {
    JsonNode pacticipant = ok("/pacticipants/OrderCons");
    assertKeys(
        "/pacticipants/OrderCons",
        pacticipant,
        "name",
        "displayName",
        "mainBranch",
        "repositoryUrl",
        "createdAt",
        "updatedAt",
        "_links",
        "_embedded");
    assertKeys(
        "/pacticipants/OrderCons _links",
        pacticipant.path("_links"),
        "self",
        "pb:versions",
        "versions",
        "pb:branches",
        "pb:version",
        "pb:version-tag",
        "pb:branch-version",
        "pb:latest-version",
        "pb:label");
    JsonNode branch = ok("/pacticipants/OrderCons/branches/main");
    assertKeys("branch", branch, "name", "createdAt", "updatedAt", "_links");
    assertKeys("branch _links", branch.path("_links"), "self", "pb:versions", "pb:pacticipant");
  }

  @Test
  void pactListsItsKeysInOneOrder() {
    JsonNode pact = ok("/pacts/provider/OrderProv/consumer/OrderCons/version/1");
    assertKeys(
        "pact", pact, "consumer", "provider", "interactions", "metadata", "createdAt", "_links");
    assertKeys(
        "pact _links",
        pact.path("_links"),
        "self",
        "pb:pacts",
        "pb:consumer",
        "pb:consumer-version",
        "pb:consumer-versions",
        "pb:provider",
        "pb:pact-version",
        "pb:latest-pact-version",
        "pb:all-pact-versions",
        "pb:publish-verification-results",
        "pb:latest-verification-results",
        "pb:matrix-for-consumer-version");
    JsonNode latest = ok("/pacts/latest").path("pacts").get(0);
    assertKeys("/pacts/latest pacts[0]", latest, "createdAt", "_embedded", "_links");
    assertKeys(
        "/pacts/latest pacts[0]._embedded", latest.path("_embedded"), "consumer", "provider");
    assertKeys("/pacts/latest pacts[0]._links", latest.path("_links"), "self", "pb:pact");
  }

  @Test
  void verificationResultAndMatrixListTheirKeysInOneOrder() {
    JsonNode pact = ok("/pacts/provider/OrderProv/consumer/OrderCons/version/1");
    JsonNode verification =
        ok(pact.path("_links").path("pb:latest-verification-results").path("href").asString());
    assertKeys(
        "verification",
        verification,
        "providerName",
        "providerApplicationVersion",
        "success",
        "verificationDate",
        "buildUrl",
        "testResults",
        "verifiedBy",
        "_links");
    assertKeys(
        "verification _links",
        verification.path("_links"),
        "self",
        "pb:pact-version",
        "pb:provider-version");
    JsonNode matrix = ok("/matrix?q[][pacticipant]=OrderCons&q[][version]=1&latestby=cvp");
    assertKeys("matrix", matrix, "summary", "notices", "matrix");
    assertKeys(
        "matrix[0]",
        matrix.path("matrix").get(0),
        "consumer",
        "provider",
        "pact",
        "verificationResult");
  }

  @Test
  void metricsListTheirCountsInOneOrder() {
    assertKeys(
        "/metrics",
        ok("/metrics"),
        "pacticipants",
        "integrations",
        "pacticipantVersions",
        "pactPublications",
        "pactVersions",
        "verificationResults",
        "webhooks",
        "triggeredWebhooks",
        "environments",
        "deployedVersions",
        "releasedVersions",
        "_links");
  }
}
