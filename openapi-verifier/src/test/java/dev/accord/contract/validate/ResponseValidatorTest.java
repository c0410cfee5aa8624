package dev.accord.contract.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.openapi.OpenApiDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseValidatorTest {
  static final OpenApiDocument DOCUMENT =
      OpenApiDocument.parse(
          """
      openapi: 3.0.3
      info: {title: jobs, version: "1"}
      paths:
        /result/{id}:
          get:
            operationId: getResult
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses:
              "200":
                description: the result
                headers:
                  X-Job-Id: {required: true, schema: {type: integer}}
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Result"}
              4XX:
                description: a client error
                content:
                  application/problem+json:
                    schema: {type: object, required: [title], properties: {title: {type: string}}}
      components:
        schemas:
          Result:
            type: object
            additionalProperties: false
            required: [id, size, state]
            properties:
              id: {type: string}
              size: {type: integer, minimum: 0}
              state: {type: string, enum: [done]}
              note: {type: string, nullable: true}
              writtenOnly: {type: string, writeOnly: true}
      """,
          "jobs.yaml");
  static final ApiOperation GET_RESULT = ApiOperation.all(DOCUMENT).get(0);
  final ResponseValidator validator = new ResponseValidator(DOCUMENT);

  List<String> violations(int status, Map<String, String> headers, String body) {
    return validator.validate(GET_RESULT, ApiResponse.of(status, headers, body)).stream()
        .map(v -> v.code() + " " + v.path() + " " + v.pointer() + ": " + v.message())
        .toList();
  }

  @Test
  void aConformingResponseHasNoViolation() {
    assertThat(
            violations(
                200,
                Map.of("Content-Type", "application/json; charset=utf-8", "X-Job-Id", "42"),
                "{\"id\": \"42\", \"size\": 3, \"state\": \"done\", \"note\": null}"))
        .isEmpty();
    assertThat(
            violations(
                404,
                Map.of("Content-Type", "application/problem+json"),
                "{\"title\": \"no job 7\"}"))
        .isEmpty();
  }

  @Test
  void anUndocumentedStatusIsAViolation() {
    assertThat(violations(500, Map.of(), ""))
        .containsExactly(
            "response.status.unknown status "
                + "/paths/~1result~1{id}/get/responses: Response status 500 is not documented for getResult (GET /result/{id})"
                + " (documented: 200, 4XX) and there is no default response; document it or fix the provider");
  }

  @Test
  void bodyProblemsNameTheirJsonPathAndSchemaPointer() {
    assertThat(
            violations(
                200,
                Map.of("Content-Type", "application/json", "X-Job-Id", "42"),
                "{\"id\": 42, \"size\": -1, \"extra\": true}"))
        .containsExactly(
            "response.body.incompatible $.id /components/schemas/Result/properties/id: Response body is incompatible"
                + " with the document's schema at $.id: expected string, found integer 42",
            "response.body.incompatible $.size /components/schemas/Result/properties/size/minimum: Response body is"
                + " incompatible with the document's schema at $.size: integer -1 fails the schema's minimum: must have"
                + " a minimum value of 0",
            "response.body.incompatible $ /components/schemas/Result/required: Response body is incompatible with the"
                + " document's schema at $: required property \"state\" is missing; the document promises it in every"
                + " response: send it, or take it out of required",
            "response.body.incompatible $.extra /components/schemas/Result/additionalProperties: Response body is"
                + " incompatible with the document's schema at $.extra: property \"extra\" is not allowed: the schema"
                + " says additionalProperties: false; stop sending it or document it");
  }

  @Test
  void headersAndContentTypesAreChecked() {
    assertThat(violations(200, Map.of("Content-Type", "text/html"), "<p>done</p>"))
        .containsExactly(
            "response.header.missing X-Job-Id /paths/~1result~1{id}/get/responses/200/headers/X-Job-Id/required:"
                + " Response header X-Job-Id is required by the document but was not sent; send it, or make it optional"
                + " in the document",
            "response.content-type.incompatible Content-Type /paths/~1result~1{id}/get/responses/200/content: Response"
                + " Content-Type text/html is not one the document produces for status 200 (application/json)");
    assertThat(
            violations(
                200, Map.of("Content-Type", "application/json", "X-Job-Id", "many"), "{oops"))
        .containsExactly(
            "response.header.incompatible X-Job-Id /paths/~1result~1{id}/get/responses/200/headers/X-Job-Id/schema:"
                + " Response header X-Job-Id = \"many\" is incompatible with the document: expected integer, found"
                + " string \"many\"",
            "response.body.unparseable $ /paths/~1result~1{id}/get/responses/200/content/application~1json: Response"
                + " body is not JSON although its Content-Type is application/json: {oops");
    assertThat(violations(200, Map.of("X-Job-Id", "1"), ""))
        .containsExactly(
            "response.body.missing $ /paths/~1result~1{id}/get/responses/200/content: Response body is missing: the"
                + " document describes content for status 200 (application/json); send it, or document the response"
                + " without content");
  }
}
