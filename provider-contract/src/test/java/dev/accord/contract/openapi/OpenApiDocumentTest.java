package dev.accord.contract.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiDocumentTest {

  @Test
  void loadsYaml30WithServersBasePathsAndInternalRefs() {
    // GIVEN a 3.0 YAML document with two servers, a server variable and a $ref
    String yaml =
        """
        openapi: 3.0.3
        info: {title: products, version: "1"}
        servers:
          - url: https://api.example.com/v1/
          - url: "{scheme}://localhost:8080/{base}"
            variables:
              scheme: {default: http}
              base: {default: api}
        paths:
          /products/{id}:
            get:
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Product"}
        components:
          schemas:
            Product:
              type: object
              properties:
                name: {type: string, nullable: true}
        """;

    // WHEN it is loaded
    OpenApiDocument document = OpenApiDocument.parse(yaml, "products.yaml");

    // THEN the base paths, version and the tree with the reference followed are known
    assertThat(document.basePaths()).containsExactly("/v1", "/api");
    assertThat(document.openApiVersion()).isEqualTo("3.0.3");
    assertThat(document.isOpenApi31()).isFalse();
    var schema =
        document
            .node("/paths/~1products~1{id}/get/responses/200/content/application~1json/schema")
            .orElseThrow();
    var product =
        document
            .resolve(
                schema,
                "/paths/~1products~1{id}/get/responses/200/content/application~1json/schema")
            .orElseThrow();
    assertThat(product.pointer()).isEqualTo("/components/schemas/Product");
    assertThat(product.node().at("/properties/name/nullable").asBoolean()).isTrue();
    assertThat(document.model().getPaths()).containsKey("/products/{id}");
  }

  @Test
  void loadsJson31WithTypeArraysAndNoServers() {
    // GIVEN a 3.1 JSON document without servers
    String json =
        """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
         "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json":
           {"schema": {"type": ["string", "null"]}}}}}}}}}
        """;

    // WHEN it is loaded
    OpenApiDocument document = OpenApiDocument.parse(json, "a.json");

    // THEN it is 3.1, served at the root, with its type array kept
    assertThat(document.isOpenApi31()).isTrue();
    assertThat(document.basePaths()).containsExactly("");
    assertThat(
            document
                .node("/paths/~1a/get/responses/200/content/application~1json/schema/type")
                .orElseThrow()
                .toString())
        .isEqualTo("[\"string\",\"null\"]");
  }

  @Test
  void resolvesExternalRefsRelativeToTheLocation(@TempDir Path dir) throws Exception {
    // GIVEN a document whose schema lives in a second file
    Files.writeString(
        dir.resolve("schemas.yaml"),
        """
        Product:
          type: object
          required: [id]
          properties:
            id: {type: integer}
        """);
    Path main = dir.resolve("api.yaml");
    Files.writeString(
        main,
        """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /p:
            get:
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "schemas.yaml#/Product"}
        """);

    // WHEN it is read from its file
    OpenApiDocument document = OpenApiDocument.read(main);

    // THEN the external schema is in the document and reachable from the response
    var schema =
        document
            .node("/paths/~1p/get/responses/200/content/application~1json/schema")
            .orElseThrow();
    var product =
        document
            .resolve(schema, "/paths/~1p/get/responses/200/content/application~1json/schema")
            .orElseThrow();
    assertThat(product.node().at("/required/0").asString()).isEqualTo("id");
  }

  @Test
  void listsEveryProblemOfAnInvalidDocument() {
    // GIVEN a document missing info and with a response without description
    String yaml =
        """
        openapi: 3.0.3
        paths:
          /a:
            get:
              responses:
                "200":
                  content: {}
        """;

    // WHEN / THEN loading it fails with every problem listed
    assertThatThrownBy(() -> OpenApiDocument.parse(yaml, "broken.yaml"))
        .isInstanceOf(OpenApiDocumentException.class)
        .hasMessage(
            """
            The OpenAPI document broken.yaml cannot be used (2 problems):
              - attribute info is missing
              - attribute paths.'/a'(get).responses.200.description is missing
            Fix the document (an OpenAPI 3.0 or 3.1 document, YAML or JSON) and load it again.""");
  }

  @Test
  void refusesWhatIsNotOpenApi() {
    assertThatThrownBy(
            () ->
                OpenApiDocument.parse(
                    "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n", "old.yaml"))
        .isInstanceOf(OpenApiDocumentException.class)
        .hasMessageContaining("old.yaml");
    assertThatThrownBy(() -> OpenApiDocument.parse("  ", "empty.yaml"))
        .hasMessage(
            """
            The OpenAPI document empty.yaml cannot be used (1 problem):
              - the document is empty
            Fix the document (an OpenAPI 3.0 or 3.1 document, YAML or JSON) and load it again.""");
  }
}
