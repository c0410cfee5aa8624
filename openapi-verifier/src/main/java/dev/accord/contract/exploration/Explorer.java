package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.generate.ApiParameter;
import dev.accord.contract.openapi.OpenApiDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/**
 * Stateful exploration of a running provider from its OpenAPI document: sequences of calls that
 * follow the document's links (or data dependencies inferred from names, or a transitions file),
 * each call's answer checked (documented status and body, no 5xx, a created resource is readable, a
 * deleted one is gone). A failing sequence is shrunk to a shortest one that still fails, and
 * reported with its seed and as {@code curl} commands.
 *
 * <pre>{@code
 * ExplorationReport report = Explorer.forDocument(OpenApiDocument.read(Path.of("openapi.yaml")))
 *     .providerBaseUrl("http://127.0.0.1:8080")
 *     .seed(42)
 *     .hook(new ExplorationHook() {
 *       @Override
 *       public void setup() {
 *         database.clear();                  // every sequence starts from the same state
 *       }
 *     })
 *     .explore();
 * System.out.print(report.console());
 * }</pre>
 *
 * Exploration is opt-in and finds workflow bugs; it is never a verdict of the broker (contracts
 * are).
 */
public final class Explorer {

  private final OpenApiDocument document;
  private String baseUrl;
  private Long seed;
  private int stepCount = 6;
  private int maxExamples = 30;
  private final List<String> includes = new ArrayList<>();
  private final List<String> excludes = new ArrayList<>();
  private Duration timeoutPerStep = Duration.ofSeconds(10);
  private Duration timeoutTotal;
  private boolean failFast;
  private PrintWriter verbose;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final List<Transition> extraTransitions = new ArrayList<>();
  private String transitionsFile;
  private String stateChangeUrl;
  private String resetState = "a fresh state";
  private final List<ExplorationHook> hooks = new ArrayList<>();
  private CallExecutor executor = new HttpCallExecutor();
  private LongSupplier nanoTime = System::nanoTime;
  private Values values;
  private Judge judge;

  private Explorer(OpenApiDocument document) {
    this.document = Objects.requireNonNull(document, "document");
  }

  /** Explores the provider this document describes. */
  public static Explorer forDocument(OpenApiDocument document) {
    return new Explorer(document);
  }

  /**
   * Where the provider listens ({@code http://127.0.0.1:8080}); the document's server base path is
   * added.
   */
  public Explorer providerBaseUrl(String url) {
    this.baseUrl = Objects.requireNonNull(url, "url");
    return this;
  }

