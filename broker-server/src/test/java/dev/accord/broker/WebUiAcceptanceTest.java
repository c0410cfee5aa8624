package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The read-only web UI and the badges, on a real broker over PostgreSQL, read over HTTP as a
 * browser reads them.
 */
class WebUiAcceptanceTest {
  static RunningBroker broker;

  static final String CATALOG_PACT =
      """
      {"consumer":{"name":"ui-web"},"provider":{"name":"ui-catalog"},
       "interactions":[{"description":"a request for a <script>alert(1)</script> product",
         "providerStates":[{"name":"product 42 exists","params":{"id":42}}],
         "request":{"method":"GET","path":"/products/42","query":{"fields":["all"]},"headers":{"Accept":"application/json"}},
         "response":{"status":200,"headers":{"Content-Type":"application/json"},"body":{"id":42,"price":9.99,"tags":["new"]},
           "matchingRules":{"body":{"$.price":{"matchers":[{"match":"decimal"}]},"$.tags":{"matchers":[{"match":"type","min":1}]}}},
           "generators":{"body":{"$.id":{"type":"RandomInt","min":1,"max":10}}}}}],
       "metadata":{"pactSpecification":{"version":"3.0.0"}}}
      """;
  static final String EVENTS_PACT =
      """
      {"consumer":{"name":"ui-mailer"},"provider":{"name":"ui-catalog"},
       "messages":[{"description":"a product changed event","providerStates":[{"name":"a product changed"}],
         "contents":{"productId":7},"metaData":{"contentType":"application/json"},
         "matchingRules":{"body":{"$.productId":{"matchers":[{"match":"integer"}]}}}}],
       "metadata":{"pactSpecification":{"version":"3.0.0"}}}
      """;
  static final String FAILED_RESULTS =
      """
      [{"interactionDescription":"a request for a <script>alert(1)</script> product","success":false,
        "mismatches":[{"attribute":"body","identifier":"$.price","description":"Expected a decimal number but got \\"cheap\\""}]}]
      """;

  @BeforeAll
  static void seed() {
    broker = RunningBroker.onPostgres();
    publish("ui-web", "w1", "main", "ui-catalog", CATALOG_PACT);
    publish("ui-mailer", "m1", "main", "ui-catalog", EVENTS_PACT);
    verify("ui-catalog", "ui-web", "w1", "cat-1", true, "[]");
    verify("ui-catalog", "ui-web", "w1", "cat-2", false, FAILED_RESULTS);
    HttpResponse<String> env =
        broker.post(
            "/environments",
            "{\"name\":\"ui-prod\",\"displayName\":\"UI Production\",\"production\":true}");
    assertThat(env.statusCode()).as(env.body()).isEqualTo(201);
    String uuid = Json.parse(env.body()).path("uuid").asString();
    ok(
        broker.post(
            "/pacticipants/ui-catalog/versions/cat-1/deployed-versions/environment/" + uuid,
            "{\"applicationInstance\":\"blue\"}"));
    ok(broker.post("/pacticipants/ui-web/versions/w1/deployed-versions/environment/" + uuid, "{}"));
    HttpResponse<String> support =
        broker.post("/environments", "{\"name\":\"ui-support\",\"production\":false}");
    assertThat(support.statusCode()).as(support.body()).isEqualTo(201);
    ok(
        broker.post(
            "/pacticipants/ui-mailer/versions/m1/released-versions/environment/"
                + Json.parse(support.body()).path("uuid").asString(),
            "{}"));
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void aBrowserOpeningTheRootIsSentToTheUiWhilePactClientsKeepGettingHal() {
    HttpResponse<String> browser =
        broker.get(
            "/", "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/ui"));

    HttpResponse<String> client =
        broker.get("/", "Accept", "application/hal+json, application/json");
    assertThat(client.statusCode()).isEqualTo(200);
    assertThat(Json.parse(client.body()).path("_links").has("pb:publish-contracts")).isTrue();
    HttpResponse<String> curl = broker.get("/", "Accept", "*/*");
    assertThat(Json.parse(curl.body()).path("_links").has("pb:publish-contracts")).isTrue();
  }

  @Test
  void theIndexListsEachIntegrationWithItsLatestPactStatusAndLinks() {
    HttpResponse<String> page = html("/ui");
    assertThat(page.body())
        .contains(
            "<td class=\"name\">ui-web</td>",
            "<td class=\"name\">ui-catalog</td>",
            "<td class=\"name\">ui-mailer</td>")
        .contains(
            "<code>w1</code>", ">failed</span>", "by <code>cat-2</code>", ">unverified</span>")
        .contains("href=\"/ui/pacts/provider/ui-catalog/consumer/ui-web\"")
        .contains("href=\"/ui/matrix?consumer=ui-web&amp;provider=ui-catalog\"")
        .contains("href=\"/ui/providers/ui-catalog/usage\"")
        .contains("src=\"/pacts/provider/ui-catalog/consumer/ui-web/latest/badge\"");
    assertThat(html("/ui?q=mailer").body())
        .contains("ui-mailer")
        .doesNotContain("<td class=\"name\">ui-web</td>");
  }

