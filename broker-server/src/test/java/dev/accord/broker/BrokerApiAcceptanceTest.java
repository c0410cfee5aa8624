package dev.accord.broker;

import static dev.accord.broker.RunningBroker.pact;
import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The broker on real PostgreSQL, driven over HTTP the way the Pact clients drive it. */
class BrokerApiAcceptanceTest {
  static RunningBroker broker;

  @BeforeAll
  static void start() {
    broker = RunningBroker.onPostgres("accord.broker.max-body-size=64KB");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  static JsonNode json(HttpResponse<String> r) {
    return Json.parse(r.body());
  }

  private void verify(
      String provider,
      String consumer,
      String consumerVersion,
      String providerVersion,
      boolean success) {
    verify(provider, consumer, consumerVersion, providerVersion, success, "[]");
  }

  private void verify(
      String provider,
      String consumer,
      String consumerVersion,
      String providerVersion,
      boolean success,
      String testResults) {
    JsonNode pactDoc =
        json(
            broker.get(
                "/pacts/provider/"
                    + provider
                    + "/consumer/"
                    + consumer
                    + "/version/"
                    + consumerVersion));
    String href =
        pactDoc.path("_links").path("pb:publish-verification-results").path("href").asString();
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

  private String createEnvironment(String name) {
    HttpResponse<String> r =
        broker.post("/environments", "{\"name\":\"" + name + "\",\"production\":true}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).path("uuid").asString();
  }

  private void deploy(String pacticipant, String version, String envUuid) {
    HttpResponse<String> r =
        broker.post(
            "/pacticipants/"
                + pacticipant
                + "/versions/"
                + version
                + "/deployed-versions/environment/"
                + envUuid,
            "{}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @Test
  void indexLinksAreAbsoluteAndHonourXForwardedHeaders() {
    JsonNode plain = json(broker.get("/"));
    assertThat(plain.path("_links").path("pb:publish-contracts").path("href").asString())
        .isEqualTo(broker.baseUrl + "/contracts/publish");
    JsonNode forwarded =
        json(
            broker.get(
                "/",
                "X-Forwarded-Host",
                "broker.example.com",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Port",
                "443"));
    assertThat(forwarded.path("_links").path("pb:pacticipants").path("href").asString())
        .isEqualTo("https://broker.example.com/pacticipants");
  }

  @Test
  void publishingIdenticalContentAgainIs200AndChangedContentIs409WithTheReason() {
    HttpResponse<String> first =
        broker.post("/contracts/publish", publishBody("Pub1", "sha1", "main", "Prov1", "x"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json(first).path("_embedded").path("version").path("number").asString())
        .isEqualTo("sha1");

    HttpResponse<String> again =
        broker.post("/contracts/publish", publishBody("Pub1", "sha1", "main", "Prov1", "x"));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("already published with identical content");

    HttpResponse<String> changed =
        broker.post("/contracts/publish", publishBody("Pub1", "sha1", "main", "Prov1", "CHANGED"));
    assertThat(changed.statusCode()).isEqualTo(409);
    assertThat(json(changed).path("errors").path("contracts").get(0).asString())
        .startsWith(
            "Cannot change the content of the pact for Pub1 version sha1 and provider Prov1, as race conditions will cause unreliable "
                + "results for can-i-deploy. Each pact must be published with a unique consumer version number");
    assertThat(json(changed).path("notices").get(0).path("type").asString()).isEqualTo("error");
  }

  @Test
  void theLegacyPutAnswers201Then200Then409AndServesThePactWithLinks() {
    String path = "/pacts/provider/LegacyProv/consumer/LegacyCons/version/1.0.0";
    assertThat(broker.put(path, pact("LegacyCons", "LegacyProv", "a")).statusCode()).isEqualTo(201);
    assertThat(broker.put(path, pact("LegacyCons", "LegacyProv", "a")).statusCode()).isEqualTo(200);
    assertThat(broker.put(path, pact("LegacyCons", "LegacyProv", "b")).statusCode()).isEqualTo(409);
    JsonNode doc = json(broker.get(path));
    assertThat(
            doc.path("interactions").get(0).path("response").path("body").path("name").asString())
        .isEqualTo("a");
    assertThat(doc.path("interactions").get(0).path("_id").asString()).hasSize(40);
    assertThat(doc.path("_links").path("pb:publish-verification-results").path("href").asString())
        .startsWith(broker.baseUrl + "/pacts/provider/LegacyProv/consumer/LegacyCons/pact-version/")
        .endsWith("/verification-results");
  }

  @Test
  void identicalContentUnderANewConsumerVersionIsStoredOnceAndAlreadyVerified() throws Exception {
    long before = broker.count("pact_content");
    broker.post("/contracts/publish", publishBody("Same", "v1", "main", "SameProv", "x"));
    verify("SameProv", "Same", "v1", "p1", true);
    broker.post("/contracts/publish", publishBody("Same", "v2", "main", "SameProv", "x"));
    assertThat(broker.count("pact_content")).isEqualTo(before + 1);
    JsonNode m =
        json(
            broker.get(
                "/matrix?q[][pacticipant]=Same&q[][version]=v2&q[][pacticipant]=SameProv&q[][version]=p1&latestby=cvpv"));
    assertThat(m.path("summary").path("deployable").asBoolean()).isTrue();
  }

  @Test
  void canIDeploySaysUnknownThenYesThenNoAndExplainsEachAnswer() {
    String env = createEnvironment("prod-cid");
    broker.post("/contracts/publish", publishBody("Web", "w1", "main", "Api", "x"));
    String query =
        "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvpv&environment=prod-cid";

    JsonNode nothingDeployed = json(broker.get(query));
    assertThat(nothingDeployed.path("summary").path("deployable").isNull()).isTrue();
    assertThat(nothingDeployed.path("summary").path("reason").asString())
        .isEqualTo(
            "There is no verified pact between Web (w1) and Api: "
                + "no version of Api is currently recorded as deployed or released in environment prod-cid. Record Api's deployment "
                + "(pact broker record-deployment --pacticipant Api --version <sha> --environment prod-cid), or pass --ignore Api if Web really does not need it there.");

    broker.put("/pacticipants/Api/versions/a1", "{}");
    deploy("Api", "a1", env);
    JsonNode unverified = json(broker.get(query));
    assertThat(unverified.path("summary").path("deployable").isNull()).isTrue();
    assertThat(unverified.path("summary").path("reason").asString())
        .startsWith(
            "There is no verified pact between Web (w1) and Api (a1): "
                + "Api version a1 (in prod-cid) has no verification result for the pact content ")
        .contains("Api has never verified this pact content");

    verify("Api", "Web", "w1", "a1", true);
    JsonNode yes = json(broker.get(query));
    assertThat(yes.path("summary").path("deployable").asBoolean()).isTrue();
    assertThat(yes.path("summary").path("reason").asString())
        .isEqualTo("All required verification results are published and successful");
    assertThat(yes.path("matrix").get(0).path("provider").path("version").path("number").asString())
        .isEqualTo("a1");

    broker.post("/contracts/publish", publishBody("Web", "w2", "main", "Api", "breaking"));
    verify(
        "Api",
        "Web",
        "w2",
        "a1",
        false,
        "[{\"interactionId\":\"\",\"interactionDescription\":\"get thing\",\"success\":false,"
            + "\"mismatches\":[{\"attribute\":\"body\",\"identifier\":\"$.name\",\"description\":\"Expected 'breaking' but was missing\"}]}]");
    JsonNode no =
        json(
            broker.get(
                "/matrix?q[][pacticipant]=Web&q[][version]=w2&latestby=cvpv&environment=prod-cid"));
    assertThat(no.path("summary").path("deployable").asBoolean()).isFalse();
    assertThat(no.path("summary").path("reason").asString())
        .startsWith(
            "The verification for the pact between Web (w2) and Api (a1) failed: see "
                + broker.baseUrl
                + "/pacts/provider/Api/consumer/Web/pact-version/")
        .endsWith(
            "/verification-results/"
                + no.path("matrix")
                    .get(0)
                    .path("verificationResult")
                    .path("_links")
                    .path("self")
                    .path("href")
                    .asString()
                    .replaceAll(".*/", "")
                + "\n"
                + "  - Interaction \"get thing\" failed:\n"
                + "      body $.name: Expected 'breaking' but was missing\n"
                + "Fix the provider or the pact, then verify again.");
    assertThat(no.path("notices"))
        .anySatisfy(
            n ->
                assertThat(n.path("text").asString())
                    .contains("body $.name: Expected 'breaking' but was missing"));
    assertThat(no.path("matrix").get(0).path("verificationResult").path("success").asBoolean())
        .isFalse();

    HttpResponse<String> text =
        broker.get(
            "/can-i-deploy?pacticipant=Web&version=w2&environment=prod-cid",
            "Accept",
            "text/plain");
    assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(text.body())
        .startsWith("Computer says no\n")
        .contains("Web      | w2        | Api      | a1        | false")
        .contains("body $.name: Expected 'breaking' but was missing");
  }

  @Test
  void canIDeployNamesAProviderThatVerifiedUnderABranchNameInsteadOfASha() {
    String env = createEnvironment("prod-branchname");
    broker.post("/contracts/publish", publishBody("Shop", "s1", "main", "Stock", "x"));
    verify("Stock", "Shop", "s1", "main", true);
    broker.put("/pacticipants/Stock/versions/9f8e7d", "{}");
    deploy("Stock", "9f8e7d", env);
    JsonNode m =
        json(
            broker.get(
                "/matrix?q[][pacticipant]=Shop&q[][version]=s1&latestby=cvpv&environment=prod-branchname"));
    assertThat(m.path("summary").path("deployable").isNull()).isTrue();
    assertThat(m.path("summary").path("reason").asString())
        .contains(
            "Stock verified this pact as version 'main', which is a branch name, not a version")
        .contains("pact verifier --provider-version $GIT_SHA --provider-branch main");
  }

  @Test
  void canIDeployForAnUnknownVersionIsNoAndForAnUnknownPacticipantIs400() {
    broker.post("/contracts/publish", publishBody("Known", "k1", "main", "KnownProv", "x"));
    JsonNode m =
        json(
            broker.get(
                "/matrix?q[][pacticipant]=Known&q[][version]=nope&latestby=cvp&latest=true"));
    assertThat(m.path("summary").path("deployable").asBoolean()).isFalse();
    assertThat(m.path("summary").path("reason").asString())
        .startsWith("No pacts or verifications have been published for version nope of Known");
    HttpResponse<String> r =
        broker.get("/matrix?q[][pacticipant]=Nobody&q[][version]=1&latestby=cvp&latest=true");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("errors").get(0).asString()).isEqualTo("Pacticipant Nobody not found");
    assertThat(broker.get("/matrix?latestby=cvp").statusCode()).isEqualTo(400);
  }

  @Test
  void pactsForVerificationSelectsByMainBranchAndDeploymentAndReportsPending() {
    String env = createEnvironment("prod-pfv");
    broker.patch("/pacticipants/Mobile", "{\"mainBranch\":\"main\"}");
    broker.post("/contracts/publish", publishBody("Mobile", "m1", "main", "Backend", "one"));
    broker.post("/contracts/publish", publishBody("Mobile", "m2", "main", "Backend", "two"));
    deploy("Mobile", "m1", env);
    HttpResponse<String> r =
        broker.post(
            "/pacts/provider/Backend/for-verification",
            "{\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"deployedOrReleased\":true}],\"providerVersionBranch\":\"main\",\"includePendingStatus\":true}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode pacts = json(r).path("_embedded").path("pacts");
    assertThat(pacts).hasSize(2);
    assertThat(pacts.get(0).path("shortDescription").asString())
        .isEqualTo("latest from main branch");
    assertThat(pacts.get(1).path("shortDescription").asString()).isEqualTo("deployed to prod-pfv");
    assertThat(pacts.get(0).path("verificationProperties").path("pending").asBoolean()).isTrue();
    String pactUrl = pacts.get(0).path("_links").path("self").path("href").asString();
    assertThat(json(broker.get(pactUrl)).path("consumer").path("name").asString())
        .isEqualTo("Mobile");
  }

  @Test
  void badInputGetsA4xxNamingTheFieldNeverA500() {
    HttpResponse<String> notJson = broker.post("/contracts/publish", "{nope");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).path("errors").get(0).asString())
        .startsWith("The request body is not valid JSON");

    String notAPact =
        java.util.Base64.getEncoder()
            .encodeToString(
                "{\"consumer\":{\"name\":\"Bad\"},\"provider\":{\"name\":\"P\"}}".getBytes());
    HttpResponse<String> r =
        broker.post(
            "/contracts/publish",
            "{\"pacticipantName\":\"Bad\",\"pacticipantVersionNumber\":\"1\",\"contracts\":[{"
                + "\"consumerName\":\"Bad\",\"providerName\":\"P\",\"specification\":\"pact\",\"contentType\":\"application/json\",\"content\":\""
                + notAPact
                + "\"}]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("errors").path("contracts[0].content").get(0).asString())
        .startsWith("is not a pact: it has neither \"interactions\" nor \"messages\"");

    HttpResponse<String> blank =
        broker.post("/contracts/publish", publishBody("Bad", " ", null, "P", "x"));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(json(blank).path("errors").path("pacticipantVersionNumber").get(0).asString())
        .startsWith("is missing or blank");

    HttpResponse<String> selector =
        broker.post(
            "/pacts/provider/P/for-verification",
            "{\"consumerVersionSelectors\":[{\"mainBrunch\":true}]}");
    assertThat(selector.statusCode()).isEqualTo(400);
    assertThat(selector.body()).contains("unknown key 'mainBrunch'");

    HttpResponse<String> huge =
        broker.post("/contracts/publish", "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(json(huge).path("errors").get(0).asString()).contains("the limit is 65536 bytes");

    HttpResponse<String> chunked =
        broker.postChunked("/contracts/publish", "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}");
    assertThat(chunked.statusCode()).isEqualTo(413);

    assertThat(broker.get("/pacticipants/NoSuchThing").statusCode()).isEqualTo(404);
  }

  @Test
  void aDatabaseFailureMidPublishLeavesNothingBehind() throws Exception {
    try (Connection c = broker.sql();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE FUNCTION fail_publication() RETURNS trigger AS $$ BEGIN "
              + "IF (SELECT name FROM pacticipant WHERE id = NEW.consumer_id) = 'Doomed' THEN RAISE EXCEPTION 'injected failure'; END IF; "
              + "RETURN NEW; END $$ LANGUAGE plpgsql");
      s.execute(
          "CREATE TRIGGER fail_publication BEFORE INSERT ON pact_publication FOR EACH ROW EXECUTE FUNCTION fail_publication()");
    }
    long pacticipants = broker.count("pacticipant");
    long versions = broker.count("version");
    long contents = broker.count("pact_content");
    long branches = broker.count("branch");
    HttpResponse<String> r =
        broker.post(
            "/contracts/publish", publishBody("Doomed", "d1", "feature", "DoomedProv", "x"));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(json(r).path("errors").get(0).asString())
        .contains("nothing was written")
        .doesNotContain("Exception");
    assertThat(broker.count("pacticipant")).isEqualTo(pacticipants);
    assertThat(broker.count("version")).isEqualTo(versions);
    assertThat(broker.count("pact_content")).isEqualTo(contents);
    assertThat(broker.count("branch")).isEqualTo(branches);
    try (Connection c = broker.sql();
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER fail_publication ON pact_publication");
    }
  }

  @Test
  void concurrentPublishesOfOneConsumerVersionNeverDuplicateRows() throws Exception {
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = i % 2 == 0 ? "same" : "different-" + i;
      Callable<Integer> task =
          () -> {
            go.await();
            return broker
                .post("/contracts/publish", publishBody("Racer", "r1", "main", "RaceProv", name))
                .statusCode();
          };
      results.add(pool.submit(task));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : results) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).allMatch(s -> s == 200 || s == 409);
    try (Connection c = broker.sql();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM pact_publication p JOIN version v ON v.id = p.consumer_version_id "
                    + "JOIN pacticipant c ON c.id = v.pacticipant_id WHERE c.name = 'Racer'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
    assertThat(broker.count("pacticipant WHERE name = 'Racer'")).isEqualTo(1);
    assertThat(broker.count("version v WHERE v.number = 'r1'")).isEqualTo(1);
  }

  @Test
  void recordDeploymentReplacesThePreviousDeploymentOfTheSameInstanceAndUndeployEndsIt() {
    String env = createEnvironment("prod-deploy");
    broker.put("/pacticipants/Svc/versions/1", "{}");
    broker.put("/pacticipants/Svc/versions/2", "{}");
    deploy("Svc", "1", env);
    deploy("Svc", "2", env);
    JsonNode current =
        json(
            broker.get(
                "/environments/" + env + "/deployed-versions/currently-deployed?pacticipant=Svc"));
    assertThat(current.path("_embedded").path("deployedVersions")).hasSize(1);
    JsonNode d = current.path("_embedded").path("deployedVersions").get(0);
    assertThat(d.path("_embedded").path("version").path("number").asString()).isEqualTo("2");
    HttpResponse<String> r =
        broker.patch(
            d.path("_links").path("self").path("href").asString(), "{\"currentlyDeployed\":false}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).path("currentlyDeployed").asBoolean()).isFalse();
    assertThat(
            json(broker.get(
                    "/environments/"
                        + env
                        + "/deployed-versions/currently-deployed?pacticipant=Svc"))
                .path("_embedded")
                .path("deployedVersions"))
        .isEmpty();
  }

  @Test
  void versionNumbersAndNamesWithSlashesAndPlusSignsRoundTrip() {
    assertThat(broker.put("/pacticipants/team%2Fsvc/versions/1.0%2Bbuild.5", "{}").statusCode())
        .isEqualTo(201);
    JsonNode v = json(broker.get("/pacticipants/team%2Fsvc/versions/1.0%2Bbuild.5"));
    assertThat(v.path("number").asString()).isEqualTo("1.0+build.5");
    assertThat(broker.put("/pacticipants/plus/versions/1+2", "{}").statusCode()).isEqualTo(201);
    assertThat(json(broker.get("/pacticipants/plus/versions/1+2")).path("number").asString())
        .isEqualTo("1+2");
  }

  @Test
  void wipPactsFromOtherBranchesAreOfferedUntilTheProviderBranchVerifiesThem() {
    broker.patch("/pacticipants/WipCons", "{\"mainBranch\":\"main\"}");
    broker.post("/contracts/publish", publishBody("WipCons", "c1", "main", "WipProv", "stable"));
    broker.post(
        "/contracts/publish", publishBody("WipCons", "c2", "feature-x", "WipProv", "new-field"));
    String request =
        "{\"consumerVersionSelectors\":[{\"mainBranch\":true}],\"providerVersionBranch\":\"main\","
            + "\"includePendingStatus\":true,\"includeWipPactsSince\":\"2020-01-01\"}";
    JsonNode pacts =
        json(broker.post("/pacts/provider/WipProv/for-verification", request))
            .path("_embedded")
            .path("pacts");
    assertThat(pacts).hasSize(2);
    assertThat(pacts.get(1).path("verificationProperties").path("wip").asBoolean()).isTrue();
    assertThat(pacts.get(1).path("verificationProperties").path("pending").asBoolean()).isTrue();
    assertThat(pacts.get(1).path("_links").path("self").path("name").asString())
        .isEqualTo("Pact between WipCons (c2) and WipProv");

    broker.put("/pacticipants/WipProv/branches/main/versions/p1", "{}");
    verify("WipProv", "WipCons", "c2", "p1", true);
    JsonNode after =
        json(broker.post("/pacts/provider/WipProv/for-verification", request))
            .path("_embedded")
            .path("pacts");
    assertThat(after).hasSize(1);
    assertThat(after.get(0).path("shortDescription").asString())
        .isEqualTo("latest from main branch");
  }

  @Test
  void aReleaseCountsAsInTheEnvironmentUntilSupportEnds() {
    String env = createEnvironment("app-store");
    broker.post("/contracts/publish", publishBody("MobileApp", "m1", "main", "MobileApi", "x"));
    broker.put("/pacticipants/MobileApi/versions/api1", "{}");
    verify("MobileApi", "MobileApp", "m1", "api1", true);
    HttpResponse<String> released =
        broker.post(
            "/pacticipants/MobileApp/versions/m1/released-versions/environment/" + env, "{}");
    assertThat(released.statusCode()).isEqualTo(201);
    assertThat(
            broker
                .post(
                    "/pacticipants/MobileApp/versions/m1/released-versions/environment/" + env,
                    "{}")
                .statusCode())
        .isEqualTo(200);
    deploy("MobileApi", "api1", env);
    JsonNode providerSide =
        json(
            broker.get(
                "/matrix?q[][pacticipant]=MobileApi&q[][version]=api1&latestby=cvpv&environment=app-store"));
    assertThat(providerSide.path("summary").path("deployable").asBoolean()).isTrue();
    assertThat(
            providerSide
                .path("matrix")
                .get(0)
                .path("consumer")
                .path("version")
                .path("number")
                .asString())
        .isEqualTo("m1");

    String supported = json(released).path("_links").path("self").path("href").asString();
    assertThat(
            json(broker.patch(supported, "{\"currentlySupported\":false}"))
                .path("currentlySupported")
                .asBoolean())
        .isFalse();
    JsonNode afterSupportEnded =
        json(
            broker.get(
                "/matrix?q[][pacticipant]=MobileApi&q[][version]=api1&latestby=cvpv&environment=app-store"));
    assertThat(afterSupportEnded.path("matrix")).isEmpty();
    assertThat(afterSupportEnded.path("summary").path("reason").asString())
        .isEqualTo("There are no missing dependencies");
  }
}
