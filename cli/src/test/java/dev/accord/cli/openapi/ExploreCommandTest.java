package dev.accord.cli.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.AccordCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors of {@code accord explore} (exit 2), found before any call; the exploration itself is
 * tested in openapi-verifier and against examples/library-service.
 */
class ExploreCommandTest {
  private static final String SPEC = "src/test/resources/openapi/catalogue.yaml";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "explore";
    System.arraycopy(args, 0, full, 1, args.length);
    return AccordCommand.run(
        new AccordCommand(), new PrintWriter(out, true), new PrintWriter(err, true), full);
  }

  @Test
  void aMissingDocumentIsAUsageError() {
    int exit = run("missing.yaml", "--provider-base-url", "http://127.0.0.1:1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("SPEC missing.yaml: no such file\naccord explore --help lists its options.\n");
  }

  @Test
  void aPatternThatSelectsNothingIsAUsageErrorNamingTheOperations() {
    int exit =
        run(SPEC, "--provider-base-url", "http://127.0.0.1:1", "--include", "deleteEverything");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "The pattern 'deleteEverything' selects no operation of "
                + SPEC
                + "; patterns are globs on the operationId or on \"METHOD /path\" (\"*Book\", \"GET /books/*\"); the "
                + "operations: ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aTransitionsFileNamingAnUnknownOperationIsAUsageError(@TempDir Path directory)
      throws Exception {
    Path transitions = directory.resolve("transitions.yaml");
    Files.writeString(transitions, "transitions: [{from: nowhere, to: nowhere}]\n");

    int exit =
        run(
            SPEC,
            "--provider-base-url",
            "http://127.0.0.1:1",
            "--transitions",
            transitions.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "The transitions[0] of "
                + transitions
                + ": from: 'nowhere' is not an "
                + "operation of the document; known: ");
  }

  @Test
  void badNumbersAndReportFormatsAreUsageErrors() {
    assertThat(run(SPEC, "--provider-base-url", "http://127.0.0.1:1", "--step-count", "0"))
        .isEqualTo(2);
    assertThat(run(SPEC, "--provider-base-url", "http://127.0.0.1:1", "--report", "junit"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--report junit: expected json or html");
  }
}