  @Test
  void theIndexPagesBy100AndKeepsTheFilterAcrossPages() {
    String[] providers = new String[2 * 101];
    for (int i = 0; i < 101; i++) {
      providers[2 * i] = String.format("zz-pager-p%03d", i);
      providers[2 * i + 1] = "x";
    }
    ok(
        broker.post(
            "/contracts/publish", RunningBroker.publishBody("zz-pager", "1", "main", providers)));
    String first = html("/ui?q=zz-pager").body();
    assertThat(first)
        .contains("101 integrations", "page 1 of 2", "zz-pager-p099")
        .doesNotContain("zz-pager-p100")
        .contains("href=\"/ui?page=2&amp;q=zz-pager\"");
    String second = html("/ui?page=2&q=zz-pager").body();
    assertThat(second).contains("zz-pager-p100", "page 2 of 2").doesNotContain("zz-pager-p099");
  }

  @Test
  void aPactReadsAsDocumentationWithStatesRequestsMatchersAndGeneratorsAndEscapesItsContent() {
    String body = html("/ui/pacts/provider/ui-catalog/consumer/ui-web").body();
    assertThat(body)
        .contains("a request for a &lt;script&gt;alert(1)&lt;/script&gt; product")
        .doesNotContain("<script>alert(1)</script>")
        .contains(
            "<span class=\"state\">product 42 exists</span>", "<dt>id</dt><dd><code>42</code></dd>")
        .contains("GET /products/42?fields=all", "status 200")
        .contains("<code>$.price</code>: <span>any decimal (like 9.99)</span>")
        .contains(
            "<code>$.tags</code>: <span>an array of at least 1 element, each like &quot;new&quot;</span>")
        .contains("<code>$.id</code>: <span>a random integer from 1 to 10</span>");

    String message = html("/ui/pacts/provider/ui-catalog/consumer/ui-mailer/version/m1").body();
    assertThat(message)
        .contains(
            "a product changed event",
            ">Message</span>",
            "<code>$.productId</code>: <span>any integer (like 7)</span>");
  }

  @Test
  void unknownNamesGetA404PageThatSaysWhatIsMissing() {
    HttpResponse<String> r =
        broker.get("/ui/pacts/provider/ui-catalog/consumer/nobody", "Accept", "text/html");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(r.body()).contains("The broker knows no pacticipant named &#39;nobody&#39;");
    HttpResponse<String> version =
        broker.get(
            "/ui/pacts/provider/ui-catalog/consumer/ui-web/version/nope", "Accept", "text/html");
    assertThat(version.statusCode()).isEqualTo(404);
    assertThat(version.body()).contains("The broker has no version nope of ui-web.");
    assertThat(broker.get("/ui/matrix?consumer=ghost&provider=ui-catalog").statusCode())
        .isEqualTo(404);
    HttpResponse<String> badLimit =
        broker.get("/ui/matrix?consumer=ui-web&provider=ui-catalog&limit=lots");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(badLimit.body())
        .contains(
            "The query parameter &#39;limit&#39; must be a whole number, got &#39;lots&#39;.");
    assertThat(broker.get("/ui?page=x").statusCode()).isEqualTo(400);
  }

  @Test
  void theMatrixOfAPairShowsEachVerificationAndNamesTheFailingField() {
    String body = html("/ui/matrix?consumer=ui-web&provider=ui-catalog").body();
    assertThat(body)
        .contains("<code>cat-1</code>", "<code>cat-2</code>", ">verified</span>", ">failed</span>")
        .contains(
            "Interaction &quot;a request for a &lt;script&gt;alert(1)&lt;/script&gt; product&quot; failed:")
        .contains("body $.price: Expected a decimal number but got &quot;cheap&quot;");
    String successOnly =
        html("/ui/matrix?consumer=ui-web&provider=ui-catalog&successOnly=true").body();
    assertThat(successOnly).contains("<code>cat-1</code>").doesNotContain("<code>cat-2</code>");
    String byProviderVersion =
        html("/ui/matrix?consumer=ui-web&provider=ui-catalog&providerVersion=cat-2").body();
    assertThat(byProviderVersion)
        .contains("<code>cat-2</code>")
        .doesNotContain("<code>cat-1</code>");
  }

  @Test
  void environmentsShowWhatIsDeployedPerInstanceAndWhatIsReleased() {
    String body = html("/ui/environments").body();
    assertThat(body)
        .contains(
            "UI Production",
            "<td class=\"name\">ui-catalog</td><td><code>cat-1</code></td>",
            "<td>blue</td>")
        .contains("<td class=\"name\">ui-web</td><td><code>w1</code></td>")
        .contains(
            "Released (supported)", "<td class=\"name\">ui-mailer</td><td><code>m1</code></td>");
  }

