package dev.accord.broker;

import static dev.accord.broker.RunningBroker.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the standard Pact clients' own consumer contracts (pact_broker-client's "Pact Broker Client
 * V2 - Pact Broker" pact) ask of a Pact Broker, one test per point where the Accord broker used to
 * answer otherwise.
 */
class ClientContractsTest {
  static RunningBroker broker;

  @BeforeAll
  static void start() {
    broker = RunningBroker.onPostgres();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private static void verify(
      String provider,
      String consumer,
      String consumerVersion,
      String providerVersion,
      boolean success) {
    JsonNode pact =
        json(
            broker.get(
                "/pacts/provider/"
                    + provider
                    + "/consumer/"
                    + consumer
                    + "/version/"
                    + consumerVersion));
    HttpResponse<String> r =
        broker.post(
            pact.path("_links").path("pb:publish-verification-results").path("href").asString(),
            "{\"providerApplicationVersion\":\""
                + providerVersion
                + "\",\"success\":"
                + success
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static List<String> strings(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asString()));
    return out;
  }

  @Test
  void theEnvironmentsListLinksEachEnvironmentByNameAsTheCliFindsItForRecordUndeployment() {
    // GIVEN an environment
    HttpResponse<String> created =
        broker.post(
            "/environments",
            "{\"name\":\"cc-test\",\"displayName\":\"CC Test\",\"production\":false}");
    String uuid = json(created).path("uuid").asString();

    // WHEN the client lists the environments
    JsonNode list = json(broker.get("/environments", "Accept", "application/hal+json"));

    // THEN _links["pb:environments"] is a list of {name, href} naming it
    JsonNode links = list.path("_links").path("pb:environments");
    assertThat(links.isArray()).as(list.toString()).isTrue();
    JsonNode mine = null;
    for (JsonNode l : links) {
      if (l.path("name").asString().equals("cc-test")) {
        mine = l;
      }
    }
    assertThat(mine).as(links.toString()).isNotNull();
    assertThat(mine.path("href").asString()).isEqualTo(broker.baseUrl + "/environments/" + uuid);
    assertThat(mine.path("title").asString()).isEqualTo("CC Test");
  }

  @Test
  void theMatrixHonoursSuccessTrueAndListsOnlySuccessfulRows() {
    // GIVEN Foo 1 verified by Bar 4 successfully and Foo 2 verified by Bar 9 unsuccessfully
    broker.publish("CcFoo", "1.2.3", "main", "CcBar", "a");
    broker.publish("CcFoo", "1.2.4", "main", "CcBar", "b");
    verify("CcBar", "CcFoo", "1.2.3", "4.5.6", true);
    verify("CcBar", "CcFoo", "1.2.4", "9.9.9", false);

    // WHEN the client asks for the successful rows
    JsonNode all =
        json(broker.get("/matrix?latestby=cvpv&q[][pacticipant]=CcFoo&q[][pacticipant]=CcBar"));
    JsonNode successful =
        json(
            broker.get(
                "/matrix?latestby=cvpv&q[][pacticipant]=CcFoo&q[][pacticipant]=CcBar&success[]=true"));

    // THEN only the successful row is listed; the unfiltered matrix also has the failed and the
    // unverified pairs
    assertThat(all.path("matrix")).hasSize(4);
    int unverified = 0;
    for (JsonNode row : all.path("matrix")) {
      unverified += row.path("verificationResult").isNull() ? 1 : 0;
    }
    assertThat(unverified).isEqualTo(2);
    assertThat(successful.path("matrix")).hasSize(1);
    assertThat(
            successful.path("matrix").get(0).path("verificationResult").path("success").asBoolean())
        .isTrue();
    assertThat(
            successful
                .path("matrix")
                .get(0)
                .path("provider")
                .path("version")
                .path("number")
                .asString())
        .isEqualTo("4.5.6");
  }

  @Test
  void consideredRowsComeBeforeIgnoredRows() {
    // GIVEN provider Baz 4.5.6 verified Qux 1.2.3 (prod) successfully and Qux 3.4.5 (prod, the
    // newer) unsuccessfully;
    // the failure is ignored
    broker.publish("CcQux", "1.2.3", "main", "CcBaz", "a");
    broker.publish("CcQux", "3.4.5", "main", "CcBaz", "b");
    broker.put("/pacticipants/CcQux/versions/1.2.3/tags/prod", "{}");
    broker.put("/pacticipants/CcQux/versions/3.4.5/tags/prod", "{}");
    verify("CcBaz", "CcQux", "1.2.3", "4.5.6", true);
    verify("CcBaz", "CcQux", "3.4.5", "4.5.6", false);

    // WHEN can-i-deploy ignores Qux 3.4.5
    JsonNode m =
        json(
            broker.get(
                "/matrix?ignore[][pacticipant]=CcQux&ignore[][version]=3.4.5&latestby=cvpv"
                    + "&q[][pacticipant]=CcBaz&q[][version]=4.5.6&q[][pacticipant]=CcQux&q[][tag]=prod"));

    // THEN the considered row is first, the ignored one after it, and the answer is yes
    assertThat(m.path("matrix")).hasSize(2);
    assertThat(m.path("matrix").get(0).path("consumer").path("version").path("number").asString())
        .isEqualTo("1.2.3");
    assertThat(m.path("matrix").get(0).has("ignored")).isFalse();
    assertThat(m.path("matrix").get(1).path("ignored").asBoolean()).isTrue();
    assertThat(m.path("summary").path("deployable").asBoolean()).isTrue();
    assertThat(m.path("summary").path("ignored").asInt()).isEqualTo(1);
  }

  @Test
  void theLatestPactCarriesTheConsumerVersionHeader() {
    broker.publish("CcCondor", "1.3.0", "main", "CcPricing", "a");

    HttpResponse<String> latest = broker.get("/pacts/provider/CcPricing/consumer/CcCondor/latest");

    assertThat(latest.statusCode()).isEqualTo(200);
    assertThat(latest.headers().firstValue("X-Pact-Consumer-Version")).contains("1.3.0");
    assertThat(latest.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/hal+json");
  }

  @Test
  void aPacticipantAndTheEntriesOfTheListEmbedTheirLatestVersionAndTheListLinksEachPacticipant() {
    broker.publish("CcCondor2", "1.2.0", "main", "CcPricing2", "a");
    broker.publish("CcCondor2", "1.3.0", "main", "CcPricing2", "b");

    JsonNode one = json(broker.get("/pacticipants/CcCondor2"));
    JsonNode list = json(broker.get("/pacticipants"));

    assertThat(one.path("_embedded").path("latest-version").path("number").asString())
        .isEqualTo("1.3.0");
    assertThat(
            one.path("_embedded")
                .path("latest-version")
                .path("_links")
                .path("self")
                .path("href")
                .asString())
        .isEqualTo(broker.baseUrl + "/pacticipants/CcCondor2/versions/1.3.0");
    assertThat(one.path("_links").path("versions").path("href").asString())
        .isEqualTo(broker.baseUrl + "/pacticipants/CcCondor2/versions");
    JsonNode entry = null;
    for (JsonNode p : list.path("pacticipants")) {
      if (p.path("name").asString().equals("CcCondor2")) {
        entry = p;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.path("_embedded").path("latest-version").path("number").asString())
        .isEqualTo("1.3.0");
    assertThat(strings(list.path("_links").path("pacticipants"), "title"))
        .contains("CcCondor2", "CcPricing2");
    assertThat(strings(list.path("_links").path("pacticipants"), "href"))
        .contains(broker.baseUrl + "/pacticipants/CcCondor2");
    // a pacticipant without versions has no latest-version
    assertThat(json(broker.get("/pacticipants/CcPricing2")).path("_embedded").has("latest-version"))
        .isFalse();
  }

  @Test
  void theEntriesOfPactsLatestCarryTwoSelfLinksLatestAndByVersion() {
    broker.publish("CcCondor3", "1.3.0", "main", "Cc Pricing Service", "a");

    JsonNode latest = json(broker.get("/pacts/latest"));

    JsonNode entry = null;
    for (JsonNode p : latest.path("pacts")) {
      if (p.path("_embedded").path("consumer").path("name").asString().equals("CcCondor3")) {
        entry = p;
      }
    }
    assertThat(entry).as(latest.toString()).isNotNull();
    assertThat(strings(entry.path("_links").path("self"), "href"))
        .containsExactly(
            broker.baseUrl + "/pacts/provider/Cc%20Pricing%20Service/consumer/CcCondor3/latest",
            broker.baseUrl
                + "/pacts/provider/Cc%20Pricing%20Service/consumer/CcCondor3/version/1.3.0");
    assertThat(
            entry
                .path("_embedded")
                .path("consumer")
                .path("_embedded")
                .path("version")
                .path("number")
                .asString())
        .isEqualTo("1.3.0");
  }

  private static String webhook(String scope, String request) {
    return "{\"description\":\"a webhook\","
        + scope
        + "\"events\":[{\"name\":\"contract_content_changed\"}],\"request\":"
        + request
        + "}";
  }

  private static final String REQUEST =
      "{\"method\":\"POST\",\"url\":\"https://webhook.example.com/build\",\"headers\":{\"Foo\":\"bar\"},"
          + "\"body\":{\"some\":\"body\"}}";

  @Test
  void creatingAWebhookForAPairThatDoesNotExistIs404() {
    HttpResponse<String> r =
        broker.post(
            "/webhooks/provider/Cc%20Nobody/consumer/CcNoCondor",
            webhook("", REQUEST), "Accept", "application/hal+json");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    assertThat(json(r).path("errors").get(0).asString()).contains("CcNoCondor");
  }

  @Test
  void aWebhookWithoutAMethodIsRefusedNamingTheField() {
    broker.publish("CcHookC", "1", "main", "CcHookP", "a");

    HttpResponse<String> r =
        broker.post(
            "/webhooks/provider/CcHookP/consumer/CcHookC",
            webhook("", "{\"url\":\"https://webhook.example.com/build\"}"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json(r).path("errors").path("request.method").get(0).asString())
        .isEqualTo("is missing; give the HTTP method to call, e.g. \"POST\"");
  }

  @Test
  void webhookUrlsWithASpaceHeaderValuesWithCrlfAndTheBroadcastAddressAreRefusedAtCreation() {
    HttpResponse<String> space =
        broker.post(
            "/webhooks",
            webhook("", "{\"method\":\"POST\",\"url\":\"https://webhook.example.com/a b\"}"));
    HttpResponse<String> crlf =
        broker.post(
            "/webhooks",
            webhook(
                "",
                "{\"method\":\"POST\",\"url\":\"https://webhook.example.com/b\",\"headers\":{\"X-Evil\":\"a\\r\\nHost: other\"}}"));
    HttpResponse<String> broadcast =
        broker.post(
            "/webhooks", webhook("", "{\"method\":\"POST\",\"url\":\"https://255.255.255.255/\"}"));

    assertThat(space.statusCode()).as(space.body()).isEqualTo(400);
    assertThat(json(space).path("errors").path("request.url").get(0).asString())
        .isEqualTo(
            "\"https://webhook.example.com/a b\" contains a space, which is not allowed in a URL; percent-encode it (a space is %20)");
    assertThat(crlf.statusCode()).as(crlf.body()).isEqualTo(400);
    assertThat(json(crlf).path("errors").path("request.headers").get(0).asString())
        .isEqualTo(
            "the value of \"X-Evil\" contains a line break (CR or LF) or NUL, which would split the request; give a single-line value");
    assertThat(broadcast.statusCode()).as(broadcast.body()).isEqualTo(400);
    assertThat(json(broadcast).path("errors").path("request.url").get(0).asString())
        .startsWith(
            "host \"255.255.255.255\" resolves to 255.255.255.255, a broadcast (255.255.255.255) address; webhooks may not target internal");
  }

  @Test
  void pacticipantLabelsCanBePutReadListedAndDeletedAndAreLinkedFromThePacticipant()
      throws Exception {
    broker.publish("CcLabelled", "1", "main", "CcLabelProvider", "a");

    HttpResponse<String> put = broker.put("/pacticipants/CcLabelled/labels/team-a", "{}");
    HttpResponse<String> again = broker.put("/pacticipants/CcLabelled/labels/team-a", "{}");
    HttpResponse<String> read = broker.get("/pacticipants/CcLabelled/labels/team-a");
    JsonNode byLabel = json(broker.get("/pacticipants/label/team-a"));
    JsonNode pacticipant = json(broker.get("/pacticipants/CcLabelled"));

    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(json(put).path("name").asString()).isEqualTo("team-a");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read).path("_links").path("pb:pacticipant").path("href").asString())
        .isEqualTo(broker.baseUrl + "/pacticipants/CcLabelled");
    assertThat(strings(byLabel.path("_embedded").path("pacticipants"), "name"))
        .containsExactly("CcLabelled");
    assertThat(strings(pacticipant.path("_embedded").path("labels"), "name"))
        .containsExactly("team-a");
    assertThat(pacticipant.path("_links").path("pb:label").path("href").asString())
        .isEqualTo(broker.baseUrl + "/pacticipants/CcLabelled/labels/{label}");
    assertThat(pacticipant.path("_links").path("pb:label").path("templated").asBoolean()).isTrue();
    assertThat(
            json(broker.get("/"))
                .path("_links")
                .path("pb:pacticipants-with-label")
                .path("href")
                .asString())
        .isEqualTo(broker.baseUrl + "/pacticipants/label/{label}");

    HttpResponse<String> deleted = broker.delete("/pacticipants/CcLabelled/labels/team-a");
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(broker.get("/pacticipants/CcLabelled/labels/team-a").statusCode()).isEqualTo(404);
    assertThat(
            json(broker.get("/pacticipants/label/team-a")).path("_embedded").path("pacticipants"))
        .isEmpty();
  }

  @Test
  void aWebhookScopedByConsumerLabelFiresOnlyForConsumersCarryingTheLabel() throws Exception {
    // GIVEN a webhook for consumers labelled "mobile", and two consumers of which one carries the
    // label
    broker.publish("CcMobileApp", "1", "main", "CcLabelApi", "a");
    broker.publish("CcWebApp", "1", "main", "CcLabelApi", "a");
    assertThat(broker.put("/pacticipants/CcMobileApp/labels/mobile", "{}").statusCode())
        .isEqualTo(201);
    HttpResponse<String> created =
        broker.post("/webhooks", webhook("\"consumer\":{\"label\":\"mobile\"},", REQUEST));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).path("consumer").path("label").asString()).isEqualTo("mobile");
    String uuid = json(created).path("uuid").asString();

    // WHEN both publish changed content
    broker.publish("CcMobileApp", "2", "main", "CcLabelApi", "changed");
    broker.publish("CcWebApp", "2", "main", "CcLabelApi", "changed");

    // THEN it fired once, for the labelled consumer
    long mobileId = id("CcMobileApp");
    assertThat(broker.count("triggered_webhook WHERE webhook_uuid = '" + uuid + "'")).isEqualTo(1);
    assertThat(
            broker.count(
                "triggered_webhook WHERE webhook_uuid = '"
                    + uuid
                    + "' AND consumer_id = "
                    + mobileId))
        .isEqualTo(1);
  }

