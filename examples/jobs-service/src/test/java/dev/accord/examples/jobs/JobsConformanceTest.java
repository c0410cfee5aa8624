package dev.accord.examples.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.AccordCommand;
import dev.accord.contract.conformance.CaseResult;
import dev.accord.contract.conformance.ConformanceReport;
import dev.accord.contract.conformance.OpenApiVerifier;
import dev.accord.pact.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The jobs service against its OpenAPI document, state by state: four cases (POST /generate 202,
 * GET /status/{id} 202 and 200, GET /result/{id} 200), each from its own provider state, through
 * the Java API and through the CLI; then a broken variant of the service, which the document
 * catches.
 */
class JobsConformanceTest {
  static final Path DOCUMENT = Path.of("src/main/resources/jobs.yaml");

  static final String CONFORMING =
      """
      Verifying the provider at http://127.0.0.1:PORT against src/main/resources/jobs.yaml (jobs 1.0.0, OpenAPI 3.0.3)
        state changes: POST http://127.0.0.1:PORT/_states
        seed for generated values: 1 (replay with --seed 1)

        PASS generate (POST /generate) -> 202, given 'no jobs'
        PASS getStatus (GET /status/{id}) -> 202, given 'job 42 is pending'
        PASS getStatus (GET /status/{id}) -> 200, given 'job 42 is ready'
        PASS getResult (GET /result/{id}) -> 200, given 'job 42 has a result'

      Coverage: 3 of 3 operations verified; 4 documented responses: 4 verified, 0 skipped, 0 filtered out
      Answered but not documented: none
      4 cases: 4 passed, 0 failed, 0 skipped, 0 not run. The provider conforms to src/main/resources/jobs.yaml.
      """;

  @Test
  void theServiceConformsToItsDocumentStateByState() throws Exception {
    try (JobsService service = JobsService.start(0)) {
      ByteArrayOutputStream console = new ByteArrayOutputStream();

      ConformanceReport report =
          OpenApiVerifier.forDocument(DOCUMENT)
              .providerBaseUrl(service.baseUrl())
              .stateChangeUrl(service.baseUrl() + "/_states")
              .seed(1)
              .output(new PrintStream(console, true, StandardCharsets.UTF_8))
              .colour(false)
              .verify();

      assertThat(report.passed()).isTrue();
      assertThat(report.results())
          .extracting(CaseResult::request)
          .containsExactly("POST /generate", "GET /status/42", "GET /status/42", "GET /result/42");
      assertThat(withoutPort(console.toString(StandardCharsets.UTF_8), service))
          .isEqualTo(CONFORMING);
    }
  }

  @Test
  void theCliVerifiesItAndWritesTheSelfVerificationResult(@TempDir Path reports) throws Exception {
    try (JobsService service = JobsService.start(0)) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int exit =
          AccordCommand.run(
              new AccordCommand(),
              new PrintWriter(out),
              new PrintWriter(err),
              "verify-openapi",
              DOCUMENT.toString(),
              "--provider-base-url",
              service.baseUrl(),
              "--state-change-url",
              service.baseUrl() + "/_states",
              "--seed",
              "1",
              "--report",
              "json",
              "--report",
              "junit",
              "--report-dir",
              reports.toString());

      assertThat(err.toString()).isEmpty();
      assertThat(exit).isZero();
      assertThat(withoutPort(out.toString(), service)).isEqualTo(CONFORMING);
      JsonNode json = Json.parse(Files.readString(reports.resolve("accord-openapi-jobs.json")));
      assertThat(json.path("tool").path("name").asString()).isEqualTo("accord verify-openapi");
      assertThat(json.path("document").path("sha256").asString()).hasSize(64);
      assertThat(json.path("outcome").asString()).isEqualTo("passed");
      assertThat(json.path("summary").path("passed").asInt()).isEqualTo(4);
      assertThat(Files.readString(reports.resolve("TEST-accord-openapi-jobs.xml")))
          .contains("tests=\"4\" failures=\"0\"");
    }
  }

  @Test
  void aBrokenServiceFailsNamingOperationStatusPathPointerExpectedAndActual() throws Exception {
    try (JobsService service = JobsService.broken(0)) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int exit =
          AccordCommand.run(
              new AccordCommand(),
              new PrintWriter(out),
              new PrintWriter(err),
              "verify-openapi",
              DOCUMENT.toString(),
              "--provider-base-url",
              service.baseUrl(),
              "--state-change-url",
              service.baseUrl() + "/_states",
              "--seed",
              "1");

      assertThat(exit).isEqualTo(1);
      assertThat(withoutPort(out.toString(), service))
          .contains(
              """
            FAIL getResult (GET /result/{id}) -> 200, given 'job 42 has a result'
                GET /result/42 answered 200
                [response.body.incompatible] at $.size
                  document: #/components/schemas/Result/properties/size
                  Response body is incompatible with the document's schema at $.size: expected integer, found string "10"
                response body: {"id": "42", "output": "a red kite", "size": "10"}
                replay: curl -X GET 'http://127.0.0.1:PORT/result/42'
          """)
          .endsWith(
              """
          4 cases: 3 passed, 1 failed, 0 skipped, 0 not run. The provider does NOT conform to src/main/resources/jobs.yaml.
          To replay: --seed 1
          """);
    }
  }

  static String withoutPort(String text, JobsService service) {
    return text.replace(service.baseUrl(), "http://127.0.0.1:PORT");
  }
}
