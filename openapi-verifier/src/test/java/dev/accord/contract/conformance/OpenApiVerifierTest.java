package dev.accord.contract.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import dev.accord.verifier.ReportFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The conformance run against a small in-test provider, its states handled in-process. */
class OpenApiVerifierTest {
  static final OpenApiDocument DOCUMENT =
      OpenApiDocument.parse(
          """
      openapi: 3.0.3
      info: {title: things, version: "2"}
      paths:
        /things:
          get:
            operationId: listThings
            responses:
              "200":
                description: all things
                content:
                  application/json:
                    schema: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        /things/{id}:
          get:
            operationId: getThing
            x-provider-state: {name: a thing exists, params: {name: kite}}
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            responses:
              "200":
                description: a thing
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Thing"}
              "404":
                description: no such thing
              default:
                description: an error
      components:
        schemas:
          Thing:
            type: object
            required: [id, name]
            properties: {id: {type: integer}, name: {type: string}}
      """,
          "things.yaml");

  HttpServer server;
  final Map<Integer, String> things = new java.util.concurrent.ConcurrentHashMap<>();
  final AtomicReference<String> thingBody = new AtomicReference<>();
  final List<String> stateCalls = new ArrayList<>();
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach
  void startProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body;
            int status;
            if (path.equals("/things")) {
              status = 200;
              body =
                  "["
                      + String.join(
                          ",",
                          things.entrySet().stream()
                              .map(
                                  e ->
                                      "{\"id\":"
                                          + e.getKey()
                                          + ",\"name\":\""
                                          + e.getValue()
                                          + "\"}")
                              .toList())
                      + "]";
            } else {
              int id = Integer.parseInt(path.substring("/things/".length()));
              status = things.containsKey(id) ? 200 : 404;
              body =
                  status == 404
                      ? ""
                      : thingBody.get() != null
                          ? thingBody.get()
                          : "{\"id\":" + id + ",\"name\":\"" + things.get(id) + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
    server.start();
  }

