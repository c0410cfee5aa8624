package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The network page, its JSON and DOT, and the usage map, on a real broker on PostgreSQL. */
class NetworkAndUsageAcceptanceTest {
  static RunningBroker broker;
  static final String ODD = "mobile<b>&co";

  @BeforeAll
  static void seed() {
    broker = RunningBroker.onPostgres();
    // GIVEN web -> products (verified), web -> billing (failed), ODD -> products (not verified),
    // and a lonely service
    publish(publishBody("web", "1.0.0", "main", "products", "widget", "billing", "invoice"));
    publish(publishBody(ODD, "7.1.0", "main", "products", "gadget"));
    verify("products", "web", "1.0.0", "p-1", true);
    verify("billing", "web", "1.0.0", "b-1", false);
    HttpResponse<String> lonely = broker.post("/pacticipants", "{\"name\":\"lonely\"}");
    assertThat(lonely.statusCode()).as(lonely.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private static void publish(String body) {
    HttpResponse<String> r = broker.post("/contracts/publish", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static void verify(
      String provider,
      String consumer,
      String consumerVersion,
      String providerVersion,
      boolean success) {
    JsonNode pactDoc =
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
        pactDoc.path("_links").path("pb:publish-verification-results").path("href").asString();
    HttpResponse<String> r =
        broker.post(
            href,
            "{\"providerApplicationVersion\":\""
                + providerVersion
                + "\",\"success\":"
                + success
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void theNetworkJsonListsEveryServiceAndEachIntegrationWithItsVerificationStatus() {
    HttpResponse<String> r = broker.get("/ui/network.json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode graph = Json.parse(r.body());
    List<String> names = new ArrayList<>();
    graph.path("nodes").forEach(n -> names.add(n.path("name").asString()));
    assertThat(names).containsExactlyInAnyOrder("web", "products", "billing", ODD, "lonely");
    List<String> edges = new ArrayList<>();
    graph
        .path("edges")
        .forEach(
            e ->
                edges.add(
                    names.get(e.path("source").asInt())
                        + " -> "
                        + names.get(e.path("target").asInt())
                        + ": "
                        + e.path("status").asString()));
    assertThat(edges)
        .containsExactlyInAnyOrder(
            "web -> products: verified",
            "web -> billing: failed",
            ODD + " -> products: unverified");
    assertThat(graph.path("counts").path("failed").asInt()).isEqualTo(1);
    // consumers are laid out left of their providers
    JsonNode web = graph.path("nodes").get(names.indexOf("web"));
    JsonNode products = graph.path("nodes").get(names.indexOf("products"));
    assertThat(web.path("x").asDouble()).isLessThan(products.path("x").asDouble());
  }

  @Test
  void askingTheJsonForHtmlOnlyIsA406ThatSaysWhatItAnswersNotA500() {
    HttpResponse<String> r = broker.get("/ui/network.json", "Accept", "text/html");
    assertThat(r.statusCode()).isEqualTo(406);
    assertThat(r.body())
        .contains(
            "/ui/network.json cannot answer in the media types of your Accept header (text/html)",
            "application/json");
  }

  @Test
  void theNetworkPageIsHtmlThatLoadsTheBundledScriptAndCarriesTheFocus() {
    HttpResponse<String> page = broker.get("/ui/network?focus=" + enc(ODD));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body())
        .contains(
            "<title>Network · Accord broker</title>",
            "<canvas id=\"network-canvas\"",
            "/ui/network.js",
            "data-focus=\"mobile&lt;b&gt;&amp;co\"")
        .doesNotContain(ODD);
    HttpResponse<String> script = broker.get("/ui/network.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("accordNetworkReady");
  }

  @Test
  void integrationsAsGraphvizOnRequestAndUnchangedHalOtherwise() {
    HttpResponse<String> dot = broker.get("/integrations", "Accept", "text/vnd.graphviz");
    assertThat(dot.statusCode()).isEqualTo(200);
    assertThat(dot.headers().firstValue("Content-Type").orElse("")).startsWith("text/vnd.graphviz");
    assertThat(dot.body())
        .startsWith("digraph pacts {")
        .contains(
            "\"web\" -> \"billing\" [color=\"#c62828\", tooltip=\"failed\"];",
            "\"mobile<b>&co\" -> \"products\"");
    for (String accept : new String[] {"application/hal+json", "*/*", "application/json"}) {
      HttpResponse<String> hal = broker.get("/integrations", "Accept", accept);
      assertThat(hal.statusCode()).isEqualTo(200);
      assertThat(Json.parse(hal.body()).path("_embedded").path("integrations").size())
          .as(accept)
          .isEqualTo(3);
    }
  }

  @Test
  void theUsageMapListsEachConsumerUnderTheFieldsItUsesWithItsVersionAndMatcher() {
    HttpResponse<String> r = broker.get("/ui/providers/products/usage");
    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body().replaceAll("\\s+", " ");
    assertThat(html)
        .contains(
            "Who uses <span>products</span>?",
            "GET /thing/1",
            "body $.name",
            "header Content-Type",
            "<td class=\"count\">2</td>",
            "<span class=\"matcher\">exact</span>: <span>mobile&lt;b&gt;&amp;co 7.1.0, web 1.0.0</span>",
            "<span>mobile&lt;b&gt;&amp;co</span> <span class=\"version\" title=\"7.1.0\">7.1.0</span>",
            "Used by <strong>2</strong> consumers",
            "(<span>main branch</span>)")
        .doesNotContain(ODD);
  }

  @Test
  void theUsageMapFiltersByField() {
    String html = broker.get("/ui/providers/products/usage?q=" + enc("$.name")).body();
    assertThat(html)
        .contains("body $.name")
        .doesNotContain("body $.id")
        .contains("match <q>$.name</q>");
  }

  @Test
  void anUnknownProviderIsA404PageThatSaysSoWithTheNameEscaped() {
    HttpResponse<String> r = broker.get("/ui/providers/" + enc("<i>nope</i>") + "/usage");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body())
        .contains("No provider named <q>&lt;i&gt;nope&lt;/i&gt;</q>")
        .doesNotContain("<i>nope</i>");
  }

  @Test
  void aProviderNobodyConsumesHasAnEmptyUsageMap() {
    HttpResponse<String> r = broker.get("/ui/providers/lonely/usage");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("No consumer has published a pact with <span>lonely</span> yet.");
  }
}
