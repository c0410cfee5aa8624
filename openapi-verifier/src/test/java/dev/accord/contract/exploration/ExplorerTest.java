package dev.accord.contract.exploration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.contract.openapi.OpenApiDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerTest {

  private static final OpenApiDocument DOCUMENT =
      OpenApiDocument.parse(FakeLibrary.DOCUMENT, "library.yaml");

  private final FakeLibrary library = new FakeLibrary();

  private Explorer explorer(FakeLibrary provider, long seed) {
    return Explorer.forDocument(DOCUMENT)
        .providerBaseUrl("http://library.test")
        .stateChangeUrl("http://library.test/state", "an empty library")
        .executor(provider)
        .clock(() -> provider.nanos)
        .seed(seed);
  }

  private Explorer explorer(long seed) {
    return explorer(library, seed);
  }

  @Test
  void aDeletedBookThatStillAnswersIsFoundAndShrunkToCreateDeleteGet() {
    // GIVEN a provider whose deleted books still answer 200
    library.deletedBooksStillAnswer = true;

    // WHEN it is explored
    ExplorationReport report = explorer(7).explore();

    // THEN one failure, shrunk to create → delete → get, with its seed and curl commands
    assertThat(report.passed()).isFalse();
    assertThat(report.failures()).hasSize(1);
    ExplorationFailure failure = report.failures().get(0);
    assertThat(failure.check()).isEqualTo(Check.DELETED_IS_GONE);
    assertThat(failure.steps())
        .extracting(ExploredStep::operation)
        .containsExactly("createBook", "deleteBook", "getBook");
    assertThat(report.console())
        .isEqualTo(
            """
        Exploring library.yaml at http://library.test
        seed 7, 30 sequences of up to 6 steps, transitions: 3 links

        Failure 1 of 1: deleted_is_gone (a deleted resource is gone), found in 20 sequences
          getBook answered 200 to GET /books/1 after deleteBook deleted it at step 2 (204): a deleted resource must \
        answer 404 or 410
          Shortest failing sequence (3 steps, shrunk from 5 in 2 re-runs), seed 7:
            1. createBook  POST /books → 201
            2. deleteBook  DELETE /books/1 → 204  (id = $response.body#/id of step 1, link DeleteBook)
            3. getBook  GET /books/1 → 200  (id = $request.path.id of step 2, link GetBook)
          As curl commands, from a fresh state:
            curl -i -X POST 'http://library.test/state' -H 'Content-Type: application/json' --data-raw \
        '{"state":"an empty library","params":{},"action":"setup"}'
            curl -i -X POST 'http://library.test/books' -H 'Content-Type: application/json' --data-raw \
        '{"title":"Dune"}'
            curl -i -X DELETE 'http://library.test/books/1'
            curl -i 'http://library.test/books/1'

        Coverage: operations 4 of 4, transitions 3 of 3, links 3 of 3
        1 failure in 30 sequences (156 calls); replay with --seed 7
        """);
  }

  @Test
  void aProviderWithoutTheBugPassesWithEveryOperationAndLinkCovered() {
    ExplorationReport report = explorer(7).explore();

    assertThat(report.passed()).isTrue();
    assertThat(report.sequences()).isEqualTo(30);
    assertThat(report.coverage().summary())
        .isEqualTo("operations 4 of 4, transitions 3 of 3, links 3 of 3");
    assertThat(report.console())
        .endsWith("No failure in 30 sequences (180 calls); replay with --seed 7\n");
  }

  @Test
  void theSameSeedGivesTheSameSequencesAndAnotherSeedOthers() {
    FakeLibrary first = new FakeLibrary();
    FakeLibrary second = new FakeLibrary();
    FakeLibrary third = new FakeLibrary();
    first.deletedBooksStillAnswer =
        second.deletedBooksStillAnswer = third.deletedBooksStillAnswer = true;

    ExplorationReport one = explorer(first, 99).explore();
    ExplorationReport two = explorer(second, 99).explore();
    explorer(third, 100).explore();

    assertThat(second.calls).isEqualTo(first.calls);
    assertThat(two.console()).isEqualTo(one.console());
    assertThat(third.calls).isNotEqualTo(first.calls);
  }

  @Test
  void excludedOperationsAreNeverCalledAndTheirTransitionsNeverFollowed() {
    library.deletedBooksStillAnswer = true;

    ExplorationReport report = explorer(7).exclude("DELETE *").explore();

    assertThat(report.passed()).isTrue();
    assertThat(library.calls).noneMatch(call -> call.startsWith("DELETE"));
    assertThat(report.coverage().operations())
        .containsExactly("listBooks", "createBook", "getBook");
    assertThat(report.coverage().transitions()).containsExactly("createBook 201 → getBook");
    assertThat(report.filters()).containsExactly("exclude: DELETE *");
  }

  @Test
  void includedOperationsAreTheOnlyOnesCalled() {
    ExplorationReport report = explorer(7).include("*Book").explore();

    assertThat(library.calls).noneMatch(call -> call.equals("GET /books"));
    assertThat(report.coverage().operations())
        .containsExactly("createBook", "getBook", "deleteBook");
  }

  @Test
  void aPatternThatSelectsNoOperationIsRefusedWithTheOperations() {
    assertThatThrownBy(() -> explorer(7).include("*Boook").validate())
        .isInstanceOf(ExplorationException.class)
        .hasMessage(
            "The pattern '*Boook' selects no operation of library.yaml; patterns are globs on the operationId "
                + "or on \"METHOD /path\" (\"*Book\", \"GET /books/*\"); the operations: listBooks, createBook, getBook, "
                + "deleteBook");
    assertThat(library.calls).isEmpty();
  }

  @Test
  void aCallThatTakesLongerThanTheTimeoutPerStepFails() {
    library.timesOut = "GET /books";

    ExplorationReport report =
        explorer(7).include("listBooks").timeoutPerStep(Duration.ofMillis(250)).explore();

    assertThat(report.failures()).hasSize(1);
    ExplorationFailure failure = report.failures().get(0);
    assertThat(failure.check()).isEqualTo(Check.ANSWERS);
    assertThat(failure.message())
        .isEqualTo("listBooks: GET /books did not answer within 250 ms (the timeout per step)");
    assertThat(failure.steps()).hasSize(1);
    assertThat(report.console())
        .contains(
            "    1. listBooks  GET /books → did not answer within 250 ms (the timeout "
                + "per step)\n");
  }

  @Test
  void theTotalTimeBudgetStopsTheExplorationBetweenSequences() {
    // GIVEN each call takes 1 ms of the (fake) clock
    library.nanosPerCall = 1_000_000;

    ExplorationReport report = explorer(7).timeoutTotal(Duration.ofMillis(20)).explore();

    assertThat(report.sequences()).isLessThan(30);
    assertThat(report.stoppedEarly())
        .isEqualTo(
            "the total time budget (20 ms) was used up after "
                + report.sequences()
                + " of 30 sequences");
    assertThat(report.console())
        .contains("Stopped early: the total time budget (20 ms) was used up after ");
  }

  @Test
  void failFastStopsAtTheFirstFailingSequence() {
    library.createAnswers500 = true;
    FakeLibrary again = new FakeLibrary();
    again.createAnswers500 = true;

    ExplorationReport fast = explorer(7).failFast(true).explore();
    ExplorationReport all = explorer(again, 7).explore();

    assertThat(fast.failures()).hasSize(1);
    assertThat(fast.failures().get(0).check()).isEqualTo(Check.NO_SERVER_ERROR);
    assertThat(fast.failures().get(0).message())
        .isEqualTo(
            "createBook answered 500 to POST /books: a server error "
                + "is never a valid answer; its body: {\"error\":\"boom\"}");
    assertThat(fast.stoppedEarly())
        .isEqualTo(
            "--fail-fast: stopped at the first failing sequence (" + fast.sequences() + " of 30)");
    assertThat(all.sequences()).isEqualTo(30);
    assertThat(all.failures().get(0).occurrences()).isGreaterThan(1);
  }

  @Test
  void aCreatedBookThatCannotBeReadIsFoundAndShrunkToCreateGet() {
    library.createdBooksUnreadable = true;

    ExplorationReport report = explorer(7).explore();

    ExplorationFailure failure = report.failures().get(0);
    assertThat(failure.check()).isEqualTo(Check.CREATED_IS_READABLE);
    assertThat(failure.steps())
        .extracting(ExploredStep::operation)
        .containsExactly("createBook", "getBook");
    assertThat(failure.message())
        .isEqualTo(
            "getBook answered 404 to GET /books/1 right after createBook created it "
                + "at step 1 (201): a created resource must be readable");
  }

  @Test
  void aResponseTheDocumentDoesNotAllowFailsTheConformanceCheck() {
    library.titleAsNumber = true;

    ExplorationReport report = explorer(7).explore();

    ExplorationFailure failure = report.failures().get(0);
    assertThat(failure.check()).isEqualTo(Check.RESPONSE_CONFORMS);
    assertThat(failure.steps())
        .extracting(ExploredStep::operation)
        .containsExactly("createBook", "getBook");
    assertThat(failure.message())
        .startsWith(
            "getBook answered 200 to GET /books/1, which the document does not "
                + "allow: response.body.incompatible at $.title");
  }

  @Test
  void hooksRunAroundEverySequenceAndEveryCall() {
    library.deletedBooksStillAnswer = true;
    List<String> events = new ArrayList<>();
    ExplorationHook hook =
        new ExplorationHook() {
          @Override
          public void setup() {
            events.add("setup");
          }

          @Override
          public void teardown() {
            events.add("teardown");
          }

          @Override
          public void beforeCall(ExploredRequest request) {
            events.add("before " + request.method());
          }

          @Override
          public void afterCall(ExploredRequest request, ExploredResponse response) {
            events.add("after " + response.status());
          }
        };

    ExplorationReport report = explorer(7).hook(hook).explore();

    int reruns = report.failures().get(0).shrinkRuns();
    assertThat(events.stream().filter("setup"::equals).count())
        .isEqualTo(report.sequences() + reruns);
    assertThat(events.stream().filter("teardown"::equals).count())
        .isEqualTo(report.sequences() + reruns);
    assertThat(events.stream().filter(e -> e.startsWith("before ")).count())
        .isEqualTo(events.stream().filter(e -> e.startsWith("after ")).count())
        .isGreaterThanOrEqualTo(report.calls());
    assertThat(events.subList(0, 3)).containsExactly("setup", "before POST", "after 201");
  }

  @Test
  void verbosePrintsEverySequenceStateChangeRequestAndResponse() {
    java.io.StringWriter out = new java.io.StringWriter();

    explorer(7).maxExamples(1).stepCount(2).verbose(new java.io.PrintWriter(out)).explore();

    assertThat(out.toString().replace(System.lineSeparator(), "\n"))
        .isEqualTo(
            """
        sequence 1 of 1
          state change: {"state":"an empty library","params":{},"action":"setup"}
          → POST http://library.test/books {"title":"Dune"}
          ← 201 {"id":1,"title":"Dune"}
          → GET http://library.test/books
          ← 200 []
          state change: {"state":"an empty library","params":{},"action":"teardown"}
        """);
  }

  @Test
  void theReportsNameTheFailureTheSequenceAndTheCoverage(@TempDir Path directory) throws Exception {
    library.deletedBooksStillAnswer = true;

    List<Path> files = explorer(7).explore().write(directory);

    String json = Files.readString(files.get(0));
    String html = Files.readString(files.get(1));
    assertThat(json)
        .contains(
            "\"check\": \"deleted_is_gone\"",
            "\"seed\": 7",
            "\"curl -i -X DELETE 'http://library.test/books/1'\",");
    assertThat(html)
        .contains(
            "<h2 class=\"fail\">Failure 1: deleted_is_gone (a deleted resource is gone)</h2>",
            "<tr><td>3</td><td>getBook</td><td><code>GET /books/1</code></td><td>200</td>");
  }
}