  @Test
  void canIDeployGivesTheSameDecisionAndReasonsAsTheApi() {
    String api =
        broker
            .get(
                "/can-i-deploy?pacticipant=ui-catalog&version=cat-2&environment=ui-prod",
                "Accept",
                "application/hal+json")
            .body();
    String firstReason = Json.parse(api).path("summary").path("reason").asString();
    String page =
        html("/ui/can-i-deploy?pacticipant=ui-catalog&version=cat-2&environment=ui-prod").body();
    assertThat(page)
        .contains("class=\"verdict no\"", "cannot be deployed to")
        .contains("body $.price: Expected a decimal number but got &quot;cheap&quot;")
        .contains(
            firstReason
                .lines()
                .findFirst()
                .orElseThrow()
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;"));
    assertThat(
            html("/ui/can-i-deploy?pacticipant=ui-catalog&version=cat-1&environment=ui-prod")
                .body())
        .contains(
            "class=\"verdict yes\"",
            "All required verification results are published and successful");

    HttpResponse<String> unknownEnvironment =
        broker.get("/ui/can-i-deploy?pacticipant=ui-catalog&version=cat-1&environment=mars");
    assertThat(unknownEnvironment.statusCode()).isEqualTo(400);
    assertThat(unknownEnvironment.body())
        .contains("Environment with name &#39;mars&#39; does not exist.");
    assertThat(html("/ui/can-i-deploy").body())
        .contains("<option value=\"ui-prod\">ui-prod</option>");
  }

  @Test
  void badgesAreSvgDrawnByTheBrokerForVerifiedFailedAndUnknown() {
    publish("ui-badges", "b1", "main", "ui-catalog", CATALOG_PACT.replace("ui-web", "ui-badges"));
    verify("ui-catalog", "ui-badges", "b1", "cat-1", false, FAILED_RESULTS);
    HttpResponse<String> failed =
        broker.get("/pacts/provider/ui-catalog/consumer/ui-badges/latest/badge");
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(failed.headers().firstValue("Cache-Control")).hasValue("max-age=30");
    assertThat(failed.body()).startsWith("<svg").contains(">failed</text>", ">pact</text>");

    verify("ui-catalog", "ui-badges", "b1", "cat-3", true, "[]");
    assertThat(broker.get("/pacts/provider/ui-catalog/consumer/ui-badges/latest/badge").body())
        .contains(">verified</text>");
    assertThat(broker.get("/pacts/provider/ui-catalog/consumer/ui-mailer/latest/badge").body())
        .contains(">unknown</text>");
    assertThat(broker.get("/pacts/provider/ui-catalog/consumer/nobody/latest/badge").body())
        .contains(">unknown</text>");
    assertThat(
            broker
                .get("/pacts/provider/ui-catalog/consumer/ui-badges/latest-untagged/badge")
                .body())
        .contains(">verified</text>");
    assertThat(broker.get("/pacts/provider/ui-catalog/consumer/ui-badges/latest/prod/badge").body())
        .contains(">unknown</text>");
    ok(broker.put("/pacticipants/ui-badges/versions/b1/tags/prod", "{}"));
    assertThat(broker.get("/pacts/provider/ui-catalog/consumer/ui-badges/latest/prod/badge").body())
        .contains(">verified</text>");

    String labelled =
        broker
            .get("/pacts/provider/ui-catalog/consumer/ui-badges/latest/badge?label=%3Cb%3E%26co")
            .body();
    assertThat(labelled).contains(">&lt;b&gt;&amp;co</text>").doesNotContain("<b>");
  }

  @Test
  void uiPagesOnlyRead() {
    assertThat(broker.post("/ui/can-i-deploy", "{}").statusCode()).isEqualTo(405);
    assertThat(broker.post("/ui", "{}").statusCode()).isEqualTo(405);
  }

  // ---- helpers ----

  static HttpResponse<String> html(String path) {
    HttpResponse<String> r = broker.get(path, "Accept", "text/html");
    assertThat(r.statusCode()).as(path + ":\n" + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    return r;
  }

  static void ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
  }

  static void publish(
      String consumer, String version, String branch, String provider, String pact) {
    String content = Base64.getEncoder().encodeToString(pact.getBytes(StandardCharsets.UTF_8));
    ok(
        broker.post(
            "/contracts/publish",
            "{\"pacticipantName\":\""
                + consumer
                + "\",\"pacticipantVersionNumber\":\""
                + version
                + "\",\"branch\":\""
                + branch
                + "\",\"contracts\":[{\"consumerName\":\""
                + consumer
                + "\",\"providerName\":\""
                + provider
                + "\",\"specification\":\"pact\",\"contentType\":\"application/json\",\"content\":\""
                + content
                + "\"}]}"));
  }

  static void verify(
      String provider,
      String consumer,
      String consumerVersion,
      String providerVersion,
      boolean success,
      String testResults) {
    JsonNode pact =
        Json.parse(
            broker
                .get(
                    "/pacts/provider/"
                        + provider
                        + "/consumer/"
                        + consumer
                        + "/version/"
                        + consumerVersion)
                .body());
    String href =
        pact.path("_links").path("pb:publish-verification-results").path("href").asString();
    HttpResponse<String> r =
        broker.post(
            href,
            "{\"providerApplicationVersion\":\""
                + providerVersion
                + "\",\"success\":"
                + success
                + ",\"testResults\":"
                + testResults
                + ",\"verifiedBy\":{\"implementation\":\"test\",\"version\":\"1\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
