package dev.accord.contract.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestGeneratorTest {
  static final OpenApiDocument DOCUMENT =
      OpenApiDocument.parse(
          """
      openapi: 3.0.3
      info: {title: jobs, version: "1"}
      servers: [{url: "https://jobs.example.com/v1"}]
      paths:
        /jobs/{id}/runs:
          parameters:
            - {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
          post:
            operationId: startRun
            parameters:
              - {name: dryRun, in: query, schema: {type: boolean}}
              - {name: page, in: query, required: true, schema: {type: integer, minimum: 1, maximum: 1}}
              - {name: X-Trace, in: header, required: true, schema: {type: string}, example: trace-1}
            requestBody:
              required: true
              content:
                text/plain: {schema: {type: string}}
                application/json:
                  schema:
                    type: object
                    required: [priority]
                    properties: {priority: {type: string, enum: [low]}}
            responses:
              "201": {description: started}
              default: {description: an error}
      """,
          "jobs.yaml");

  @Test
  void operationsAreListedWithTheirMergedParametersAndResponses() {
    List<ApiOperation> operations = ApiOperation.all(DOCUMENT);

    assertThat(operations).hasSize(1);
    ApiOperation op = operations.get(0);
    assertThat(op.key()).isEqualTo("POST /jobs/{id}/runs");
    assertThat(op.displayName()).isEqualTo("startRun (POST /jobs/{id}/runs)");
    assertThat(op.pointer()).isEqualTo("/paths/~1jobs~1{id}~1runs/post");
    assertThat(op.parameters())
        .extracting(p -> p.in() + " " + p.name())
        .containsExactly("path id", "query dryRun", "query page", "header X-Trace");
    assertThat(op.responses()).containsExactly("201", "default");
  }

  @Test
  void theRequestTakesGivenValuesThenExamplesThenGeneratedOnes() {
    ApiOperation op = ApiOperation.all(DOCUMENT).get(0);
    RequestGenerator requests = new RequestGenerator(DOCUMENT, new ValueGenerator(DOCUMENT, 1));

    RequestGenerator.GeneratedRequest generated =
        requests.generate(op, RequestValues.none().withPath("id", "42"));

    ApiRequest request = generated.request();
    assertThat(request.requestLine()).isEqualTo("POST /v1/jobs/42/runs?page=1");
    assertThat(request.headers()).isEqualTo(Map.of("X-Trace", "trace-1"));
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(Json.parse(request.body())).isEqualTo(Json.parse("{\"priority\": \"low\"}"));
    assertThat(generated.sources())
        .containsExactly(
            Map.entry("path id", RequestGenerator.Source.GIVEN),
            Map.entry("query page", RequestGenerator.Source.GENERATED),
            Map.entry("header X-Trace", RequestGenerator.Source.EXAMPLE),
            Map.entry("body", RequestGenerator.Source.GENERATED));
    assertThat(generated.generated()).containsExactly("query page", "body");
  }

  @Test
  void aGivenBodyAndHeadersWin() {
    ApiOperation op = ApiOperation.all(DOCUMENT).get(0);
    RequestGenerator requests = new RequestGenerator(DOCUMENT, new ValueGenerator(DOCUMENT, 1));

    ApiRequest request =
        requests
            .generate(
                op,
                RequestValues.none()
                    .withPath("id", "a b")
                    .withHeader("x-trace", "mine")
                    .withBody(Json.parse("{\"priority\": \"high\"}")))
            .request();

    assertThat(request.path()).isEqualTo("/v1/jobs/a%20b/runs");
    assertThat(request.headers()).isEqualTo(Map.of("X-Trace", "mine"));
    assertThat(request.body()).isEqualTo("{\"priority\":\"high\"}");
    assertThat(request.toCurl(java.net.URI.create("http://127.0.0.1:8080/")))
        .isEqualTo(
            "curl -X POST 'http://127.0.0.1:8080/v1/jobs/a%20b/runs?page=1' -H 'X-Trace: mine'"
                + " -H 'Content-Type: application/json' --data '{\"priority\":\"high\"}'");
  }
}
