package dev.accord.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.AccordCommand;
import dev.accord.contract.exploration.Check;
import dev.accord.contract.exploration.ExplorationReport;
import dev.accord.contract.exploration.Explorer;
import dev.accord.contract.openapi.OpenApiDocument;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accord explore} against the library service, through the Java API and the CLI: the fixed
 * service passes; the one with the planted bug (a deleted book still answers 200) fails, and the
 * shortest failing sequence printed is create → delete → get, with its seed and curl commands, the
 * same on every run with the same seed.
 */
class LibraryExplorationTest {

  private static final OpenApiDocument DOCUMENT =
      OpenApiDocument.parse(LibraryService.openApiDocument(), "library-service/openapi.yaml");

  private static final String BUG_FOUND =
      """
      Exploring library-service/openapi.yaml at http://127.0.0.1:PORT
      seed 42, 30 sequences of up to 6 steps, transitions: 5 links

      Failure 1 of 1: deleted_is_gone (a deleted resource is gone), found in 10 sequences
        getBook answered 200 to GET /books/1 after deleteBook deleted it at step 2 (204): a deleted resource must \
      answer 404 or 410
        Shortest failing sequence (3 steps, shrunk from 5 in 4 re-runs), seed 42:
          1. createBook  POST /books → 201
          2. deleteBook  DELETE /books/1 → 204  (id = $response.body#/id of step 1, link DeleteBook)
          3. getBook  GET /books/1 → 200  (id = $response.body#/id of step 1, link GetBook)
        As curl commands, from a fresh state:
          curl -i -X POST 'http://127.0.0.1:PORT/_accord/state' -H 'Content-Type: application/json' --data-raw \
      '{"state":"an empty library","params":{},"action":"setup"}'
          curl -i -X POST 'http://127.0.0.1:PORT/books' -H 'Content-Type: application/json' --data-raw \
      '{"title":"Dune","author":"Frank Herbert"}'
          curl -i -X DELETE 'http://127.0.0.1:PORT/books/1'
          curl -i 'http://127.0.0.1:PORT/books/1'

      Coverage: operations 5 of 5, transitions 5 of 5, links 5 of 5
      1 failure in 30 sequences (169 calls); replay with --seed 42
      """;

  private static ExplorationReport explore(LibraryService service, long seed) {
    return Explorer.forDocument(DOCUMENT)
        .providerBaseUrl(service.baseUrl())
        .stateChangeUrl(service.baseUrl() + "/_accord/state", LibraryService.EMPTY_LIBRARY)
        .seed(seed)
        .explore();
  }

  private static String portless(String text, LibraryService service) {
    return text.replace(service.baseUrl(), "http://127.0.0.1:PORT");
  }

  @Test
  void theFixedLibraryPassesExplorationWithEveryOperationAndLinkCovered() {
    try (LibraryService library = LibraryService.start(0, false)) {
      ExplorationReport report = explore(library, 42);

      assertThat(report.passed()).isTrue();
      assertThat(portless(report.console(), library))
          .isEqualTo(
              """
          Exploring library-service/openapi.yaml at http://127.0.0.1:PORT
          seed 42, 30 sequences of up to 6 steps, transitions: 5 links

          Coverage: operations 5 of 5, transitions 5 of 5, links 5 of 5
          No failure in 30 sequences (180 calls); replay with --seed 42
          """);
    }
  }

  @Test
  void theDeletedBookThatStillAnswersIsFoundAsCreateDeleteGet() {
    try (LibraryService library = LibraryService.start(0, true)) {
      ExplorationReport report = explore(library, 42);

      assertThat(report.passed()).isFalse();
      assertThat(report.failures())
          .singleElement()
          .satisfies(
              failure -> {
                assertThat(failure.check()).isEqualTo(Check.DELETED_IS_GONE);
                assertThat(failure.steps())
                    .extracting(step -> step.operation())
                    .containsExactly("createBook", "deleteBook", "getBook");
              });
      assertThat(portless(report.console(), library)).isEqualTo(BUG_FOUND);
    }
  }

  @Test
  void theSameSeedFindsTheSameShortestSequenceAgain() {
    String first;
    try (LibraryService library = LibraryService.start(0, true)) {
      first = portless(explore(library, 42).console(), library);
    }
    try (LibraryService library = LibraryService.start(0, true)) {
      assertThat(portless(explore(library, 42).console(), library)).isEqualTo(first);
    }
  }

  @Test
  void theCliExitsOneWithTheShortestFailingSequenceAndZeroOnTheFixedLibrary(@TempDir Path directory)
      throws Exception {
    Path spec = directory.resolve("openapi.yaml");
    Files.writeString(spec, LibraryService.openApiDocument());
    try (LibraryService buggy = LibraryService.start(0, true);
        LibraryService fixed = LibraryService.start(0, false)) {
      StringWriter out = new StringWriter();
      int exit =
          AccordCommand.run(
              new AccordCommand(),
              new PrintWriter(out),
              new PrintWriter(new StringWriter()),
              "explore",
              spec.toString(),
              "--provider-base-url",
              buggy.baseUrl(),
              "--seed",
              "42",
              "--state-change-url",
              buggy.baseUrl() + "/_accord/state",
              "--reset-state",
              LibraryService.EMPTY_LIBRARY,
              "--report",
              "html",
              "--report-dir",
              directory.resolve("reports").toString());

      assertThat(exit).isEqualTo(1);
      assertThat(
              portless(out.toString(), buggy)
                  .replace(spec.toString(), "library-service/openapi.yaml"))
          .isEqualTo(
              BUG_FOUND + "Report: " + directory.resolve("reports/explore-report.html") + "\n");
      assertThat(Files.readString(directory.resolve("reports/explore-report.html")))
          .contains("deleted_is_gone", "curl -i -X DELETE");

      int fixedExit =
          AccordCommand.run(
              new AccordCommand(),
              new PrintWriter(new StringWriter()),
              new PrintWriter(new StringWriter()),
              "explore",
              spec.toString(),
              "--provider-base-url",
              fixed.baseUrl(),
              "--seed",
              "42",
              "--state-change-url",
              fixed.baseUrl() + "/_accord/state",
              "--reset-state",
              LibraryService.EMPTY_LIBRARY);
      assertThat(fixedExit).isZero();
    }
  }
}