  private static long id(String name) throws Exception {
    try (var c = broker.sql();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT id FROM pacticipant WHERE name = '" + name + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theIndexLatestMainBranchPactVersionsRelationAnswers() {
    broker.put("/pacticipants/CcMainC", "{\"mainBranch\":\"main\"}");
    broker.publish("CcMainC", "m1", "main", "CcMainP", "a");
    broker.publish("CcMainC", "m2", "main", "CcMainP", "b");
    broker.publish("CcMainC", "f1", "feature-x", "CcMainP", "c");
    String template =
        json(broker.get("/"))
            .path("_links")
            .path("pb:latest-main-branch-pact-versions")
            .path("href")
            .asString();

    HttpResponse<String> r =
        broker.get(template.replace("{provider}", "CcMainP").replace("{consumer}", "CcMainC"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(strings(json(r).path("_links").path("pb:pacts"), "href"))
        .containsExactly(broker.baseUrl + "/pacts/provider/CcMainP/consumer/CcMainC/version/m2");
  }

  @Test
  void theIndexLinksMetricsWhichCountWhatTheBrokerHolds() throws Exception {
    broker.publish("CcMetricsC", "1", "main", "CcMetricsP", "a");
    verify("CcMetricsP", "CcMetricsC", "1", "p1", true);
    String href = json(broker.get("/")).path("_links").path("pb:metrics").path("href").asString();
    assertThat(href).isEqualTo(broker.baseUrl + "/metrics");

    JsonNode metrics = json(broker.get(href));

    assertThat(metrics.path("pacticipants").path("count").asLong())
        .isEqualTo(broker.count("pacticipant"))
        .isPositive();
    assertThat(metrics.path("pacticipantVersions").path("count").asLong())
        .isEqualTo(broker.count("version"));
    assertThat(metrics.path("pactPublications").path("count").asLong())
        .isEqualTo(broker.count("pact_publication"));
    assertThat(metrics.path("verificationResults").path("count").asLong())
        .isEqualTo(broker.count("verification"))
        .isPositive();
    assertThat(metrics.path("webhooks").path("count").asLong()).isEqualTo(broker.count("webhook"));
  }
}
