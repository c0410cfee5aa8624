package dev.accord.verifier.internal;

import dev.accord.pact.generators.Generation;
import dev.accord.pact.generators.GeneratorContext;
import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.ProviderState;
import dev.accord.pact.model.SyncMessageInteraction;
import dev.accord.verifier.Coverage;
import dev.accord.verifier.Failure;
import dev.accord.verifier.InteractionResult;
import dev.accord.verifier.InteractionResult.Outcome;
import dev.accord.verifier.PactSource;
import dev.accord.verifier.PactSourceException;
import dev.accord.verifier.PactToVerify;
import dev.accord.verifier.Reproduction;
import dev.accord.verifier.RequestFilter;
import dev.accord.verifier.VerificationHook;
import dev.accord.verifier.VerificationReport;
import dev.accord.verifier.internal.report.ConsoleReport;
import dev.accord.verifier.internal.report.LastFailed;
import dev.accord.verifier.internal.report.ReportFiles;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * One verification run: load, select, then for each interaction set up states, replay, match, tear
 * down.
 */
public final class Verification {

  /** An interaction chosen for verification, with the pact it belongs to. */
  public record Selected(PactToVerify pact, Interaction interaction) {
    public String consumer() {
      return pact.pact().consumer().name();
    }

    public boolean pending() {
      return pact.pending() || interaction.pending();
    }

    public String displayName() {
      return InteractionResult.displayName(
          consumer(), interaction.description(), interaction.providerStates());
    }
  }

  private final Settings settings;
  private final HttpTransport transport;
  private final StateChanges states;
  private final Messages messages;
  private final long seed;
  private final ConsoleReport console;
  private final java.util.Set<String> unhandledStatesWarned = new java.util.HashSet<>();

  public Verification(Settings settings) {
    this(settings, new HttpTransport(settings.requestTimeout));
  }

  /**
   * With a transport shared across verifications (the JUnit extension reuses one per test class).
   */
  public Verification(Settings settings, HttpTransport transport) {
    this.settings = settings;
    this.transport = transport;
    this.states = new StateChanges(settings, transport);
    this.messages = new Messages(settings, transport);
    this.seed =
        settings.seed != null
            ? settings.seed
            : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    this.console = new ConsoleReport(settings.out, settings.colour, settings.quiet);
    if (settings.verbose) {
      transport.trace(console::verbose);
    }
  }

  public long seed() {
    return seed;
  }

  /** The seed, the Accord version and the filters of this run, for its reports. */
  public Reproduction reproduction() {
    return new Reproduction(seed, Reproduction.currentVersion(), filters(settings));
  }

  /**
   * Each filter in force, as the builder and the CLI spell it: {@code filterConsumer /
   * --filter-consumer 'web-*'}.
   */
  public static List<String> filters(Settings settings) {
    return settings.selection.labels();
  }

  /**
   * The interactions chosen for verification, and the pacts that could not be loaded (one message
   * each).
   */
  public record Loaded(
      List<Selected> selected, List<String> unreadable, List<Selected> filteredOut) {}

  /**
   * Loads every source and keeps the pacts and interactions the filters select.
   *
   * @throws PactSourceException when a pact cannot be loaded (listing every such pact), or none is
   *     for this provider
   */
  public List<Selected> select() {
    Loaded loaded = load();
    if (!loaded.unreadable().isEmpty()) {
      throw new PactSourceException(String.join("\n\n", loaded.unreadable()));
    }
    return loaded.selected();
  }

