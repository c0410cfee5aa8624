package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.ProviderState;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.RuleLogic;
import dev.accord.pact.model.SyncMessageInteraction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PactReaderTest {

  private static final String HEAD =
      "{\"consumer\": {\"name\": \"c\"}, \"provider\": {\"name\": \"p\"}, ";

  @Test
  void v2PactReadsQueryStringsFlatRulesAndCommaSeparatedHeaders() {
    // GIVEN a V2 pact with a query string, flat matching rules and a legacy providerState
    Pact pact = PactReader.read(Fixtures.load("roundtrip/v2.json"), "v2.json");

    // THEN everything lands in the model's V3 shapes
    assertThat(pact.specification()).isEqualTo(PactSpecification.V2);
    HttpInteraction interaction = pact.httpInteractions().get(0);
    assertThat(interaction.providerStates()).containsExactly(ProviderState.of("products exist"));
    assertThat(interaction.request().method()).isEqualTo("get");
    assertThat(interaction.request().query())
        .isEqualTo(
            Map.of("q", List.of("red shoes"), "page", List.of("2", "3"), "flag", List.of("")));
    assertThat(interaction.request().headers()).containsEntry("X-Ids", List.of("1", "2", "3"));
    assertThat(interaction.request().matchingRules().category(Category.QUERY))
        .containsEntry("page", RuleList.of(new MatchingRule.Regex("\\d+")));
    assertThat(interaction.request().matchingRules().category(Category.HEADER))
        .containsEntry("Accept", RuleList.of(new MatchingRule.Regex("application/.*")));
    assertThat(interaction.request().matchingRules().category(Category.PATH))
        .containsEntry("", RuleList.of(new MatchingRule.Regex("/products.*")));
    assertThat(interaction.response().matchingRules().category(Category.BODY))
        .containsExactly(
            Map.entry("$.items", RuleList.of(new MatchingRule.Type(1, null))),
            Map.entry("$.items[*].id", RuleList.of(MatchingRule.Type.any())),
            Map.entry("$['total']", RuleList.of(new MatchingRule.IntegerType())),
            Map.entry("$.items[*].price", RuleList.of(new MatchingRule.DecimalType())));
    assertThat(interaction.response().matchingRules().category(Category.HEADER))
        .containsEntry("Content-Type", RuleList.of(new MatchingRule.Regex("application/json.*")));
    assertThat(interaction.response().body().asJson().get("total").intValue()).isEqualTo(1);
  }

  @Test
  void v11PactReadsSnakeCaseStateAndResponseMatchingRules() {
    Pact pact = PactReader.read(Fixtures.load("roundtrip/v1_1.json"), "v1_1.json");

    assertThat(pact.specification()).isEqualTo(PactSpecification.V1_1);
    HttpInteraction interaction = pact.httpInteractions().get(0);
    assertThat(interaction.providerStates()).containsExactly(ProviderState.of("product 1 exists"));
    assertThat(interaction.request().query()).isEqualTo(Map.of("a", List.of("1")));
    assertThat(interaction.response().matchingRules().category(Category.BODY))
        .containsEntry("$.id", RuleList.of(MatchingRule.Type.any()));
  }

  @Test
  void noMetadataMeansV2AndLegacyVersionKeysAreRead() {
    assertThat(PactReader.read(HEAD + "\"interactions\": []}", "x").specification())
        .isEqualTo(PactSpecification.V2);
    assertThat(
            PactReader.read(
                    HEAD
                        + "\"interactions\": [], \"metadata\": {\"pact-specification\": {\"version\": \"3.0.0\"}}}",
                    "x")
                .specification())
        .isEqualTo(PactSpecification.V3);
    assertThat(
            PactReader.read(
                    HEAD
                        + "\"interactions\": [], \"metadata\": {\"pactSpecificationVersion\": \"4.0\"}}",
                    "x")
                .specification())
        .isEqualTo(PactSpecification.V4);
  }

  @Test
  void singleValueHeadersAreNotSplitOnCommas() {
    Pact pact = PactReader.read(Fixtures.load("roundtrip/v3-http.json"), "v3-http.json");
    HttpInteraction interaction = pact.httpInteractions().get(0);

    assertThat(interaction.request().headers())
        .containsEntry("Accept", List.of("application/json", "application/hal+json"))
        .containsEntry("If-Modified-Since", List.of("Wed, 21 Oct 2015 07:28:00 GMT"));
  }

  @Test
  void v3BodiesFollowTheContentType() {
    Pact pact = PactReader.read(Fixtures.load("roundtrip/v3-http.json"), "v3-http.json");

    Body text = pact.httpInteractions().get(1).request().body();
    assertThat(text.contentType()).contains(ContentType.TEXT);
    assertThat(text.asString()).isEqualTo("Widget");
    assertThat(pact.httpInteractions().get(1).response().body().isEmpty()).isTrue();
    Body jsonString = pact.httpInteractions().get(2).request().body();
    assertThat(jsonString.asJson().stringValue()).isEqualTo("just a string");
    Body binary = pact.httpInteractions().get(2).response().body();
    assertThat(binary.asBytes()).containsExactly(1, 2, 3);
  }

  @Test
  void v3MessagePactReadsMetaDataAndBodyRules() {
    Pact pact = PactReader.read(Fixtures.load("roundtrip/v3-message.json"), "v3-message.json");

    assertThat(pact.specification()).isEqualTo(PactSpecification.V3);
    AsyncMessageInteraction message = (AsyncMessageInteraction) pact.interactions().get(0);
    assertThat(message.contents().metadata().get("destination").stringValue())
        .isEqualTo("orders.placed");
    assertThat(message.contents().contentType()).contains(ContentType.JSON);
    assertThat(message.contents().matchingRules().category(Category.BODY)).containsKey("$.orderId");
    assertThat(message.contents().matchingRules().category(Category.METADATA))
        .containsKey("destination");
    AsyncMessageInteraction text = (AsyncMessageInteraction) pact.interactions().get(1);
    assertThat(text.contents().contents().asString()).isEqualTo("order o-1 shipped");
  }

  @Test
  void v4ReadsAllThreeKindsAndEveryBodyEncoding() {
    Pact pact = PactReader.read(Fixtures.load("roundtrip/v4-all-kinds.json"), "v4.json");

    assertThat(pact.interactions())
        .extracting(i -> i.type())
        .containsExactly(
            "Synchronous/HTTP",
            "Asynchronous/Messages",
            "Synchronous/Messages",
            "Synchronous/HTTP",
            "Synchronous/HTTP");
    HttpInteraction http = (HttpInteraction) pact.interactions().get(0);
    assertThat(http.key()).contains("pact-jvm-key-1");
    assertThat(http.pending()).isTrue();
    assertThat(http.comments()).containsKeys("testname", "text");
    assertThat(http.extensions()).containsOnlyKeys("pluginConfiguration", "transport");
    assertThat(http.response().matchingRules().category(Category.BODY).get("$.tags[*]").combine())
        .isEqualTo(RuleLogic.OR);
    assertThat(http.response().generators().category(Category.BODY).get("$.plugin"))
        .isEqualTo(new Generator.Other("PluginThing", Map.of("size", Json.nodes().numberNode(3))));
    SyncMessageInteraction sync = (SyncMessageInteraction) pact.interactions().get(2);
    assertThat(sync.request().contents().asBytes()).containsExactly(1, 2, 3, 4);
    assertThat(sync.responses()).hasSize(2);
    assertThat(sync.responses().get(1).contents().encoding()).isEqualTo(Body.Encoding.JSON);
    assertThat(sync.responses().get(1).contents().asJson().get("price").intValue()).isEqualTo(10);
    HttpInteraction xml = (HttpInteraction) pact.interactions().get(4);
    assertThat(xml.request().body().hint()).contains(Body.ContentTypeHint.TEXT);
    assertThat(pact.metadata()).containsOnlyKeys("pact-jvm", "plugins");
  }

  @Test
  void legacyMatcherFormsAndAliases() {
    String rules =
        "{\"body\": {"
            + "\"$.a\": {\"matchers\": [{\"regex\": \"x+\"}, {\"min\": 2}, {\"max\": 3}, {\"timestamp\": \"yyyy\"}, "
            + "{\"date\": \"dd\"}, {\"time\": \"HH\"}]},"
            + "\"$.b\": {\"matchers\": [{\"match\": \"min-type\", \"min\": 1}, {\"match\": \"content-type\", \"value\": \"image/png\"},"
            + "{\"match\": \"not-empty\"}, {\"match\": \"real\"}, {\"match\": \"timestamp\", \"timestamp\": \"HH:mm\"}]},"
            + "\"$.c\": {\"match\": \"type\"}, \"$.d\": [{\"match\": \"integer\"}]},"
            + "\"content\": {\"$.e\": {\"matchers\": [{\"match\": \"each-value\", \"rules\": [{\"match\": \"type\"}]}]}}}";
    var result = MatchingRulesJson.read(Json.parse(rules), PactSpecification.V3, "rules.json");

    assertThat(result.category(Category.BODY))
        .containsExactly(
            Map.entry(
                "$.a",
                RuleList.of(
                    new MatchingRule.Regex("x+"),
                    new MatchingRule.Type(2, null),
                    new MatchingRule.Type(null, 3),
                    new MatchingRule.Timestamp("yyyy"),
                    new MatchingRule.Date("dd"),
                    new MatchingRule.Time("HH"))),
            Map.entry(
                "$.b",
                RuleList.of(
                    new MatchingRule.Type(1, null),
                    new MatchingRule.ContentTypeRule("image/png"),
                    new MatchingRule.NotEmpty(),
                    new MatchingRule.DecimalType(),
                    new MatchingRule.Timestamp("HH:mm"))),
            Map.entry("$.c", RuleList.of(MatchingRule.Type.any())),
            Map.entry("$.d", RuleList.of(new MatchingRule.IntegerType())),
            Map.entry(
                "$.e",
                RuleList.of(new MatchingRule.EachValue(List.of(MatchingRule.Type.any()), null))));
  }

  @Test
  void unknownAttributesAreWarnedAboutOncePerFileAndInteractionExtrasKept() {
    String interaction =
        "{\"description\": \"d%d\", \"_id\": \"abc\", \"x-team\": \"blue\", "
            + "\"request\": {\"method\": \"GET\", \"path\": \"/\", \"foo\": 1}, \"response\": {\"status\": 200}}";
    String json =
        HEAD
            + "\"interactions\": ["
            + interaction.formatted(1)
            + ", "
            + interaction.formatted(2)
            + "], "
            + "\"x-owner\": \"team\", \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}";
    PactReader.Result result = PactReader.readWithWarnings(json, "broker");

    assertThat(result.warnings())
        .extracting(PactReader.Warning::toString)
        .containsExactly(
            "Pact broker at $['x-owner']: unknown attribute 'x-owner' is ignored",
            "Pact broker at $.interactions[0]['x-team']: unknown attribute 'x-team' is not interpreted; it is kept and "
                + "written back unchanged",
            "Pact broker at $.interactions[0].request.foo: unknown attribute 'foo' is ignored");
    assertThat(result.pact().interactions().get(1).extensions()).containsOnlyKeys("_id", "x-team");
    assertThat(PactWriter.toJson(result.pact(), PactSpecification.V3))
        .contains("\"_id\": \"abc\"", "\"x-team\": \"blue\"");
  }

  @Test
  void aPactAsABrokerServesItReadsWithoutWarnings() {
    String json =
        HEAD
            + "\"interactions\": [{\"description\": \"d\", \"_id\": \"abc\", "
            + "\"request\": {\"method\": \"GET\", \"path\": \"/\"}, \"response\": {\"status\": 200}}], "
            + "\"createdAt\": \"2026-12-06T21:00:00+00:00\", \"_embedded\": {\"consumerVersion\": {\"number\": \"1\"}}, "
            + "\"_links\": {\"self\": {\"href\": \"http://broker/pacts/provider/P/consumer/C/version/1\"}}, "
            + "\"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}";

    assertThat(PactReader.readWithWarnings(json, "broker").warnings()).isEmpty();
  }

  @Test
  void missingStatusMethodAndPathAreAssumedWithAWarning() {
    String json =
        HEAD + "\"interactions\": [{\"description\": \"d\", \"request\": {}, \"response\": {}}]}";
    PactReader.Result result = PactReader.readWithWarnings(json, "f");

    HttpInteraction interaction = result.pact().httpInteractions().get(0);
    assertThat(interaction.request().method()).isEqualTo("GET");
    assertThat(interaction.request().path()).isEqualTo("/");
    assertThat(interaction.response().status()).isEqualTo(200);
    assertThat(result.warnings())
        .extracting(PactReader.Warning::message)
        .containsExactly(
            "the request has no method; GET is assumed",
            "the request has no path; / is assumed",
            "the response has no status; 200 is assumed");
  }

  @Test
  void v4BodyLeniency() {
    String json =
        HEAD
            + "\"interactions\": [{\"type\": \"Synchronous/HTTP\", \"description\": \"d\", "
            + "\"request\": {\"method\": \"POST\", \"path\": \"/\", \"body\": {\"content\": \"AQI=\", \"encoded\": true}}, "
            + "\"response\": {\"status\": 200, \"body\": {\"content\": {\"a\": 1}}}}], "
            + "\"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}";
    PactReader.Result result = PactReader.readWithWarnings(json, "f");

    HttpInteraction interaction = result.pact().httpInteractions().get(0);
    assertThat(interaction.request().body().asBytes()).containsExactly(1, 2);
    assertThat(interaction.request().body().encoding()).isEqualTo(Body.Encoding.BASE64);
    assertThat(interaction.response().body().contentType()).isEmpty();
    assertThat(interaction.response().body().asJson().get("a").intValue()).isEqualTo(1);
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void v4InteractionWithoutTypeIsInferredWithAWarning() {
    String json =
        HEAD
            + "\"interactions\": [{\"description\": \"evt\", \"contents\": {\"content\": \"hi\"}}], "
            + "\"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}";
    PactReader.Result result = PactReader.readWithWarnings(json, "f");

    assertThat(result.pact().interactions().get(0)).isInstanceOf(AsyncMessageInteraction.class);
    assertThat(result.warnings())
        .extracting(PactReader.Warning::message)
        .containsExactly(
            "the interaction has no type; read as Asynchronous/Messages from its shape");
  }

  @Test
  void readsFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("v3.json");
    java.nio.file.Files.writeString(file, Fixtures.load("roundtrip/v3-http.json"));

    assertThat(PactReader.read(file).interactions()).hasSize(3);
    assertThat(PactReader.readWithWarnings(file).warnings())
        .extracting(PactReader.Warning::toString)
        .containsExactly(
            "Pact "
                + file
                + " at $.interactions[2].request.body: the content type is application/json but the content "
                + "\"just a string\" is not JSON text; it is read as a JSON string (write \"\\\"text\\\"\" for a JSON "
                + "string, or use a text content type)");
  }

  @Test
  void anEmptyJsonBodyIsAnEmptyBodyInEveryVersion() {
    String v3 =
        HEAD
            + "\"interactions\": [{\"description\": \"d\", \"request\": {\"method\": \"GET\", \"path\": \"/\"}, "
            + "\"response\": {\"status\": 200, \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": \"\"}}], "
            + "\"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}";
    String v4 =
        HEAD
            + "\"interactions\": [{\"type\": \"Synchronous/HTTP\", \"description\": \"d\", \"request\": "
            + "{\"method\": \"GET\", \"path\": \"/\"}, \"response\": {\"status\": 200, \"body\": {\"content\": \"\", "
            + "\"contentType\": \"application/json\", \"encoded\": false}}}], "
            + "\"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}";

    for (String json : List.of(v3, v4)) {
      PactReader.Result result = PactReader.readWithWarnings(json, "f");
      Body body = result.pact().httpInteractions().get(0).response().body();
      assertThat(result.warnings()).isEmpty();
      assertThat(body.isEmpty()).isTrue();
      assertThat(
              PactReader.read(PactWriter.toJson(result.pact(), result.pact().specification()), "w"))
          .isEqualTo(result.pact());
    }
  }

  @Test
  void anExtensionNamedLikeAMessageAttributeSurvivesOnAnHttpInteraction() {
    String json =
        HEAD
            + "\"interactions\": [{\"type\": \"Synchronous/HTTP\", \"description\": \"d\", "
            + "\"metadata\": {\"team\": \"blue\"}, \"request\": {\"method\": \"GET\", \"path\": \"/\"}, "
            + "\"response\": {\"status\": 200}}], \"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}";
    Pact pact = PactReader.read(json, "f");

    assertThat(pact.interactions().get(0).extensions()).containsOnlyKeys("metadata");
    assertThat(PactReader.read(PactWriter.toJson(pact, PactSpecification.V4), "w")).isEqualTo(pact);
  }

  @Test
  void aStringContentOfAJsonBodyIsTheJsonText() {
    // GIVEN JSON bodies given as strings, the way pact-jvm reads them: the string is the JSON text
    String json =
        HEAD
            + "\"interactions\": [{\"type\": \"Synchronous/HTTP\", \"description\": \"d\", "
            + "\"request\": {\"method\": \"POST\", \"path\": \"/\", \"body\": {\"content\": \"{\\\"a\\\": 1}\", "
            + "\"contentType\": \"application/json\", \"encoded\": false}}, "
            + "\"response\": {\"status\": 200, \"body\": {\"content\": \"\\\"abc\\\"\", \"contentType\": "
            + "\"application/json\"}}}], \"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}";

    PactReader.Result result = PactReader.readWithWarnings(json, "f");

    // THEN an object and a JSON string are read, and a JSON string body is written back as its JSON
    // text
    HttpInteraction interaction = result.pact().httpInteractions().get(0);
    assertThat(result.warnings()).isEmpty();
    assertThat(interaction.request().body().asJson()).isEqualTo(Json.parse("{\"a\": 1}"));
    assertThat(interaction.response().body().asJson()).isEqualTo(Json.nodes().stringNode("abc"));
    assertThat(PactWriter.toJson(result.pact(), PactSpecification.V4))
        .contains("\"content\": \"\\\"abc\\\"\"");
  }
}
