package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Pins every matrix and can-i-deploy answer (verdict, reasons, rows, JSON and text) on a history
 * with the awkward cases: a version with many tags, a consumer with several providers, released and
 * supported versions, a release whose support ended, a failed verification with test results, a
 * provider that verified under a branch name, every kind of destination, two selectors, ignores.
 * The expected answers are in {@code src/test/resources/matrix-answers.txt}; they were recorded
 * from the implementation that issued one JPA statement per row, so a rewrite of the queries must
 * give the same answers byte for byte (after replacing the port and the timestamps). Runs on
 * PostgreSQL and H2.
 *
 * <p>To re-record after an intended change of the answers: {@code -Daccord.matrix.record=true},
 * then review the diff.
 */
class MatrixAnswersTest extends RecordedAnswers {
  static final Path EXPECTED = Paths.get("src/test/resources/matrix-answers.txt");

  MatrixAnswersTest() {
    super(EXPECTED, "accord.matrix.record");
  }

  @Override
  String ask(RunningBroker broker) {
    return answers(broker);
  }

  static final List<String> QUERIES =
      List.of(
          // the consumer to an environment: one provider verified, one deployed but never verified
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvpv&environment=production",
          // changed content verified only under the branch name 'main'; a failed verification with
          // mismatches
          "/matrix?q[][pacticipant]=Web&q[][version]=w2&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Web&q[][version]=w2&latestby=cvp&environment=staging",
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvp&environment=staging",
          // the provider side: consumers deployed, released (supported) and released with support
          // ended
          "/matrix?q[][pacticipant]=Api&q[][version]=a1&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Api&q[][version]=a2&latestby=cvp&environment=staging",
          "/matrix?q[][pacticipant]=Auth&q[][version]=au2&latestby=cvp&environment=production",
          // no destination, two selectors, the integration matrix
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvpv",
          "/matrix?q[][pacticipant]=Web&q[][version]=w1",
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&q[][pacticipant]=Api&q[][version]=a1&latestby=cvpv",
          "/matrix?q[][pacticipant]=Web&q[][version]=w2&q[][pacticipant]=Api&q[][version]=a2&latestby=cvpv",
          "/matrix/provider/Api/consumer/Web",
          "/matrix?q[][pacticipant]=Web",
          "/matrix?q[][pacticipant]=Api",
          // tag, main branch and latest destinations; tag, branch and environment selectors
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvp&tag=prod",
          "/matrix?q[][pacticipant]=Web&q[][version]=w2&latestby=cvp&mainBranch=true",
          "/matrix?q[][pacticipant]=Web&q[][version]=w2&latestby=cvp&latest=true",
          "/matrix?q[][pacticipant]=Web&q[][latest]=true&q[][tag]=release-7&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Web&q[][tag]=release-7&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Web&q[][branch]=feat-x&q[][latest]=true&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Web&q[][branch]=feat-x&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Web&q[][mainBranch]=true&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Web&q[][latest]=true&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Web&q[][environment]=staging&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Mobile&q[][environment]=production&latestby=cvp&environment=production",
          // ignores, unknowns, limit
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvp&environment=production&ignore[][pacticipant]=Auth",
          "/matrix?q[][pacticipant]=Web&q[][version]=w2&latestby=cvp&environment=production&ignore[][pacticipant]=Api&ignore[][version]=main",
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvp&environment=production&ignore[][pacticipant]=Nobody",
          "/matrix?q[][pacticipant]=Web&q[][version]=nope&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Lonely&q[][version]=l1&latestby=cvp&environment=production",
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvp&environment=nowhere",
          "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvpv&limit=1",
          "/can-i-deploy?pacticipant=Web&version=w1&environment=production",
          "/can-i-deploy?pacticipant=Web&version=w2&to=prod",
          "/can-i-deploy?pacticipant=Web&version=w2&environment=production&ignore[]=Auth");

  static String answers(RunningBroker broker) {
    seed(broker);
    StringBuilder out = new StringBuilder();
    for (String q : QUERIES) {
      for (String accept : List.of("application/hal+json", "text/plain")) {
        HttpResponse<String> r = broker.get(q, "Accept", accept);
        out.append("### GET ")
            .append(q)
            .append(" (")
            .append(accept)
            .append(") -> ")
            .append(r.statusCode())
            .append('\n')
            .append(normalise(broker, r.body()))
            .append("\n\n");
      }
    }
    return out.toString();
  }

  static String normalise(RunningBroker broker, String body) {
    String s =
        body.replace(broker.baseUrl, "http://BROKER")
            .replaceAll(
                "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?",
                "TIMESTAMP");
    if (s.startsWith("{")) {
      StringBuilder out = new StringBuilder();
      canonical(Json.parse(s), "", out);
      s = out.toString();
    }
    return s;
  }