  /**
   * Loads every source, each pact file of a directory on its own: a pact file or URL that cannot be
   * loaded is kept as a message and the others are still selected.
   *
   * @throws PactSourceException when the broker cannot give the pacts, or every pact was loaded and
   *     none is for this provider
   */
  public Loaded load() {
    List<Selected> selected = new ArrayList<>();
    List<Selected> filteredOut = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    List<Selection.Candidate> candidates = new ArrayList<>();
    int pactsForProvider = 0;
    if (settings.lastFailed) {
      settings.selection.lastFailed(
          LastFailed.read(settings.reportDir, settings.provider),
          LastFailed.file(settings.reportDir, settings.provider).toString());
    }
    for (PactSource source : eachPactOnItsOwn(settings.sources)) {
      List<PactToVerify> pacts;
      try {
        pacts = source.load(settings.provider);
      } catch (PactSourceException | dev.accord.pact.json.PactFormatException e) {
        if (source instanceof dev.accord.verifier.BrokerPactSource) {
          throw e; // a broker that does not answer stops the run: which pacts to verify is unknown
        }
        unreadable.add(e.getMessage());
        continue;
      }
      for (PactToVerify p : pacts) {
        p.notices().forEach(console::notice);
        Pact pact = p.pact();
        if (!pact.provider().name().equals(settings.provider)) {
          console.notice(
              "Skipping "
                  + p.origin()
                  + ": it is a pact with provider '"
                  + pact.provider().name()
                  + "', not '"
                  + settings.provider
                  + "'");
          continue;
        }
        pactsForProvider++;
        for (Interaction i : pact.interactions()) {
          candidates.add(new Selection.Candidate(pact.consumer().name(), i));
          (settings.selection.selects(pact.consumer().name(), i) ? selected : filteredOut)
              .add(new Selected(p, i));
        }
      }
    }
    if (pactsForProvider == 0 && unreadable.isEmpty()) {
      String none =
          "No pacts for provider '"
              + settings.provider
              + "' were found in "
              + settings.sources.size()
              + (settings.sources.size() == 1 ? " source" : " sources")
              + ". Check the provider name (it must equal the pacts' provider.name) and the pact locations.";
      if (!settings.allowEmpty) {
        throw new PactSourceException(
            none + " (To let a run without pacts pass, allowEmpty() / --allow-empty.)");
      }
      console.notice(none + " Nothing to verify, and empty runs are allowed.");
    } else if (selected.isEmpty() && !settings.selection.isEmpty() && unreadable.isEmpty()) {
      String why = settings.selection.nothingSelected(settings.provider, candidates);
      if (!settings.allowEmpty) {
        throw new NothingSelected(why);
      }
      console.notice(why.lines().findFirst().orElse(why) + " Empty runs are allowed.");
    }
    return new Loaded(selected, unreadable, filteredOut);
  }

  /**
   * A directory becomes one source per pact file, so one unreadable file does not hide the others.
   */
  private static List<PactSource> eachPactOnItsOwn(List<PactSource> sources) {
    List<PactSource> each = new ArrayList<>();
    for (PactSource source : sources) {
      if (source instanceof dev.accord.verifier.internal.sources.DirectoryPactSource directory) {
        try {
          each.addAll(directory.files());
        } catch (PactSourceException e) {
          each.add(source); // loading it again reports why the directory cannot be listed
        }
      } else {
        each.add(source);
      }
    }
    return each;
  }

  /** The filters selected no interaction; the message names each filter and what it matched. */
  public static final class NothingSelected extends PactSourceException {
    public NothingSelected(String message) {
      super(message);
    }
  }