  @AfterEach
  void stopProvider() {
    server.stop(0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  OpenApiVerifier verifier() {
    return OpenApiVerifier.forDocument(DOCUMENT)
        .providerBaseUrl(baseUrl())
        .seed(3)
        .colour(false)
        .output(new PrintStream(console, true, StandardCharsets.UTF_8))
        .stateHandler(
            new dev.accord.verifier.StateChangeHandler() {
              @Override
              public Map<String, ?> setup(String state, Map<String, Object> params) {
                stateCalls.add("setup " + state + " " + params);
                things.put(7, String.valueOf(params.get("name")));
                return Map.of("id", 7);
              }

              @Override
              public void teardown(String state, Map<String, Object> params) {
                stateCalls.add("teardown " + state);
                things.clear();
              }
            });
  }

  String output() {
    return console.toString(StandardCharsets.UTF_8).replace(baseUrl(), "http://127.0.0.1:PORT");
  }

  @Test
  void everyOperationTimesEveryResponseIsOneCaseFromItsOwnState() {
    ConformanceReport report = verifier().verify();

    assertThat(report.passed()).as(output()).isTrue();
    assertThat(stateCalls)
        .containsExactly("setup a thing exists {name=kite}", "teardown a thing exists");
    assertThat(output())
        .isEqualTo(
            """
        Verifying the provider at http://127.0.0.1:PORT against things.yaml (things 2, OpenAPI 3.0.3)
          state changes: in-process handler
          seed for generated values: 3 (replay with --seed 3)

          PASS listThings (GET /things) -> 200
          PASS getThing (GET /things/{id}) -> 200, given 'a thing exists'
          SKIP getThing (GET /things/{id}) -> 404
              skipped: no provider state or cases-file entry says how to make getThing (GET /things/{id}) answer 404;\
         name one with x-provider-state on the response, or an entry {operation: getThing, status: 404, state: ...} in\
         a cases file
          SKIP getThing (GET /things/{id}) -> default
              skipped: no provider state or cases-file entry says how to make getThing (GET /things/{id}) answer\
         default; name one with x-provider-state on the response, or an entry {operation: getThing, status: default,\
         state: ...} in a cases file

        Coverage: 2 of 2 operations verified; 4 documented responses: 2 verified, 2 skipped, 0 filtered out
        Answered but not documented: none
        4 cases: 2 passed, 0 failed, 2 skipped, 0 not run. The provider conforms to things.yaml.
        """);
  }

  @Test
  void aCasesFileGivesStatesAndValuesAndStateValuesFillPlaceholders() {
    ConformanceReport report =
        verifier()
            .cases(
                CasesFile.parse(
                    """
        cases:
          - {operation: getThing, status: 404, state: no things, path: {id: 99}}
          - {operation: "GET /things/{id}", status: 200, state: a thing exists, params: {name: box}, path: {id: "${id}"}}
        """,
                    "cases.yaml"))
            .filterStatus("200", "404")
            .verify();

    assertThat(report.passed()).isTrue();
    assertThat(report.results())
        .extracting(CaseResult::name, CaseResult::request, CaseResult::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "listThings (GET /things) -> 200", "GET /things", CaseResult.Outcome.PASSED),
            org.assertj.core.groups.Tuple.tuple(
                "getThing (GET /things/{id}) -> 200, given 'a thing exists'",
                "GET /things/7",
                CaseResult.Outcome.PASSED),
            org.assertj.core.groups.Tuple.tuple(
                "getThing (GET /things/{id}) -> 404, given 'no things'",
                "GET /things/99",
                CaseResult.Outcome.PASSED));
    assertThat(stateCalls).contains("setup a thing exists {name=box}");
    assertThat(report.coverage().responsesFilteredOut()).isEqualTo(1);
  }

  @Test
  void aWrongBodyFailsWithTheViolationAndTheRunStopsAtTheBudget() {
    thingBody.set("{\"id\": \"seven\"}");

    ConformanceReport report = verifier().failFast().verify();

    assertThat(report.passed()).isFalse();
    CaseResult failed = report.results().get(1);
    assertThat(failed.outcome()).isEqualTo(CaseResult.Outcome.FAILED);
    assertThat(failed.violations())
        .extracting(v -> v.code() + " " + v.path() + " " + v.pointer())
        .containsExactly(
            "response.body.incompatible $.id /components/schemas/Thing/properties/id",
            "response.body.incompatible $ /components/schemas/Thing/required");
    assertThat(report.results())
        .extracting(CaseResult::outcome)
        .containsExactly(
            CaseResult.Outcome.PASSED,
            CaseResult.Outcome.FAILED,
            CaseResult.Outcome.NOT_RUN,
            CaseResult.Outcome.NOT_RUN);
    assertThat(output())
        .contains(
            """
          FAIL getThing (GET /things/{id}) -> 200, given 'a thing exists'
              GET /things/7 answered 200
              [response.body.incompatible] at $.id
                document: #/components/schemas/Thing/properties/id
                Response body is incompatible with the document's schema at $.id: expected integer, found string\
         "seven"
              [response.body.incompatible] at $
                document: #/components/schemas/Thing/required
                Response body is incompatible with the document's schema at $: required property "name" is missing;\
         the document promises it in every response: send it, or take it out of required
              response body: {"id": "seven"}
              replay: curl -X GET 'http://127.0.0.1:PORT/things/7'
          NOT RUN getThing (GET /things/{id}) -> 404
        """)
        .contains("Not run (2): fail-fast: the run stopped at the first failure\n");
    assertThat(stateCalls)
        .containsExactly("setup a thing exists {name=kite}", "teardown a thing exists");
  }

  @Test
  void aStatusOtherThanTheCasesFailsAndIsCountedWhenUndocumented() {
    ConformanceReport report =
        verifier()
            .cases(
                CasesFile.parse(
                    "cases: [{operation: getThing, status: 404, state: a thing exists, path: {id: '${id}'}}]",
                    "c.yaml"))
            .filterOperation("getThing")
            .filterStatus("404")
            .verify();

    CaseResult r = report.results().get(0);
    assertThat(r.violations())
        .extracting(v -> v.code() + ": " + v.message())
        .containsExactly(
            "case.status.mismatch: Response status 200 is not the case's 404: after state 'a thing exists', getThing"
                + " (GET /things/{id}) should answer 404; check the state handler, the request values or the provider");
  }

  @Test
  void aPlaceholderTheStateDidNotGiveFailsTheCaseSayingWhichValuesThereAre() {
    ConformanceReport report =
        verifier()
            .cases(
                CasesFile.parse(
                    "cases: [{operation: getThing, status: 200, path: {id: '${thingId}'}}]",
                    "c.yaml"))
            .filterOperation("getThing")
            .filterStatus("200")
            .verify();

    assertThat(report.results().get(0).failures())
        .containsExactly(
            "The case getThing (GET /things/{id}) -> 200,"
                + " given 'a thing exists' uses ${thingId} but its states gave no value 'thingId' (values: [name, id]); return"
                + " it from the state handler or give it in the state's params");
    assertThat(stateCalls)
        .containsExactly("setup a thing exists {name=kite}", "teardown a thing exists");
  }

  @Test
  void aFailingTeardownFailsTheCase() {
    ConformanceReport report =
        verifier()
            .stateHandler(
                new dev.accord.verifier.StateChangeHandler() {
                  @Override
                  public Map<String, ?> setup(String state, Map<String, Object> params) {
                    things.put(7, "kite");
                    return Map.of("id", 7);
                  }

                  @Override
                  public void teardown(String state, Map<String, Object> params) {
                    throw new IllegalStateException("disk full");
                  }
                })
            .filterOperation("getThing")
            .filterStatus("200")
            .verify();

    CaseResult r = report.results().get(0);
    assertThat(r.outcome()).isEqualTo(CaseResult.Outcome.FAILED);
    assertThat(r.violations()).isEmpty();
    assertThat(r.failures())
        .containsExactly(
            "State change teardown failed\n  Tearing down state 'a thing exists'"
                + " threw IllegalStateException: disk full");
  }

  @Test
  void filtersSelectByOperationGlobStatusAndState() {
    assertThat(verifier().filterOperation("GET /things").verify().results()).hasSize(1);
    assertThat(verifier().filterOperation("getT*").filterStatus("2*").verify().results())
        .extracting(CaseResult::name)
        .containsExactly("getThing (GET /things/{id}) -> 200, given 'a thing exists'");
    assertThat(verifier().filterState("^a thing").verify().results()).hasSize(1);
  }

  @Test
  void withoutStateHandlingACaseNeedingAStateIsSkippedWithTheFix() {
    ConformanceReport report =
        OpenApiVerifier.forDocument(DOCUMENT)
            .providerBaseUrl(baseUrl())
            .seed(1)
            .output(new PrintStream(console, true, StandardCharsets.UTF_8))
            .filterStatus("200")
            .verify();

    assertThat(report.results().get(1).reason())
        .isEqualTo(
            "the case needs the provider state 'a thing exists' but"
                + " no state handling is configured; give --state-change-url (Java: stateChangeUrl(...) or"
                + " stateHandler(...))");
  }

  @Test
  void aPathParameterWithoutStateOrExampleIsSkipped() {
    OpenApiDocument document =
        OpenApiDocument.parse(
            """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /things/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses: {"200": {description: ok}}
        """,
            "t.yaml");

    ConformanceReport report =
        OpenApiVerifier.forDocument(document)
            .providerBaseUrl(baseUrl())
            .output(new PrintStream(console, true, StandardCharsets.UTF_8))
            .verify();

    assertThat(report.results().get(0).reason())
        .isEqualTo(
            "no provider state and no value for path parameter id: a"
                + " generated value names no existing resource; name a state (x-provider-state on the operation or response,"
                + " or a cases file entry) or give the parameter an example");
  }

  @Test
  void anUnreachableProviderStopsTheRun() {
    server.stop(0);

    ConformanceReport report = verifier().filterOperation("listThings").verify();

    assertThat(report.passed()).isFalse();
    assertThat(report.fatalError())
        .hasValueSatisfying(
            e -> assertThat(e).startsWith("Could not connect to the provider at " + baseUrl()));
  }

  @Test
  void reportFilesAreTheSelfVerificationResultJUnitXmlAndHtml(@TempDir Path dir)
      throws IOException {
    verifier().reports(dir, ReportFormat.JSON, ReportFormat.JUNIT, ReportFormat.HTML).verify();

    JsonNode json = Json.parse(Files.readString(dir.resolve("accord-openapi-things.json")));
    assertThat(json.path("tool").path("name").asString()).isEqualTo("accord verify-openapi");
    assertThat(json.path("document").path("title").asString()).isEqualTo("things");
    assertThat(json.path("document").path("sha256").asString()).matches("[0-9a-f]{64}");
    assertThat(json.path("seed").asLong()).isEqualTo(3);
    assertThat(json.path("outcome").asString()).isEqualTo("passed");
    assertThat(json.path("cases").get(1).path("request").asString()).isEqualTo("GET /things/7");
    assertThat(json.path("cases").get(2).path("outcome").asString()).isEqualTo("skipped");
    assertThat(Files.readString(dir.resolve("TEST-accord-openapi-things.xml")))
        .contains(
            "<testsuite name=\"OpenAPI conformance of things\" tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"2\">");
    assertThat(Files.readString(dir.resolve("accord-openapi-things.html")))
        .contains("<h1>things 2</h1>");
  }

  @Test
  void verboseShowsStateChangesRequestsAndResponses() {
    verifier().verbose().filterOperation("listThings").verify();

    assertThat(output()).contains("      request: GET /things\n", "      response: 200 ");
  }

  @Test
  void misconfigurationIsRefused() {
    assertThatThrownBy(() -> OpenApiVerifier.forDocument(DOCUMENT).verify())
        .hasMessage(
            "No provider base URL: call providerBaseUrl(\"http://127.0.0.1:8080\") (CLI: --provider-base-url)");
    assertThatThrownBy(
            () -> OpenApiVerifier.forDocument(DOCUMENT).providerBaseUrl("localhost:8080"))
        .hasMessage(
            "The provider base URL 'localhost:8080' must be an absolute http or https URL, such as"
                + " http://127.0.0.1:8080");
    assertThatThrownBy(() -> OpenApiVerifier.forDocument(DOCUMENT).maxFailures(-1))
        .hasMessage("maxFailures must be 0 (no limit) or more, was -1");
  }

  @Test
  void globsMatchWholeNamesCaseInsensitively() {
    assertThat(OpenApiVerifier.glob("get*", "getThing")).isTrue();
    assertThat(OpenApiVerifier.glob("GET /things/*", "GET /things/{id}")).isTrue();
    assertThat(OpenApiVerifier.glob("GET /things", "GET /things/{id}")).isFalse();
  }
}