  /**
   * The seed of every choice and generated value: the same seed gives the same sequences. Random
   * when not set.
   */
  public Explorer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The most calls in one sequence (default 6). */
  public Explorer stepCount(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("The step count must be at least 1, was " + steps);
    }
    this.stepCount = steps;
    return this;
  }

  /** How many sequences to run (default 30). */
  public Explorer maxExamples(int sequences) {
    if (sequences < 1) {
      throw new IllegalArgumentException(
          "The number of sequences (max examples) must be at least 1, was " + sequences);
    }
    this.maxExamples = sequences;
    return this;
  }

  /**
   * Only call the operations a glob selects ({@code *} any characters, {@code ?} one), matched
   * against the operationId and against {@code METHOD /path}: {@code "*Book"}, {@code "GET
   * /books/*"}. Repeatable: any of them.
   */
  public Explorer include(String... globs) {
    includes.addAll(List.of(globs));
    return this;
  }

  /** Never call the operations a glob selects (as {@link #include}). */
  public Explorer exclude(String... globs) {
    excludes.addAll(List.of(globs));
    return this;
  }

  /**
   * How long one call may take (default 10 s); a call that takes longer fails the {@code answers}
   * check.
   */
  public Explorer timeoutPerStep(Duration timeout) {
    this.timeoutPerStep = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** The time budget of the whole exploration; when used up, no further sequence starts. */
  public Explorer timeoutTotal(Duration timeout) {
    this.timeoutTotal = timeout;
    return this;
  }

  /** Stop after the first failing sequence (it is still shrunk). */
  public Explorer failFast(boolean failFast) {
    this.failFast = failFast;
    return this;
  }

  /** Print every sequence, state change, request and response to {@code out}. */
  public Explorer verbose(PrintWriter out) {
    this.verbose = out;
    return this;
  }

  /** A header on every request ({@code Authorization}, a tenant); replaces one of the same name. */
  public Explorer header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Adds the transitions of a transitions file ({@link Transitions#read}) to the document's. */
  public Explorer transitionsFile(Path file) {
    extraTransitions.addAll(Transitions.read(document, file));
    transitionsFile = file.toString();
    return this;
  }

  /** Adds transitions to the document's. */
  public Explorer transitions(List<Transition> transitions) {
    extraTransitions.addAll(transitions);
    return this;
  }

  /**
   * Before each sequence, POST {@code {"state": state, "params": {}, "action": "setup"}} to this
   * URL (the provider states protocol of pact verification), and {@code "teardown"} after it: the
   * provider resets itself.
   */
  public Explorer stateChangeUrl(String url, String state) {
    this.stateChangeUrl = url;
    this.resetState = Objects.requireNonNull(state, "state");
    return this;
  }

  /** Lifecycle hooks: setup and teardown around each sequence, before and after each call. */
  public Explorer hook(ExplorationHook hook) {
    hooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /** Sends the requests (default: the JDK's HttpClient). */
  public Explorer executor(CallExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /** The clock of the total time budget, in nanoseconds (default {@link System#nanoTime()}). */
  Explorer clock(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    return this;
  }

  Explorer values(Values values) {
    this.values = values;
    return this;
  }

  Explorer judge(Judge judge) {
    this.judge = judge;
    return this;
  }

  /**
   * Runs the exploration.
   *
   * @throws ExplorationException when it cannot start: no base URL, a pattern that selects nothing,
   *     a state change or hook that fails
   */
  public ExplorationReport explore() {
    return prepare().explore();
  }

  /**
   * Checks what {@link #explore()} would check before its first call (a base URL, patterns that
   * select operations, transitions between known operations) without calling the provider.
   *
   * @throws ExplorationException naming the problem and the fix
   */
  public void validate() {
    prepare();
  }

  private Run prepare() {
    if (baseUrl == null) {
      throw new ExplorationException(
          "No provider base URL: give providerBaseUrl(\"http://127.0.0.1:8080\")");
    }
    long actualSeed = seed != null ? seed : new SecureRandom().nextLong();
    Operations operations = new Operations(document);
    List<ApiOperation> selected = select(operations);
    Set<String> selectedIds = new LinkedHashSet<>();
    selected.forEach(o -> selectedIds.add(Operations.id(o)));
    List<Transition> documentTransitions = Transitions.links(document);
    String source = documentTransitions.size() + " links";
    if (documentTransitions.isEmpty()) {
      documentTransitions = Transitions.inferred(document);
      source = documentTransitions.size() + " inferred from names (the document has no links)";
    }
    if (transitionsFile != null || !extraTransitions.isEmpty()) {
      source +=
          ", "
              + extraTransitions.size()
              + " from "
              + (transitionsFile != null ? transitionsFile : "the caller");
    }
    List<Transition> transitions = new ArrayList<>();
    for (Transition t : concat(documentTransitions, extraTransitions)) {
      if (selectedIds.contains(t.from()) && selectedIds.contains(t.to())) {
        transitions.add(t);
      }
    }
    List<String> filters = new ArrayList<>();
    includes.forEach(i -> filters.add("include: " + i));
    excludes.forEach(e -> filters.add("exclude: " + e));

    SequenceRunner runner =
        new SequenceRunner(
            new SequenceRunner.Settings(
                operations,
                baseUrl,
                headers,
                timeoutPerStep,
                executor,
                hooks,
                values != null ? values : GeneratedValues.of(document),
                judge != null ? judge : DocumentJudge.of(document),
                verbose,
                stateChangeUrl,
                resetState));
    return new Run(runner, operations, selected, transitions, actualSeed, source, filters);
  }

  private List<ApiOperation> select(Operations operations) {
    for (String pattern : concat(includes, excludes)) {
      if (operations.all().stream().noneMatch(o -> Operations.matches(o, pattern))) {
        throw new ExplorationException(
            "The pattern '"
                + pattern
                + "' selects no operation of "
                + document.location()
                + "; patterns are globs on the operationId or on \"METHOD /path\" (\"*Book\", \"GET /books/*\"); "
                + "the operations: "
                + operations.known());
      }
    }
    List<ApiOperation> selected = new ArrayList<>();
    for (ApiOperation operation : operations.all()) {
      boolean included =
          includes.isEmpty() || includes.stream().anyMatch(p -> Operations.matches(operation, p));
      boolean excluded = excludes.stream().anyMatch(p -> Operations.matches(operation, p));
      if (included && !excluded) {
        selected.add(operation);
      }
    }
    if (selected.isEmpty()) {
      throw new ExplorationException(
          "The include and exclude patterns leave no operation of "
              + document.location()
              + " to call; the operations: "
              + operations.known());
    }
    return selected;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** One exploration: its sequences, their failures and coverage. */
  private final class Run {
    private final SequenceRunner runner;
    private final Operations operations;
    private final List<ApiOperation> selected;
    private final List<Transition> transitions;
    private final long seed;
    private final String source;
    private final List<String> filters;
    private final List<ApiOperation> roots = new ArrayList<>();
    private final Set<String> called = new LinkedHashSet<>();
    private final Set<String> followed = new LinkedHashSet<>();
    private long start;

    Run(
        SequenceRunner runner,
        Operations operations,
        List<ApiOperation> selected,
        List<Transition> transitions,
        long seed,
        String source,
        List<String> filters) {
      this.runner = runner;
      this.operations = operations;
      this.selected = selected;
      this.transitions = transitions;
      this.seed = seed;
      this.source = source;
      this.filters = filters;
      selected.stream().filter(o -> !Operations.hasPathParameters(o)).forEach(roots::add);
      if (roots.isEmpty()) {
        roots.addAll(selected);
      }
    }

    boolean outOfTime() {
      return timeoutTotal != null && nanoTime.getAsLong() - start >= timeoutTotal.toNanos();
    }

    ExplorationReport explore() {
      start = nanoTime.getAsLong();
      Random master = new Random(seed);
      Map<String, ExplorationFailure> failures = new LinkedHashMap<>();
      int sequences = 0;
      int calls = 0;
      String stoppedEarly = null;
      for (int n = 1; n <= maxExamples; n++) {
        if (outOfTime()) {
          stoppedEarly = budgetUsedUp(sequences);
          break;
        }
        Random random = new Random(master.nextLong());
        verbose("sequence " + n + " of " + maxExamples);
        Shrinker.Failing failing = null;
        boolean timeUp = false;
        try (SequenceRunner.Session session = runner.start()) {
          for (int step = 0; step < stepCount; step++) {
            if (outOfTime()) {
              timeUp = true;
              break;
            }
            PlannedStep next = choose(random, session.exchanges());
            calls++;
            called.add(Operations.id(next.operation()));
            if (next.via() != null) {
              followed.add(next.via().label());
            }
            Optional<Finding> finding;
            try {
              finding = session.step(next);
            } catch (SequenceRunner.Unresolvable e) {
              throw new IllegalStateException("A chosen step could not run: " + e.getMessage(), e);
            }
            if (finding.isPresent()) {
              failing =
                  new Shrinker.Failing(
                      List.copyOf(session.steps()),
                      List.copyOf(session.exchanges()),
                      finding.get());
              break;
            }
          }
        }
        sequences++;
        if (failing != null) {
          String signature = failing.finding().signature();
          ExplorationFailure known = failures.get(signature);
          if (known != null) {
            failures.put(signature, known.withOccurrences(known.occurrences() + 1));
          } else {
            verbose("  " + failing.finding().message() + "; shrinking");
            failures.put(signature, shrink(failing, n));
          }
          if (failFast) {
            stoppedEarly =
                "--fail-fast: stopped at the first failing sequence ("
                    + n
                    + " of "
                    + maxExamples
                    + ")";
            break;
          }
        }
        if (timeUp) {
          stoppedEarly = budgetUsedUp(sequences);
          break;
        }
      }
      return new ExplorationReport(
          document.location(),
          baseUrl,
          seed,
          maxExamples,
          stepCount,
          source,
          filters,
          sequences,
          calls,
          List.copyOf(failures.values()),
          coverage(),
          stoppedEarly);
    }

    private String budgetUsedUp(int sequences) {
      return "the total time budget ("
          + timeoutTotal.toMillis()
          + " ms) was used up after "
          + sequences
          + " of "
          + maxExamples
          + " sequences";
    }

    private ExplorationFailure shrink(Shrinker.Failing failing, int sequence) {
      Shrinker shrinker =
          new Shrinker(
              steps -> {
                try {
                  SequenceRunner.Session session = runner.replay(steps);
                  return new Shrinker.Failing(
                      List.copyOf(session.steps()),
                      List.copyOf(session.exchanges()),
                      session.finding());
                } catch (SequenceRunner.Unresolvable e) {
                  return null;
                }
              },
              this::outOfTime);
      Shrinker.Result result = shrinker.shrink(failing);
      Shrinker.Failing shortest = result.shortest();
      List<ExploredStep> steps = new ArrayList<>();
      for (int i = 0; i < shortest.steps().size(); i++) {
        PlannedStep step = shortest.steps().get(i);
        Exchange exchange = shortest.exchanges().get(i);
        steps.add(
            new ExploredStep(
                i + 1,
                Operations.id(step.operation()),
                via(step),
                exchange.request(),
                exchange.response(),
                exchange.error()));
      }
      Finding finding = shortest.finding();
      return new ExplorationFailure(
          finding.check(),
          finding.operation(),
          finding.message(),
          sequence,
          failing.finding().step() + 1,
          result.runs(),
          result.complete(),
          steps,
          stateChangeUrl == null ? null : runner.stateChangeRequest("setup"),
          1);
    }

    private String via(PlannedStep step) {
      if (step.via() == null) {
        return "";
      }
      List<String> bindings = new ArrayList<>();
      step.via()
          .parameters()
          .forEach(
              (key, expression) ->
                  bindings.add(key.substring(key.indexOf('.') + 1) + " = " + expression));
      if (step.via().requestBody() != null) {
        bindings.add("body = " + step.via().requestBody());
      }
      String kind =
          switch (step.via().kind()) {
            case LINK -> "link " + step.via().name();
            case INFERRED -> "inferred";
            case FILE -> "transitions file";
          };
      return String.join(", ", bindings) + " of step " + (step.source() + 1) + ", " + kind;
    }

    /**
     * The next step: most often a transition from an earlier call (one not followed yet first),
     * else a first call.
     */
    private PlannedStep choose(Random random, List<Exchange> exchanges) {
      List<Transition> followable = new ArrayList<>();
      List<Integer> sources = new ArrayList<>();
      for (int j = 0; j < exchanges.size(); j++) {
        Exchange exchange = exchanges.get(j);
        if (!exchange.answered()) {
          continue;
        }
        for (Transition t : transitions) {
          if (t.from().equals(Operations.id(exchange.operation()))
              && t.followsStatus(exchange.response().status())
              && resolvable(t, exchange)) {
            followable.add(t);
            sources.add(j);
          }
        }
      }
      if (!followable.isEmpty() && random.nextInt(100) < 75) {
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < followable.size(); i++) {
          if (!followed.contains(followable.get(i).label())) {
            fresh.add(i);
          }
        }
        int pick =
            !fresh.isEmpty() && random.nextInt(100) < 70
                ? fresh.get(random.nextInt(fresh.size()))
                : random.nextInt(followable.size());
        Transition via = followable.get(pick);
        ApiOperation target = operations.find(via.to()).orElseThrow();
        return planned(random, target, via, sources.get(pick));
      }
      return planned(random, roots.get(random.nextInt(roots.size())), null, -1);
    }

    private boolean resolvable(Transition t, Exchange exchange) {
      for (String expression : t.parameters().values()) {
        if (RuntimeExpression.parse(expression).evaluate(exchange).isEmpty()) {
          return false;
        }
      }
      return t.requestBody() == null
          || RuntimeExpression.parse(t.requestBody()).evaluate(exchange).isPresent();
    }

    private PlannedStep planned(Random random, ApiOperation operation, Transition via, int source) {
      Map<String, JsonNode> generated = new LinkedHashMap<>();
      Values values = runner.settings().values();
      for (ApiParameter parameter : operation.parameters()) {
        String key = Operations.key(parameter);
        if (via != null && via.parameters().containsKey(key)) {
          continue;
        }
        if (parameter.required() || random.nextBoolean()) {
          JsonNode value = values.parameter(operation, parameter, random);
          if (value != null) {
            generated.put(key, value);
          }
        }
      }
      JsonNode body = null;
      if (via == null || via.requestBody() == null) {
        Optional<Operations.Body> documented = operations.body(operation);
        if (documented.isPresent() && (documented.get().required() || random.nextBoolean())) {
          body = values.body(operation, documented.get(), random);
        }
      }
      return new PlannedStep(operation, via, source, generated, body);
    }

    private ExplorationCoverage coverage() {
      List<String> operationIds = selected.stream().map(Operations::id).toList();
      List<String> labels =
          new ArrayList<>(
              new LinkedHashSet<>(transitions.stream().map(Transition::label).toList()));
      List<String> links =
          new ArrayList<>(
              new LinkedHashSet<>(
                  transitions.stream()
                      .filter(t -> t.kind() == Transition.Kind.LINK)
                      .map(Transition::label)
                      .toList()));
      return new ExplorationCoverage(
          operationIds,
          operationIds.stream().filter(called::contains).toList(),
          labels,
          labels.stream().filter(followed::contains).toList(),
          links,
          links.stream().filter(followed::contains).toList());
    }

    private void verbose(String line) {
      if (verbose != null) {
        verbose.println(line);
        verbose.flush();
      }
    }
  }
}