  /**
   * One line per value, object keys sorted (some objects are built with Map.of, whose order changes
   * from run to run).
   */
  private static void canonical(JsonNode node, String path, StringBuilder out) {
    if (node.isObject()) {
      java.util.TreeMap<String, JsonNode> fields = new java.util.TreeMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
      if (fields.isEmpty()) {
        out.append(path).append(" = {}\n");
      }
      fields.forEach((k, v) -> canonical(v, path + "." + k, out));
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append(path).append(" = []\n");
      }
      for (int i = 0; i < node.size(); i++) {
        canonical(node.get(i), path + "[" + i + "]", out);
      }
    } else {
      out.append(path).append(" = ").append(node).append('\n');
    }
  }

  static void seed(RunningBroker broker) {
    String production = environment(broker, "production");
    String staging = environment(broker, "staging");
    // Web publishes to two providers; w1 on main with many tags, w2 on a feature branch with
    // changed content for Api
    ok(
        broker.post(
            "/contracts/publish", publishBody("Web", "w0", "main", "Api", "zero", "Auth", "zero")));
    ok(
        broker.post(
            "/contracts/publish", publishBody("Web", "w1", "main", "Api", "one", "Auth", "one")));
    ok(
        broker.post(
            "/contracts/publish", publishBody("Web", "w2", "feat-x", "Api", "two", "Auth", "one")));
    ok(broker.patch("/pacticipants/Web", "{\"mainBranch\":\"main\"}"));
    for (int i = 1; i <= 12; i++) {
      ok(broker.put("/pacticipants/Web/versions/w1/tags/release-" + i, "{}"));
    }
    ok(broker.put("/pacticipants/Web/versions/w1/tags/prod", "{}"));
    ok(broker.put("/pacticipants/Web/versions/w0/tags/release-7", "{}"));
    ok(broker.post("/contracts/publish", publishBody("Mobile", "m1", "main", "Api", "mobile")));
    ok(broker.post("/contracts/publish", publishBody("Mobile", "m2", "main", "Api", "mobile2")));
    // the provider Api: a1 on main verifies w0, w1 and m1; a2 on a branch fails w1 and w2; 'main'
    // (a branch name) verifies w2
    for (String v : List.of("a1", "a2", "main")) {
      ok(broker.put("/pacticipants/Api/versions/" + v, "{}"));
    }
    ok(broker.put("/pacticipants/Api/branches/main/versions/a1", "{}"));
    ok(broker.put("/pacticipants/Api/branches/fix/versions/a2", "{}"));
    ok(broker.put("/pacticipants/Api/versions/a1/tags/prod", "{}"));
    ok(broker.patch("/pacticipants/Api", "{\"mainBranch\":\"main\"}"));
    verify(broker, "Api", "Web", "w0", "a1", true, "[]");
    verify(broker, "Api", "Web", "w1", "a1", true, "[]");
    verify(broker, "Api", "Web", "w1", "a1", false, "[]"); // a later result for the same pair wins
    verify(broker, "Api", "Web", "w1", "a1", true, "[]");
    verify(broker, "Api", "Mobile", "m1", "a1", true, "[]");
    String failures =
        "[{\"interactionId\":\"i1\",\"interactionDescription\":\"get thing\",\"success\":false,\"mismatches\":["
            + "{\"attribute\":\"body\",\"identifier\":\"$.name\",\"description\":\"Expected 'two' but got 'one'\"},"
            + "{\"attribute\":\"status\",\"description\":\"expected 200 but was 500\"}]}]";
    verify(broker, "Api", "Web", "w1", "a2", false, failures);
    verify(
        broker,
        "Api",
        "Web",
        "w2",
        "a2",
        false,
        "{\"tests\":[{\"testDescription\":\"get thing\",\"status\":\"failed\",\"exception\":{\"message\":\"boom\\nline 2\"}}]}");
    verify(broker, "Api", "Web", "w2", "main", true, "[]");
    // the provider Auth: au1 verifies the content w1 and w2 share; au2 verifies nothing
    ok(broker.put("/pacticipants/Auth/versions/au1", "{}"));
    ok(broker.put("/pacticipants/Auth/versions/au2", "{}"));
    verify(broker, "Auth", "Web", "w1", "au1", true, "[]");
    // production: Api a1, Auth au2 deployed; Web w1 deployed; Mobile m1 released (supported), m2
    // released then support ended
    deploy(broker, "Api", "a1", production);
    deploy(broker, "Auth", "au2", production);
    deploy(broker, "Web", "w1", production);
    ok(
        broker.post(
            "/pacticipants/Mobile/versions/m1/released-versions/environment/" + production, "{}"));
    HttpResponse<String> m2 =
        broker.post(
            "/pacticipants/Mobile/versions/m2/released-versions/environment/" + production, "{}");
    ok(m2);
    ok(
        broker.patch(
            Json.parse(m2.body()).path("_links").path("self").path("href").asString(),
            "{\"currentlySupported\":false}"));
    // staging: Api a2 and Auth au1 deployed (two instances of Api), Web w0 released
    deploy(broker, "Api", "a2", staging);
    ok(
        broker.post(
            "/pacticipants/Api/versions/a1/deployed-versions/environment/" + staging,
            "{\"applicationInstance\":\"blue\"}"));
    deploy(broker, "Auth", "au1", staging);
    ok(broker.post("/pacticipants/Web/versions/w0/released-versions/environment/" + staging, "{}"));
    // a consumer whose provider has no version at all
    ok(broker.post("/contracts/publish", publishBody("Lonely", "l1", "main", "Ghost", "x")));
  }

  private static String environment(RunningBroker broker, String name) {
    HttpResponse<String> r =
        broker.post(
            "/environments",
            "{\"name\":\"" + name + "\",\"production\":" + name.equals("production") + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.parse(r.body()).path("uuid").asString();
  }

  private static void deploy(
      RunningBroker broker, String pacticipant, String version, String envUuid) {
    ok(
        broker.post(
            "/pacticipants/"
                + pacticipant
                + "/versions/"
                + version
                + "/deployed-versions/environment/"
                + envUuid,
            "{}"));
  }

  private static void verify(
      RunningBroker broker,
      String provider,
      String consumer,
      String consumerVersion,
      String providerVersion,
      boolean success,
      String testResults) {
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
    ok(
        broker.post(
            href,
            "{\"providerApplicationVersion\":\""
                + providerVersion
                + "\",\"success\":"
                + success
                + ",\"testResults\":"
                + testResults
                + ",\"verifiedBy\":{\"implementation\":\"test\",\"version\":\"1\"}}"));
  }

  private static void ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isBetween(200, 299);
  }
}
