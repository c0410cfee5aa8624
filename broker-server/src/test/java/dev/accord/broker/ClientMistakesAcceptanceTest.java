package dev.accord.broker;

import static dev.accord.broker.Refusals.assertRefused;
import static dev.accord.broker.Refusals.firstError;
import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every client mistake found by attacking the broker answers 4xx in the one error shape, naming the
 * field, the limit or the character, on PostgreSQL (where a NUL or an over-long value used to reach
 * the database and answer 500).
 */
class ClientMistakesAcceptanceTest {
  static RunningBroker broker;
  static String pactVersionUrl;
  static String environment;

  @BeforeAll
  static void start() {
    broker = RunningBroker.onPostgres();
    assertThat(
            broker
                .post("/contracts/publish", publishBody("MistakeC", "1", "main", "MistakeP", "x"))
                .statusCode())
        .isEqualTo(200);
    JsonNode pact =
        Json.parse(broker.get("/pacts/provider/MistakeP/consumer/MistakeC/version/1").body());
    pactVersionUrl =
        pact.path("_links").path("pb:publish-verification-results").path("href").asString();
    environment =
        Json.parse(broker.post("/environments", "{\"name\":\"mistakes\"}").body())
            .path("uuid")
            .asString();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private static String a(int n) {
    return "a".repeat(n);
  }

  @Test
  void overLongFreeTextFieldsAreRefusedNamingTheFieldAndTheLimit() {
    // GIVEN values one character over their columns
    String result = "{\"providerApplicationVersion\":\"p1\",\"success\":true";
    // WHEN they are sent THEN 400 names the field and the limit
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        pactVersionUrl, result + ",\"buildUrl\":\"https://ci/" + a(2048) + "\"}"),
                    400)))
        .isEqualTo("{\"buildUrl\":[\"is 2059 characters long; at most 2048 are allowed\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        pactVersionUrl,
                        result
                            + ",\"verifiedBy\":{\"implementation\":\""
                            + a(256)
                            + "\",\"version\":\"1\"}}"),
                    400)))
        .isEqualTo(
            "{\"verifiedBy.implementation\":[\"is 256 characters long; at most 255 are allowed\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/pacticipants",
                        "{\"name\":\"LongDisplay\",\"displayName\":\"" + a(256) + "\"}"),
                    400)))
        .isEqualTo("{\"displayName\":[\"is 256 characters long; at most 255 are allowed\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/pacticipants",
                        "{\"name\":\"LongRepo\",\"repositoryUrl\":\"https://git/"
                            + a(2040)
                            + "\"}"),
                    400)))
        .isEqualTo("{\"repositoryUrl\":[\"is 2052 characters long; at most 2048 are allowed\"]}");
    String publish = publishBody("MistakeC", "2", "main", "MistakeP", "x");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/contracts/publish",
                        publish.replace(
                            "\"branch\"", "\"buildUrl\":\"" + a(2049) + "\",\"branch\"")),
                    400)))
        .isEqualTo("{\"buildUrl\":[\"is 2049 characters long; at most 2048 are allowed\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/environments",
                        "{\"name\":\"long-display\",\"displayName\":\"" + a(256) + "\"}"),
                    400)))
        .isEqualTo("{\"displayName\":[\"is 256 characters long; at most 255 are allowed\"]}");
  }

  @ParameterizedTest
  @ValueSource(ints = {251, 252, 253, 254, 255})
  void anApplicationInstanceOfUpTo255CharactersIsRecorded(int length) {
    // GIVEN an instance name as long as the API allows, longer than fits the internal key next to
    // the ids
    String instance = String.valueOf(length).repeat(length).substring(0, length);
    String path = "/pacticipants/MistakeC/versions/1/deployed-versions/environment/" + environment;
    // WHEN the deployment is recorded twice THEN it is created once, then found as the current one
    HttpResponse<String> first =
        broker.post(path, "{\"applicationInstance\":\"" + instance + "\"}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(Json.parse(first.body()).path("applicationInstance").asString()).isEqualTo(instance);
    assertThat(broker.post(path, "{\"applicationInstance\":\"" + instance + "\"}").statusCode())
        .isEqualTo(200);
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(path, "{\"applicationInstance\":\"" + a(256) + "\"}"), 400)))
        .isEqualTo(
            "{\"applicationInstance\":[\"is 256 characters long; at most 255 are allowed\"]}");
  }

  @Test
  void jsonNestedDeeperThanTheLimitIsRefusedNamingTheLimit() {
    String deep = "[".repeat(2000) + "]".repeat(2000);
    assertThat(
            firstError(
                assertRefused(
                    broker.post(
                        pactVersionUrl,
                        "{\"providerApplicationVersion\":\"p1\",\"success\":true,\"testResults\":"
                            + deep
                            + "}"),
                    400)))
        .isEqualTo(
            "The request body is nested more than 500 levels deep (the limit); flatten the document. Send a JSON object with Content-Type: application/json.");
    // where an object is expected, the first '[' is already the answer
    assertThat(firstError(assertRefused(broker.post("/contracts/publish", deep), 400)))
        .isEqualTo(
            "The request body is missing, not JSON, or not the JSON object this resource takes. Send a JSON object with Content-Type: application/json.");
    // a pact whose content (inside the base64) is nested too deep
    String content =
        Base64.getEncoder()
            .encodeToString(
                ("{\"consumer\":{\"name\":\"MistakeC\"},\"provider\":{\"name\":\"MistakeP\"},\"interactions\":"
                        + deep
                        + "}")
                    .getBytes(StandardCharsets.UTF_8));
    String body =
        "{\"pacticipantName\":\"MistakeC\",\"pacticipantVersionNumber\":\"3\",\"contracts\":[{\"consumerName\":\"MistakeC\",\"providerName\":\"MistakeP\","
            + "\"specification\":\"pact\",\"contentType\":\"application/json\",\"content\":\""
            + content
            + "\"}]}";
    assertThat(Json.write(assertRefused(broker.post("/contracts/publish", body), 400)))
        .isEqualTo(
            "{\"contracts[0].content\":[\"is nested more than 500 levels deep (the limit); flatten the document. Send the pact file's JSON.\"]}");
  }

  @Test
  void parserAdviceAndTypeNamesNeverReachTheClient() {
    assertThat(firstError(assertRefused(broker.post("/contracts/publish", "{\"a\":NaN}"), 400)))
        .startsWith("The request body is not valid JSON (");
    assertThat(firstError(assertRefused(broker.post("/contracts/publish", ""), 400)))
        .isEqualTo(
            "The request body is missing, not JSON, or not the JSON object this resource takes. Send a JSON object with Content-Type: application/json.");
  }

  @Test
  void aRequestRecordReportsEveryInvalidFieldAtOnceAndWrongTypesByField() {
    // GIVEN a verification result with three problems WHEN it is published THEN all three are named
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        pactVersionUrl,
                        "{\"providerApplicationVersion\":\" \",\"buildUrl\":\"x\\u0000\"}"),
                    400)))
        .isEqualTo(
            "{\"buildUrl\":[\"contains (U+0000 NULL) at position 2, which cannot be stored; remove it\"],"
                + "\"providerApplicationVersion\":[\"is missing or blank; give a non-blank name\"],"
                + "\"success\":[\"is missing; say whether the verification passed: true or false\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        pactVersionUrl,
                        "{\"providerApplicationVersion\":\"p1\",\"success\":\"maybe\"}"),
                    400)))
        .isEqualTo("{\"success\":[\"must be true or false\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        pactVersionUrl,
                        "{\"providerApplicationVersion\":\"p1\",\"success\":true,\"verifiedBy\":\"me\"}"),
                    400)))
        .isEqualTo("{\"verifiedBy\":[\"must be an object\"]}");
    // an environment: a space in the name and a contact without a name
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/environments", "{\"name\":\"pre prod\",\"contacts\":[{\"details\":{}}]}"),
                    400)))
        .isEqualTo(
            "{\"contacts[0].name\":[\"is missing; every contact needs a name, e.g. Team A\"],"
                + "\"name\":[\"contains a space; use a dash instead, e.g. pre-prod\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post("/environments", "{\"name\":\"staging\",\"production\":\"yes\"}"),
                    400)))
        .isEqualTo("{\"production\":[\"must be true or false\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post("/environments", "{\"name\":\"staging\",\"contacts\":{}}"), 400)))
        .isEqualTo("{\"contacts\":[\"must be an array\"]}");
  }

  @Test
  void requestBodiesAreReadStrictlyByJsonTypeNeverCoerced() {
    // GIVEN numbers and booleans where strings are expected, and strings where booleans are
    // WHEN they are sent THEN each is refused by field, never converted
    assertThat(Json.write(assertRefused(broker.post("/pacticipants", "{\"name\":5}"), 400)))
        .isEqualTo("{\"name\":[\"must be a string\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/contracts/publish",
                        publishBody("MistakeC", "10", "main", "MistakeP", "x")
                            .replace(
                                "\"pacticipantVersionNumber\":\"10\"",
                                "\"pacticipantVersionNumber\":1.10")),
                    400)))
        .isEqualTo("{\"pacticipantVersionNumber\":[\"must be a string\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        pactVersionUrl,
                        "{\"providerApplicationVersion\":\"p1\",\"success\":\"true\"}"),
                    400)))
        .isEqualTo("{\"success\":[\"must be true or false\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        pactVersionUrl, "{\"providerApplicationVersion\":\"p1\",\"success\":1}"),
                    400)))
        .isEqualTo("{\"success\":[\"must be true or false\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post("/environments", "{\"name\":\"staging\",\"displayName\":true}"),
                    400)))
        .isEqualTo("{\"displayName\":[\"must be a string\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.put("/pacticipants/MistakeC/versions/7", "{\"branch\":7}"), 400)))
        .isEqualTo("{\"branch\":[\"must be a string\"]}");
  }

  @Test
  void everyRequestRecordNamesTheFieldAndTheFix() {
    assertThat(
            Json.write(
                assertRefused(broker.post("/pacticipants", "{\"displayName\":\"No Name\"}"), 400)))
        .isEqualTo("{\"name\":[\"is missing or blank; give a non-blank name\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.patch("/pacticipants/MistakeC", "{\"mainBranch\":\"a;b\"}"), 400)))
        .isEqualTo(
            "{\"mainBranch\":[\"contains ';' (U+003B SEMICOLON) at position 2, which starts a path parameter in a URL, so links "
                + "to the name would be cut short; remove it (names may not contain control characters, invisible formatting characters, "
                + "'\\\\' or ';')\"]}");
    String contracts =
        "a non-empty array of {consumerName, providerName, specification:\\\"pact\\\", contentType:\\\"application/json\\\", "
            + "content:<base64 pact JSON>}";
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/contracts/publish",
                        "{\"pacticipantName\":\"MistakeC\",\"pacticipantVersionNumber\":\"4\"}"),
                    400)))
        .isEqualTo("{\"contracts\":[\"must be " + contracts + "\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/contracts/publish",
                        "{\"pacticipantName\":\"MistakeC\",\"pacticipantVersionNumber\":\"4\","
                            + "\"contracts\":\"x\"}"),
                    400)))
        .isEqualTo("{\"contracts\":[\"must be " + contracts + "\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/contracts/publish",
                        publishBody("MistakeC", "4", "main", "MistakeP", "x")
                            .replace("\"branch\":\"main\"", "\"tags\":\"dev\"")),
                    400)))
        .isEqualTo("{\"tags\":[\"must be an array of strings, e.g. [\\\"dev\\\"]\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/contracts/publish",
                        publishBody("MistakeC", "4", "main", "MistakeP", "x")
                            .replace("\"specification\":\"pact\",", "")),
                    400)))
        .isEqualTo("{\"contracts[0].specification\":[\"is missing\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.put("/pacticipants/MistakeC/versions/7", "{\"tags\":[\"prod\",1]}"),
                    400)))
        .isEqualTo(
            "{\"tags[1]\":[\"must be an array of tag names or {\\\"name\\\": ...} objects, e.g. [\\\"prod\\\"]\"]}");
    HttpResponse<String> tagged =
        broker.put(
            "/pacticipants/MistakeC/versions/7",
            "{\"tags\":[\"prod\",{\"name\":\"dev\"}],\"branch\":\"main\"}");
    assertThat(tagged.statusCode()).as(tagged.body()).isIn(200, 201);
    assertThat(broker.get("/pacticipants/MistakeC/versions/7/tags/dev").statusCode())
        .isEqualTo(200);
    String deployment =
        Json.parse(
                broker
                    .post(
                        "/pacticipants/MistakeC/versions/1/deployed-versions/environment/"
                            + environment,
                        "{}")
                    .body())
            .path("_links")
            .path("self")
            .path("href")
            .asString();
    assertThat(
            Json.write(
                assertRefused(broker.patch(deployment, "{\"currentlyDeployed\":\"false\"}"), 400)))
        .isEqualTo(
            "{\"currentlyDeployed\":[\"must be false to record an undeployment: {\\\"currentlyDeployed\\\":false}\"]}");
    assertThat(Json.write(assertRefused(broker.patch(deployment, "{}"), 400)))
        .isEqualTo(
            "{\"currentlyDeployed\":[\"must be false to record an undeployment: {\\\"currentlyDeployed\\\":false}\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/pacts/provider/MistakeP/for-verification",
                        "{\"consumerVersionSelectors\":[{\"mainbranch\":true}]}"),
                    400)))
        .isEqualTo(
            "{\"consumerVersionSelectors[0]\":[\"has unknown key 'mainbranch'; valid keys are [branch, consumer, deployed, "
                + "deployedOrReleased, environment, fallbackBranch, fallbackTag, latest, mainBranch, matchingBranch, released, tag]\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/pacts/provider/MistakeP/for-verification",
                        "{\"consumerVersionSelectors\":[{\"branch\":\" \",\"tag\":1}]}"),
                    400)))
        .isEqualTo("{\"consumerVersionSelectors[0].tag\":[\"must be a non-blank string\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/pacts/provider/MistakeP/for-verification",
                        "{\"consumerVersionSelectors\":[{\"branch\":\" \"}]}"),
                    400)))
        .isEqualTo("{\"consumerVersionSelectors[0].branch\":[\"must be a non-blank string\"]}");
  }

  @Test
  void webhookBodiesAreTypedByFieldAndTakeEventsAsNamesOrObjects() {
    String request = "\"request\":{\"method\":\"POST\",\"url\":\"https://ci.example.com/build\"}";
    assertThat(
            Json.write(
                assertRefused(
                    broker.post("/webhooks", "{\"events\":[{\"name\":5}]," + request + "}"), 400)))
        .isEqualTo("{\"events[0].name\":[\"must be {\\\"name\\\": \\\"<event>\\\"}\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/webhooks", "{\"events\":[\"contract_published\"],\"request\":\"POST\"}"),
                    400)))
        .isEqualTo(
            "{\"request\":[\"must be an object: {\\\"method\\\":\\\"POST\\\",\\\"url\\\":\\\"https://...\\\","
                + "\\\"headers\\\":{...},\\\"body\\\":...}\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/webhooks",
                        "{\"consumer\":\"MistakeC\",\"events\":[\"contract_published\"],"
                            + request
                            + "}"),
                    400)))
        .isEqualTo(
            "{\"consumer\":[\"must be an object: {\\\"name\\\": \\\"...\\\"} or {\\\"label\\\": \\\"...\\\"}\"]}");
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        "/webhooks",
                        "{\"enabled\":\"yes\",\"events\":[\"contract_published\"],"
                            + request
                            + "}"),
                    400)))
        .isEqualTo("{\"enabled\":[\"must be true or false\"]}");
    JsonNode errors =
        assertRefused(
            broker.post(
                "/webhooks",
                "{\"events\":[\"nope\",{\"name\":\"contract_published\"}],"
                    + "\"request\":{\"method\":\"POST\"}}"),
            400);
    assertThat(Json.write(errors.path("events")))
        .isEqualTo(
            "[\"\\\"nope\\\" is not an event; known events: [contract_published, "
                + "contract_content_changed, contract_requiring_verification_published, provider_verification_published, "
                + "provider_verification_succeeded, provider_verification_failed, provider_contract_published]\"]");
  }

  @Test
  void malformedForVerificationRequestsAreRefusedNamingTheField() {
    String url = "/pacts/provider/MistakeP/for-verification";
    assertThat(Json.write(assertRefused(broker.post(url, "{\"includeWipPactsSince\":{}}"), 400)))
        .isEqualTo(
            "{\"includeWipPactsSince\":[\"must be a date string like \\\"2024-01-01\\\"\"]}");
    assertThat(Json.write(assertRefused(broker.post(url, "{\"providerVersionTags\":[{}]}"), 400)))
        .isEqualTo(
            "{\"providerVersionTags[0]\":[\"must be a non-blank string, e.g. [\\\"main\\\"]\"]}");
  }

  @Test
  void pagingParametersThatAreNotWholeNumbersAreRefused() {
    assertThat(firstError(assertRefused(broker.get("/pacticipants?pageSize=abc"), 400)))
        .isEqualTo(
            "The query parameter 'pageSize' must be a whole number (at most 2147483647), got 'abc'");
    assertThat(firstError(assertRefused(broker.get("/pacticipants?pageSize=1000000000000"), 400)))
        .isEqualTo(
            "The query parameter 'pageSize' must be a whole number (at most 2147483647), got '1000000000000'");
    assertThat(
            firstError(
                assertRefused(
                    broker.get("/pacticipants/MistakeC/versions?pageSize=1000000000000"), 400)))
        .isEqualTo(
            "The query parameter 'pageSize' must be a whole number (at most 2147483647), got '1000000000000'");
    assertThat(firstError(assertRefused(broker.get("/pacticipants?q=%FF"), 400)))
        .isEqualTo(
            "The query string cannot be read: a parameter is not "
                + "UTF-8 once percent-decoded (e.g. %FF) or is malformed. Encode query parameters as UTF-8 and percent-encode them.");
  }

  @Test
  void namesTheBrokerCouldNotServeOrThatMakeLookAlikesAreRefusedNamingTheCharacter() {
    String[][] cases = {
      {
        "a\\\\b",
        "contains '\\' (U+005C REVERSE SOLIDUS) at position 2, which HTTP servers refuse in a URL path, so no link to the name would work"
      },
      {
        "a;b",
        "contains ';' (U+003B SEMICOLON) at position 2, which starts a path parameter in a URL, so links to the name would be cut short"
      },
      {"a\\u0000b", "contains (U+0000 NULL) at position 2, a control character"},
      {"a\\u0007b", "contains (U+0007 BEL) at position 2, a control character"},
      {
        "pay\\u202Ements",
        "contains (U+202E RIGHT-TO-LEFT OVERRIDE) at position 4, an invisible formatting character that makes look-alike names"
      },
      {
        "orders\\u200B",
        "contains (U+200B ZERO WIDTH SPACE) at position 7, an invisible formatting character that makes look-alike names"
      },
    };
    for (String[] c : cases) {
      String body =
          publishBody("MistakeC", "9", "main", "MistakeP", "x")
              .replace("\"branch\":\"main\"", "\"branch\":\"" + c[0] + "\"");
      assertThat(Json.write(assertRefused(broker.post("/contracts/publish", body), 400)))
          .isEqualTo(
              "{\"branch\":[\""
                  + c[1].replace("\\", "\\\\")
                  + "; remove it (names may not contain control characters, invisible formatting characters, '\\\\' or ';')\"]}");
    }
    assertRefused(broker.post("/environments", "{\"name\":\"prod\\u0000\"}"), 400);
    assertRefused(broker.post("/pacticipants", "{\"name\":\"Nul\\u0000Name\"}"), 400);
    assertRefused(
        broker.post(
            pactVersionUrl, "{\"providerApplicationVersion\":\"v\\u0000\",\"success\":true}"),
        400);
    assertThat(
            Json.write(
                assertRefused(
                    broker.post(
                        pactVersionUrl,
                        "{\"providerApplicationVersion\":\"v1\",\"success\":true,\"buildUrl\":\"x\\u0000\"}"),
                    400)))
        .isEqualTo(
            "{\"buildUrl\":[\"contains (U+0000 NULL) at position 2, which cannot be stored; remove it\"]}");
  }

  @Test
  void requestsTomcatRefusesBeforeTheBrokerSeesThemAnswerInTheSameShape() {
    String expected =
        "The request is malformed: the URL, a header or the body cannot be read (e.g. an invalid percent-encoding such as %zz, "
            + "an encoded NUL %00 or backslash %5C in the path, or an illegal character). Fix the request and send it again.";
    for (String target :
        new String[] {
          "/pacticipants/a%00b", "/pacticipants/a%5Cb", "/pacticipants/%zz", "/" + a(20_000)
        }) {
      assertThat(firstError(assertRefused(Refusals.raw(broker.baseUrl, "GET", target), 400)))
          .as(target.substring(0, Math.min(40, target.length())))
          .isEqualTo(expected);
    }
    assertThat(
            firstError(
                assertRefused(
                    Refusals.raw(broker.baseUrl, "GET", "/", "X-Big: " + a(20_000)), 400)))
        .isEqualTo(expected);
  }

  @Test
  void springSOwnRefusalsAreInTheSameShape() {
    assertRefused(broker.delete("/contracts/publish"), 405);
    assertRefused(broker.get("/no/such/resource"), 404);
    assertRefused(broker.post("/contracts/publish", "{}", "Content-Type", "application/xml"), 415);
  }
}
