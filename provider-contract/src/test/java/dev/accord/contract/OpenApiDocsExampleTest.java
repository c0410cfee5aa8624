package dev.accord.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.contract.comparison.ComparisonResult;
import dev.accord.contract.comparison.Incompatibility;
import dev.accord.contract.comparison.PactComparison;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Pact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java example of docs/openapi.md, run: each ```java block of the page is its imports followed
 * by a tagged region of this file, word for word (the imports must be among this file's). The
 * verify-openapi and explore blocks belong to module openapi-verifier, which this one cannot see:
 * examples/e2e's DocsTest compiles them.
 */
class OpenApiDocsExampleTest {

  private static final Path DOC = Path.of("..", "docs", "openapi.md");

  @Test
  void comparingAPactWithADocument() {
    // tag::compare[]
    OpenApiDocument document =
        OpenApiDocument.parse(
            """
        openapi: 3.0.3
        info: {title: products, version: "1"}
        servers: [{url: "https://products.example.com/api"}]
        paths:
          /products/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses:
                "200":
                  description: a product
                  content:
                    application/json:
                      schema:
                        type: object
                        properties: {id: {type: integer}, name: {type: string}}
        """,
            "products.yaml");
    Pact pact =
        PactReader.read(
            """
        {"consumer": {"name": "orders"}, "provider": {"name": "products"},
         "interactions": [{"description": "a product",
           "request": {"method": "GET", "path": "/api/products/7"},
           "response": {"status": 200, "body": {"id": 7, "name": "Kite", "discount": 0.1}}}],
         "metadata": {"pactSpecification": {"version": "3.0.0"}}}
        """,
            "orders-products.json");

    ComparisonResult result = PactComparison.compare(document, pact);
    boolean compatible = result.isCompatible();
    // compatible: false
    Incompatibility first = result.errors().get(0);
    // first.code(): response.body.incompatible
    // first.pactPath(): $.interactions[0].response.body.discount
    // first.documentPointer():
    // /paths/~1products~1{id}/get/responses/200/content/application~1json/schema/properties
    // end::compare[]

    assertThat(compatible).isFalse();
    assertThat(first.code()).isEqualTo("response.body.incompatible");
    assertThat(first.pactPath()).isEqualTo("$.interactions[0].response.body.discount");
    assertThat(first.documentPointer())
        .isEqualTo(
            "/paths/~1products~1{id}/get/responses/200/content/application~1json/schema/properties");
    assertThat(first.message())
        .isEqualTo(
            "Response body is incompatible with the document's schema at "
                + "$.discount: property \"discount\" is not in the document: the consumer expects it, the provider never "
                + "promised it; add it to the schema's properties (or allow it with additionalProperties) or remove it "
                + "from the pact");
  }

  @Test
  void theJavaBlocksOfTheDocsAreThisFilesRegions() throws IOException {
    String doc = Files.readString(DOC);
    String source =
        Files.readString(
            Path.of(
                "src", "test", "java", "dev", "accord", "contract", "OpenApiDocsExampleTest.java"));
    Matcher block = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
    List<String> problems = new ArrayList<>();
    int checked = 0;
    while (block.find()) {
      if (block.group(1).contains("import dev.accord.contract.conformance.")
          || block.group(1).contains("import dev.accord.contract.exploration.")) {
        continue; // verify-openapi's and explore's examples (module openapi-verifier):
        // examples/e2e's DocsTest compiles them
      }
      checked++;
      List<String> lines = block.group(1).lines().toList();
      List<String> imports =
          lines.stream().takeWhile(l -> l.startsWith("import ") || l.isBlank()).toList();
      String code = lines.stream().skip(imports.size()).collect(Collectors.joining("\n"));
      imports.stream()
          .filter(l -> !l.isBlank() && !source.contains("\n" + l + "\n"))
          .forEach(l -> problems.add("docs/openapi.md imports what this test does not: " + l));
      if (!regions(source).contains(code)) {
        problems.add(
            "docs/openapi.md has a java block that is no tagged region of this test:\n" + code);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(1);
  }

  private static List<String> regions(String source) {
    List<String> found = new ArrayList<>();
    Matcher m =
        Pattern.compile("// tag::(\\S+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL)
            .matcher(source);
    while (m.find()) {
      List<String> lines = m.group(2).lines().toList();
      int indent =
          lines.stream()
              .filter(l -> !l.isBlank())
              .mapToInt(l -> l.length() - l.stripLeading().length())
              .min()
              .orElse(0);
      found.add(
          lines.stream()
              .map(l -> l.isBlank() ? "" : l.substring(indent))
              .collect(Collectors.joining("\n")));
    }
    return found;
  }
}
