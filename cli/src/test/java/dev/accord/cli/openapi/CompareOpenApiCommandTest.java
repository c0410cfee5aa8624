package dev.accord.cli.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.AccordCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareOpenApiCommandTest {
  private static final String SPEC = "src/test/resources/openapi/catalogue.yaml";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "compare-openapi";
    System.arraycopy(args, 0, full, 1, args.length);
    return AccordCommand.run(
        new AccordCommand(), new PrintWriter(out, true), new PrintWriter(err, true), full);
  }

  @Test
  void aPactThatFitsExitsZero() {
    // GIVEN / WHEN a pact whose one interaction the document describes
    int exit = run("--spec", SPEC, "--pact", "src/test/resources/openapi/fits.json");

    // THEN exit 0 and a one-line verdict
    assertThat(exit).isEqualTo(0);
    assertThat(out.toString())
        .isEqualTo(
            "The pact between orders-service and catalogue is compatible with "
                + SPEC
                + ": 0 of 1 interaction incompatible, 0 errors, 0 warnings\n");
  }

  @Test
  void aPactThatDoesNotFitExitsOneWithEveryIncompatibility() {
    // GIVEN / WHEN a pact expecting an undocumented property and calling an undocumented method
    int exit = run("--spec", SPEC, "--pact", "src/test/resources/openapi/misfits.json");

    // THEN exit 1, both printed with where and why
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .isEqualTo(
            """
        The pact between orders-service and catalogue is NOT compatible with %s: 2 of 2 interactions \
        incompatible, 2 errors, 0 warnings
        [error] response.body.incompatible in 'a product with its discount'
          pact:     $.interactions[0].response.body.discount
          document: #/components/schemas/Product
          Response body is incompatible with the document's schema at $.discount: property "discount" is not in the \
        document: the consumer expects it, the provider never promised it; add it to the schema's properties (or allow \
        it with additionalProperties) or remove it from the pact
        [error] request.path-or-method.unknown in 'delete a product'
          pact:     $.interactions[1].request.path
          document: #/paths
          Path or method not defined in the document: DELETE /api/products/P-7 matches /products/{productId}, which \
        documents GET only
        """
                .formatted(SPEC));
  }

  @Test
  void missingFilesAndAnUnusableDocumentAreUsageErrors(@TempDir Path dir) throws Exception {
    // GIVEN a missing spec, a missing pact, and a document with problems
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "openapi: 3.0.3\npaths: {}\n");

    // WHEN / THEN each is exit 2 with what to fix
    assertThat(run("--spec", "nope.yaml", "--pact", "src/test/resources/openapi/fits.json"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--spec nope.yaml: no such file");
    assertThat(run("--spec", SPEC, "--pact", "nope.json")).isEqualTo(2);
    assertThat(err.toString()).contains("--pact nope.json: no such file");
    assertThat(run("--spec", broken.toString(), "--pact", "src/test/resources/openapi/fits.json"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--spec The OpenAPI document "
                + broken
                + " cannot be used (1 problem):\n"
                + "  - attribute info is missing\n");
    assertThat(run("--pact", "x.json")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--spec=FILE'");
  }
}