  /** Runs the whole verification and writes reports; never throws for a failing interaction. */
  public VerificationReport run() {
    Loaded loaded;
    console.start(settings, seed);
    try {
      loaded = load();
    } catch (PactSourceException | dev.accord.pact.json.PactFormatException e) {
      VerificationReport report =
          new VerificationReport(
              settings.provider,
              List.of(),
              Optional.of(e.getMessage()),
              List.of(),
              List.of(),
              null,
              reproduction());
      console.finish(report);
      ReportFiles.write(settings, report);
      return report;
    }
    List<Selected> selected = loaded.selected();
    List<String> unreadable = loaded.unreadable();
    List<InteractionResult> results = new ArrayList<>();
    String fatal = null;
    String stopped = null; // why the remaining interactions are not run
    try {
      for (VerificationHook hook : settings.hooks) {
        hook.beforeRun(settings.provider, selected.stream().map(Selected::interaction).toList());
      }
    } catch (Exception e) {
      fatal = "The beforeRun hook failed, so nothing was verified: " + describeThrown(e);
      stopped = "the beforeRun hook failed";
    }
    String currentPact = null;
    long deadline =
        settings.totalTimeout == null
            ? Long.MAX_VALUE
            : System.nanoTime() + settings.totalTimeout.toNanos();
    int failed = 0;
    int timeoutsInARow = 0;
    for (Selected s : selected) {
      if (stopped == null && System.nanoTime() - deadline >= 0) {
        stopped =
            "the run's time budget of " + settings.totalTimeout.toMillis() + " ms was used up";
        fatal =
            "The run's time budget (timeoutTotal / --timeout-total "
                + settings.totalTimeout.toMillis()
                + " ms) was used up before '"
                + s.displayName()
                + "'; "
                + (selected.size() - results.size())
                + " of "
                + selected.size()
                + " interactions were not run. Raise the budget, or select fewer"
                + " interactions (filters).";
      }
      if (stopped != null) {
        results.add(notRun(s, stopped));
        continue;
      }
      if (!s.pact().origin().equals(currentPact)) {
        currentPact = s.pact().origin();
        console.pact(s.pact());
      }
      try {
        long timeoutsBefore = transport.timeouts();
        InteractionResult r = verifyOne(s);
        results.add(r);
        console.result(r, s.interaction().comments());
        timeoutsInARow = transport.timeouts() > timeoutsBefore ? timeoutsInARow + 1 : 0;
        if (r.failedForReal()) {
          failed++;
        }
        if (settings.maxConsecutiveTimeouts > 0
            && timeoutsInARow >= settings.maxConsecutiveTimeouts) {
          stopped = "the provider timed out on " + timeoutsInARow + " interactions in a row";
          fatal =
              "The provider did not answer within "
                  + transport.timeout().toMillis()
                  + " ms on "
                  + timeoutsInARow
                  + " interactions in a row (the last: '"
                  + s.displayName()
                  + "'), so the run"
                  + " stopped: it looks hung (it accepts connections but does not answer). "
                  + (selected.size() - results.size())
                  + " of "
                  + selected.size()
                  + " interactions were not run."
                  + "\nCheck the provider; raise requestTimeout / --request-timeout if it is just slow; or change the"
                  + " rule with maxConsecutiveTimeouts / --max-consecutive-timeouts (0 = never stop).";
        } else if (settings.failFast && r.failedForReal()) {
          stopped = "fail-fast stopped the run after the first failure";
        } else if (settings.maxFailures > 0 && failed >= settings.maxFailures) {
          stopped =
              "the run stopped after "
                  + failed
                  + (failed == 1 ? " failure" : " failures")
                  + " (maxFailures / --max-failures "
                  + settings.maxFailures
                  + ")";
        }
      } catch (HttpTransport.Unreachable e) {
        fatal = unreachable(e, s);
        stopped =
            e.getMessage().contains("state-change")
                ? "the state-change URL was unreachable"
                : "the provider was unreachable";
        results.add(notRun(s, stopped));
      }
    }
    List<String> publishing = new ArrayList<>();
    Coverage coverage = CoverageTally.of(selected, results, loaded.filteredOut());
    VerificationReport report =
        new VerificationReport(
            settings.provider,
            results,
            Optional.ofNullable(fatal),
            List.of(),
            unreadable,
            coverage,
            reproduction());
    if (settings.publish && !settings.statesOnly) {
      List<PactToVerify> pacts = selected.stream().map(Selected::pact).distinct().toList();
      try {
        publishing.addAll(settings.publisher.publish(report, pacts, settings));
      } catch (RuntimeException e) {
        String msg = "Publishing verification results failed: " + e.getMessage();
        fatal = fatal == null ? msg : fatal + "\n" + msg;
      }
      report =
          new VerificationReport(
              settings.provider,
              results,
              Optional.ofNullable(fatal),
              publishing,
              unreadable,
              coverage,
              reproduction());
    }
    try {
      for (VerificationHook hook : settings.hooks) {
        hook.afterRun(report);
      }
    } catch (Exception e) {
      String msg = "The afterRun hook failed: " + describeThrown(e);
      report =
          new VerificationReport(
              report.provider(),
              report.results(),
              Optional.of(report.fatalError().map(f -> f + "\n" + msg).orElse(msg)),
              report.publishing(),
              report.unreadablePacts(),
              report.coverage(),
              report.reproduction());
    }
    console.finish(report);
    ReportFiles.write(settings, report);
    return report;
  }

  private static String describeThrown(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /**
   * The one error of a run stopped by a provider or state endpoint that does not answer at {@code
   * s}.
   */
  public static String unreachable(HttpTransport.Unreachable e, Selected s) {
    boolean stateChange = e.getMessage().contains("state-change");
    return e.getMessage()
        + ".\nNothing was verified from '"
        + s.displayName()
        + "' on. Is the provider running"
        + " and is "
        + (stateChange ? "the state-change URL" : "the base URL")
        + " right? ("
        + (stateChange ? "stateChangeUrl / --state-change-url" : "baseUrl / --provider-base-url")
        + ")";
  }

  /** The result of an interaction that was selected but never verified. */
  public static InteractionResult notRun(Selected s, String reason) {
    return result(s, Outcome.NOT_RUN, List.of(), 0).notRun(reason);
  }

  private static InteractionResult result(
      Selected s, Outcome outcome, List<Failure> failures, long millis) {
    return result(s, outcome, failures, millis, null);
  }

  /**
   * The request as sent (after generators, state values and filters), where, and the response, once
   * known.
   */
  private static final class Exchange {
    HttpRequest request;
    URI url;
    HttpResponse response;
  }

  private static InteractionResult result(
      Selected s, Outcome outcome, List<Failure> failures, long millis, Exchange exchange) {
    Interaction i = s.interaction();
    HttpRequest sent = exchange == null ? null : exchange.request;
    return new InteractionResult(
        s.consumer(),
        i.description(),
        i.providerStates(),
        i.type(),
        s.pact().origin(),
        i.key().orElse(""),
        s.pending(),
        outcome,
        failures,
        millis,
        sent == null ? "" : SentRequest.describe(sent),
        exchange == null || exchange.response == null
            ? ""
            : SentRequest.describeResponse(exchange.response),
        sent == null || exchange.url == null ? "" : SentRequest.curl(exchange.url, sent));
  }

  /**
   * Verifies one interaction from its own states.
   *
   * @throws HttpTransport.Unreachable when the provider or the state endpoint does not answer at
   *     all
   */
  public InteractionResult verifyOne(Selected s) throws HttpTransport.Unreachable {
    long start = System.nanoTime();
    Interaction interaction = s.interaction();
    List<Failure> failures = new ArrayList<>();
    if (!states.configured()) {
      for (ProviderState state : interaction.providerStates()) {
        if (unhandledStatesWarned.add(state.name())) {
          console.notice(
              "Warning: no provider state handler is configured, so the state '"
                  + state.name()
                  + "' is not set up (first needed by '"
                  + s.displayName()
                  + "'). Set stateChangeUrl(...) / "
                  + "--state-change-url or stateHandlers(...).");
        }
      }
    }
    StateChanges.Setup setup = states.setup(interaction);
    // only hooks see them: without hooks, no conversion (it builds the JSON mapper)
    Map<String, Object> stateValues =
        settings.hooks.isEmpty() ? Map.of() : stateValues(setup.context());
    Exchange sent = new Exchange();
    if (setup.failed()) {
      failures.addAll(setup.failures());
      failures.addAll(states.undo(setup.done()));
    } else {
      try {
        boolean hooksPassed = true;
        for (VerificationHook hook : settings.hooks) {
          try {
            hook.beforeInteraction(interaction, stateValues);
          } catch (Exception e) {
            failures.add(
                Failure.of(
                    HOOK_FAILED,
                    "The beforeInteraction hook "
                        + hook.getClass().getName()
                        + " threw "
                        + describeThrown(e)
                        + "; the request was not sent"));
            hooksPassed = false;
            break;
          }
        }
        if (hooksPassed && !settings.statesOnly) {
          failures.addAll(exercise(interaction, setup.context(), sent));
        } else if (interaction instanceof HttpInteraction http) {
          failures.addAll(GeneratedShapes.unprovided(http, setup.context()));
        }
      } finally {
        failures.addAll(states.teardown(setup.done()));
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    InteractionResult result =
        failures.isEmpty()
            ? result(s, Outcome.PASSED, failures, millis)
            : result(s, Outcome.FAILED, failures, millis, sent);
    for (VerificationHook hook : settings.hooks) {
      try {
        hook.afterInteraction(interaction, stateValues, result);
      } catch (Exception e) {
        List<Failure> more = new ArrayList<>(result.failures());
        more.add(
            Failure.of(
                HOOK_FAILED,
                "The afterInteraction hook "
                    + hook.getClass().getName()
                    + " threw "
                    + describeThrown(e)));
        result = result(s, Outcome.FAILED, more, millis, sent);
      }
    }
    return result;
  }

  /** The summary of a failure thrown by a {@link VerificationHook}. */
  public static final String HOOK_FAILED = "Hook failed";

  /**
   * The state values as plain Java values (maps, lists, strings, numbers, booleans, null), for
   * hooks.
   */
  private static Map<String, Object> stateValues(Map<String, JsonNode> context) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    context.forEach(
        (k, v) -> values.put(k, v == null ? null : Json.mapper().treeToValue(v, Object.class)));
    return java.util.Collections.unmodifiableMap(values);
  }

  /**
   * Replays the request or produces the message; {@code sent} receives the request as it was sent,
   * if one was.
   */
  private List<Failure> exercise(
      Interaction interaction, Map<String, JsonNode> context, Exchange sent)
      throws HttpTransport.Unreachable {
    GeneratorContext generatorContext = GeneratorContext.provider(context, seed);
    if (interaction instanceof HttpInteraction http) {
      return replay(http, generatorContext, sent);
    }
    MessageContents expected;
    if (interaction instanceof AsyncMessageInteraction async) {
      expected = async.contents();
    } else if (interaction instanceof SyncMessageInteraction sync) {
      if (sync.responses().isEmpty()) {
        return List.of(
            Failure.of(
                Failure.MESSAGE_FAILED,
                "The synchronous message interaction has no response message to verify"));
      }
      expected = sync.responses().get(0);
    } else {
      throw new IllegalStateException("Unknown interaction kind " + interaction.type());
    }
    Messages.Produced produced;
    try {
      produced = messages.produce(interaction, expected, context);
    } catch (Messages.MessageFailure e) {
      return List.of(Failure.of(Failure.MESSAGE_FAILED, e.getMessage()));
    }
    List<Failure> failures =
        toFailures(Matching.matchMessage(expected, produced.contents()), expected.matchingRules());
    if (produced.byDefaultMapper()
        && failures.stream().anyMatch(f -> f.summary().equals(Failure.BODY))) {
      failures = new ArrayList<>(failures);
      failures.add(Failure.of(Failure.BODY, defaultMapperNote(produced.objectType())));
    }
    return failures;
  }

  /**
   * Said when a body mismatch may come from Accord's serialization of an object rather than from
   * production's.
   */
  static String defaultMapperNote(String objectType) {
    return "Note: Accord's default JSON mapper wrote these bytes: the @ProvidesMessage method returned a "
        + objectType
        + " and no message serializer is set. If production serializes it differently (a configured ObjectMapper,"
        + " snake_case names, a Kafka Serializer), verify what production sends: set the production serializer,"
        + " context.messageSerializer(objectMapper::writeValueAsBytes) in @BeforeEach (JUnit) or"
        + " ProviderVerifier.messageSerializer(...), or return the bytes production sends.";
  }

  private List<Failure> replay(HttpInteraction http, GeneratorContext context, Exchange sent)
      throws HttpTransport.Unreachable {
    if (settings.baseUrl == null) {
      throw new IllegalStateException(
          "No base URL for provider "
              + settings.provider
              + ": set baseUrl(\"http://localhost:PORT\") (CLI: --provider-base-url)");
    }
    HttpRequest request = http.request();
    try {
      if (!request.generators().isEmpty()) {
        request = Generation.generateRequest(request, context);
      }
    } catch (RuntimeException e) {
      return List.of(
          Failure.of(
              Failure.REQUEST_FAILED,
              "Generating the request failed: "
                  + e.getMessage()
                  + "\nProvider state values available: "
                  + context.providerState().keySet()
                  + " (return the missing value from the state handler)"));
    }
    HttpResponse expected = http.response();
    if (!expected.generators().isEmpty()) {
      try {
        expected = Generation.generateResponse(expected, context);
      } catch (RuntimeException e) {
        // the example values stay the expectation; matching rules still apply
      }
    }
    // a state value of another shape than the consumer's example is refused before anything is sent
    List<Failure> shapes =
        new ArrayList<>(GeneratedShapes.check(http.request(), request, context.providerState()));
    shapes.addAll(GeneratedShapes.check(http.response(), expected, context.providerState()));
    if (!shapes.isEmpty()) {
      return shapes;
    }
    for (Map.Entry<String, String> h : settings.extraHeaders.entrySet()) {
      request =
          request.withHeaders(
              dev.accord.verifier.Headers.with(request.headers(), h.getKey(), h.getValue()));
    }
    for (RequestFilter filter : settings.requestFilters) {
      request = filter.filter(request);
    }
    URI url = HttpTransport.target(settings.baseUrl, request);
    sent.request = request;
    sent.url = url;
    HttpResponse actual;
    try {
      actual = transport.send(url, request);
    } catch (HttpTransport.Unreachable e) {
      throw e;
    } catch (HttpTransport.TimedOut e) {
      return List.of(Failure.of(Failure.REQUEST_FAILED, e.getMessage()));
    } catch (IOException | IllegalArgumentException e) {
      return List.of(
          Failure.of(
              Failure.REQUEST_FAILED,
              request.method() + " " + url + " failed: " + StateChanges.describe(e)));
    }
    sent.response = actual;
    return toFailures(Matching.matchResponse(expected, actual), expected.matchingRules());
  }

  /**
   * The mismatches as failures, each naming the rule that decided and, for an exact value, how to
   * loosen it.
   */
  static List<Failure> toFailures(List<Mismatch> mismatches, MatchingRules rules) {
    List<Failure> failures = new ArrayList<>(mismatches.size());
    for (Mismatch m : mismatches) {
      String summary =
          switch (m.type()) {
            case STATUS -> Failure.STATUS;
            case HEADER -> Failure.HEADERS;
            case METADATA -> Failure.METADATA;
            case BODY, BODY_CONTENT_TYPE -> Failure.BODY;
            case METHOD, PATH, QUERY -> "Request had differences";
          };
      String rule = MismatchWords.rule(m, rules);
      failures.add(
          new Failure(
              summary,
              m.path(),
              m.expected(),
              m.actual(),
              m.description(),
              rule,
              MismatchWords.hint(m, rule)));
    }
    return failures;
  }
}
