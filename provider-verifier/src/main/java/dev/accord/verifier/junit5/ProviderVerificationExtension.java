package dev.accord.verifier.junit5;

import dev.accord.broker.client.ConsumerVersionSelector;
import dev.accord.broker.client.PactBrokerClient;
import dev.accord.verifier.BrokerPactSource;
import dev.accord.verifier.InteractionResult;
import dev.accord.verifier.PactSource;
import dev.accord.verifier.PactToVerify;
import dev.accord.verifier.ReportFormat;
import dev.accord.verifier.Reproduction;
import dev.accord.verifier.VerificationHook;
import dev.accord.verifier.VerificationReport;
import dev.accord.verifier.internal.CoverageTally;
import dev.accord.verifier.internal.HttpTransport;
import dev.accord.verifier.internal.Selection;
import dev.accord.verifier.internal.Settings;
import dev.accord.verifier.internal.Verification;
import dev.accord.verifier.internal.report.ReportFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The JUnit 5 extension behind {@link AccordProviderTest}: one test invocation per interaction;
 * with a broker and {@code publishResults}, the results are published once the class ran.
 */
public final class ProviderVerificationExtension
    implements TestTemplateInvocationContextProvider, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ProviderVerificationExtension.class);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  private record ClassState(
      Settings settings,
      List<Verification.Selected> interactions,
      List<Verification.Selected> filteredOut,
      HttpTransport transport,
      Map<Verification.Selected, InteractionResult> results,
      AtomicReference<String> stopped,
      long startedAt,
      java.util.concurrent.atomic.AtomicInteger failuresSoFar,
      java.util.concurrent.atomic.AtomicInteger timeoutsInARow) {
    void record(Verification.Selected selected, InteractionResult result) {
      if (result != null) {
        results.put(selected, result);
      }
    }

    /**
     * After each test: stops the class (the remaining tests are aborted as not run, with this
     * reason) when a budget is used up, as the CLI's run stops.
     */
    void afterTest(InteractionResult result, boolean timedOut) {
      int inARow = timedOut ? timeoutsInARow().incrementAndGet() : 0;
      if (!timedOut) {
        timeoutsInARow().set(0);
      }
      boolean failed = result != null && result.failedForReal();
      int failures = failed ? failuresSoFar().incrementAndGet() : failuresSoFar().get();
      if (settings.maxConsecutiveTimeouts > 0 && inARow >= settings.maxConsecutiveTimeouts) {
        stopped.compareAndSet(
            null,
            "the provider timed out on "
                + inARow
                + " interactions in a row: it looks hung"
                + " (maxConsecutiveTimeouts "
                + settings.maxConsecutiveTimeouts
                + ")");
      } else if (settings.failFast && failed) {
        stopped.compareAndSet(null, "fail-fast stopped the run after the first failure");
      } else if (settings.maxFailures > 0 && failures >= settings.maxFailures) {
        stopped.compareAndSet(
            null,
            "the run stopped after "
                + failures
                + (failures == 1 ? " failure" : " failures")
                + " (maxFailures "
                + settings.maxFailures
                + ")");
      }
    }

    /** Before each test: the time budget. */
    void beforeTest() {
      if (settings.totalTimeout != null
          && System.nanoTime() - startedAt() >= settings.totalTimeout.toNanos()) {
        stopped.compareAndSet(
            null,
            "the run's time budget of " + settings.totalTimeout.toMillis() + " ms was used up");
      }
    }
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getRequiredTestMethod().getParameterCount() == 1
        && context.getRequiredTestMethod().getParameterTypes()[0] == ProviderTestContext.class;
  }

  @Override
  public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
    AccordProviderTest config =
        context.getRequiredTestClass().getAnnotation(AccordProviderTest.class);
    return config != null && allowEmpty(config);
  }

  @Override
  // Store.getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.10
  // (still supported) lacks
  @SuppressWarnings("deprecation")
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ClassState state =
        classContext(context)
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(testClass, c -> load(testClass), ClassState.class);
    if (state.interactions().isEmpty() && !state.settings().allowEmpty) {
      throw new IllegalStateException(
          "No interactions to verify for provider "
              + state.settings().provider
              + " in "
              + testClass.getSimpleName()
              + " (after the consumers filter)");
    }
    return state.interactions().stream().map(s -> invocation(state, s));
  }

  private static ClassState load(Class<?> testClass) {
    return load(
        testClass,
        name -> Optional.ofNullable(System.getProperty(name)).orElseGet(() -> System.getenv(name)));
  }

  private static ClassState load(Class<?> testClass, UnaryOperator<String> lookup) {
    AccordProviderTest config = testClass.getAnnotation(AccordProviderTest.class);
    if (config == null) {
      throw new IllegalStateException(
          testClass.getSimpleName()
              + " uses ProviderVerificationExtension but is not annotated with @AccordProviderTest(provider = ...)");
    }
    Settings settings = new Settings();
    settings.provider = config.provider();
    settings.quiet = true;
    settings.requestTimeout = Duration.ofMillis(config.requestTimeoutMillis());
    for (String f : config.pactFiles()) {
      settings.sources.add(PactSource.file(Path.of(f)));
    }
    for (String d : config.pactDirectories()) {
      settings.sources.add(PactSource.directory(Path.of(d)));
    }
    for (String u : config.pactUrls()) {
      settings.sources.add(PactSource.url(u));
    }
    String where = "@AccordProviderTest on " + testClass.getSimpleName();
    selection(settings, config, where);
    BrokerPactSource broker = brokerSource(config, lookup, where);
    if (broker != null) {
      settings.sources.add(broker);
    }
    if (settings.sources.isEmpty()) {
      throw new IllegalStateException(
          where
              + " names no pacts: set pactFiles, pactDirectories, pactUrls or the broker"
              + " (brokerUrl = \"${PACT_BROKER_BASE_URL}\" or fromBroker = true)");
    }
    String publish = resolve(config.publishResults(), lookup);
    if ("true".equalsIgnoreCase(publish.trim())) {
      if (broker == null) {
        throw new IllegalStateException(
            where
                + " asks to publish results (publishResults = \""
                + config.publishResults()
                + "\") but verifies no pacts from a broker: set brokerUrl or fromBroker = true");
      }
      settings.publish = true;
      settings.publisher = broker;
      settings.providerVersion = blankToNull(resolve(config.providerVersion(), lookup));
      if (settings.providerVersion == null) {
        throw new IllegalStateException(
            where
                + " publishes results but the provider version is empty (providerVersion = \""
                + config.providerVersion()
                + "\"): set providerVersion to the provider's git SHA, e.g. \"${GIT_COMMIT}\","
                + " and make sure that variable is set in the build");
      }
      settings.providerBranch = blankToNull(resolve(config.providerBranch(), lookup));
      settings.buildUrl = blankToNull(resolve(config.buildUrl(), lookup));
    }
    settings.seed = seed(config, lookup, where);
    reports(config, lookup, where, settings);
    settings.statesOnly =
        config.statesOnly() || "true".equalsIgnoreCase(lookup.apply("accord.statesOnly"));
    budgets(config, lookup, where, settings);
    for (Class<? extends VerificationHook> hook : config.hooks()) {
      try {
        java.lang.reflect.Constructor<? extends VerificationHook> c = hook.getDeclaredConstructor();
        c.setAccessible(true);
        settings.hooks.add(c.newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            where
                + ": the hook "
                + hook.getName()
                + " cannot be created ("
                + e
                + "); give it a no-argument constructor",
            e);
      }
    }
    HttpTransport transport = new HttpTransport(settings.requestTimeout);
    Verification.Loaded loaded = new Verification(settings, transport).load();
    if (!loaded.unreadable().isEmpty()) {
      throw new dev.accord.verifier.PactSourceException(String.join("\n\n", loaded.unreadable()));
    }
    for (VerificationHook hook : settings.hooks) {
      try {
        hook.beforeRun(
            settings.provider,
            loaded.selected().stream().map(Verification.Selected::interaction).toList());
      } catch (Exception e) {
        throw new IllegalStateException(
            where + ": the beforeRun hook " + hook.getClass().getName() + " failed: " + e, e);
      }
    }
    return new ClassState(
        settings,
        loaded.selected(),
        loaded.filteredOut(),
        transport,
        java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>()),
        new AtomicReference<>(),
        System.nanoTime(),
        new java.util.concurrent.atomic.AtomicInteger(),
        new java.util.concurrent.atomic.AtomicInteger());
  }

  /**
   * Budgets and what the run shows: the annotation's attributes, each overridden by its system
   * property.
   */
  private static void budgets(
      AccordProviderTest config, UnaryOperator<String> lookup, String where, Settings settings) {
    settings.failFast =
        config.failFast() || "true".equalsIgnoreCase(lookup.apply("accord.failFast"));
    settings.maxFailures =
        number(lookup, "accord.maxFailures", config.maxFailures(), where, "maxFailures");
    long total =
        number(
            lookup,
            "accord.timeoutTotal",
            config.timeoutTotalMillis(),
            where,
            "timeoutTotalMillis");
    settings.totalTimeout = total > 0 ? Duration.ofMillis(total) : null;
    settings.maxConsecutiveTimeouts =
        number(
            lookup,
            "accord.maxConsecutiveTimeouts",
            config.maxConsecutiveTimeouts(),
            where,
            "maxConsecutiveTimeouts");
    settings.lastFailed =
        config.lastFailed() || "true".equalsIgnoreCase(lookup.apply("accord.lastFailed"));
    settings.verbose = config.verbose() || "true".equalsIgnoreCase(lookup.apply("accord.verbose"));
    List<String> headers = new ArrayList<>(List.of(config.headers()));
    String property = lookup.apply("accord.header");
    if (property != null && !property.isBlank()) {
      headers.add(property);
    }
    for (String header : headers) {
      int colon = resolve(header, lookup).indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException(
            where
                + ": the header '"
                + header
                + "' is not 'Name: value', e.g. headers ="
                + " \"Authorization: Bearer ${TOKEN}\"");
      }
      String h = resolve(header, lookup);
      settings.extraHeaders.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    settings.stateChangeAsQuery = config.stateChangeAsQuery();
    settings.stateChangeTeardown = config.stateChangeTeardown();
  }

  private static int number(
      UnaryOperator<String> lookup, String property, int fallback, String where, String attribute) {
    return (int) number(lookup, property, (long) fallback, where, attribute);
  }

  private static long number(
      UnaryOperator<String> lookup,
      String property,
      long fallback,
      String where,
      String attribute) {
    String text = lookup.apply(property);
    if (text == null || text.isBlank()) {
      if (fallback < 0) {
        throw new IllegalStateException(
            where + ": " + attribute + " must be 0 or more, was " + fallback);
      }
      return fallback;
    }
    try {
      long n = Long.parseLong(text.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          where
              + ": -D"
              + property
              + "="
              + text
              + " is not a whole number of 0 or more"
              + " (it sets "
              + attribute
              + ")",
          e);
    }
  }

  /**
   * The annotation's seed, else {@code -Daccord.seed}, else {@code ACCORD_SEED}, else a random one.
   */
  private static long seed(AccordProviderTest config, UnaryOperator<String> lookup, String where) {
    String from = "seed = \"" + config.seed() + "\"";
    String text = blankToNull(resolve(config.seed(), lookup));
    if (text == null) {
      from = "-Daccord.seed";
      text = blankToNull(System.getProperty("accord.seed"));
    }
    if (text == null) {
      from = "ACCORD_SEED";
      text = blankToNull(System.getenv("ACCORD_SEED"));
    }
    if (text == null) {
      return java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          where
              + ": the seed '"
              + text
              + "' (from "
              + from
              + ") is not a whole number;"
              + " use the seed a failed run printed, e.g. 786087330",
          e);
    }
  }

  /**
   * The annotation's reports, else {@code -Daccord.reports}; the directory likewise, else
   * target/accord-reports.
   */
  private static void reports(
      AccordProviderTest config, UnaryOperator<String> lookup, String where, Settings settings) {
    List<String> formats = new ArrayList<>(List.of(config.reports()));
    String fromProperty = blankToNull(System.getProperty("accord.reports"));
    if (formats.isEmpty() && fromProperty != null) {
      formats.addAll(List.of(fromProperty.split("\\s*,\\s*")));
    }
    for (String f : formats) {
      try {
        settings.reportFormats.add(
            ReportFormat.valueOf(resolve(f, lookup).trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            where + ": the report format '" + f + "' is not known; use junit, json or html", e);
      }
    }
    String dir = blankToNull(resolve(config.reportDirectory(), lookup));
    if (dir == null) {
      dir = blankToNull(System.getProperty("accord.reportDirectory"));
    }
    settings.reportDir = Path.of(dir == null ? "target/accord-reports" : dir);
  }

  /**
   * The annotation's filters, then one more per {@code accord.filter.*} / {@code accord.exclude.*}
   * system property.
   */
  private static void selection(Settings settings, AccordProviderTest config, String where) {
    Map<Selection.Field, String[][]> byField = new java.util.EnumMap<>(Selection.Field.class);
    byField.put(
        Selection.Field.CONSUMER, new String[][] {config.consumers(), config.excludeConsumers()});
    byField.put(
        Selection.Field.DESCRIPTION,
        new String[][] {config.descriptions(), config.excludeDescriptions()});
    byField.put(Selection.Field.STATE, new String[][] {config.states(), config.excludeStates()});
    byField.put(Selection.Field.KEY, new String[][] {config.keys(), config.excludeKeys()});
    try {
      byField.forEach(
          (field, patterns) -> {
            String name = field.name().toLowerCase(java.util.Locale.ROOT);
            for (int exclude = 0; exclude < 2; exclude++) {
              for (String p : patterns[exclude]) {
                settings.selection.add(field, exclude == 1, p);
              }
              String property =
                  System.getProperty("accord." + (exclude == 1 ? "exclude." : "filter.") + name);
              if (property != null) {
                settings.selection.add(field, exclude == 1, property);
              }
            }
          });
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": " + e.getMessage(), e);
    }
    settings.allowEmpty = allowEmpty(config);
  }

  private static boolean allowEmpty(AccordProviderTest config) {
    return config.allowEmpty() || Boolean.parseBoolean(System.getProperty("accord.allowEmpty"));
  }

  /** The broker source the annotation describes, or null when it names no broker. */
  private static BrokerPactSource brokerSource(
      AccordProviderTest config, UnaryOperator<String> lookup, String where) {
    boolean wanted =
        config.fromBroker()
            || !config.brokerUrl().isBlank()
            || config.consumerVersionSelectors().length > 0
            || config.includePending()
            || !config.includeWipPactsSince().isBlank();
    if (!wanted) {
      return null;
    }
    PactBrokerClient.Builder client = PactBrokerClient.builder();
    if (!config.brokerUrl().isBlank()) {
      String url = resolve(config.brokerUrl(), lookup).trim();
      if (url.isEmpty()) {
        throw new IllegalStateException(
            where
                + ": brokerUrl \""
                + config.brokerUrl()
                + "\" is empty in this build;"
                + " set the variable it names (system property or environment variable)");
      }
      client.baseUrl(url);
    }
    BrokerPactSource source;
    try {
      source = BrokerPactSource.of(client.build());
    } catch (IllegalStateException e) {
      throw new IllegalStateException(where + ": " + e.getMessage(), e);
    }
    for (String json : config.consumerVersionSelectors()) {
      try {
        source.selectors(ConsumerVersionSelector.fromJson(resolve(json, lookup)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(where + ", consumerVersionSelectors: " + e.getMessage(), e);
      }
    }
    String branch = blankToNull(resolve(config.providerBranch(), lookup));
    if (branch != null) {
      source.providerBranch(branch);
    }
    if (config.includePending()) {
      source.includePending();
    }
    String wip = blankToNull(resolve(config.includeWipPactsSince(), lookup));
    if (wip != null) {
      try {
        source.includeWipPactsSince(LocalDate.parse(wip.trim()));
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(
            where
                + ": includeWipPactsSince \""
                + wip
                + "\" is not an ISO date such as"
                + " 2026-01-01",
            e);
      }
    }
    if ((config.includePending() || wip != null) && branch == null) {
      throw new IllegalStateException(
          where
              + ": includePending and includeWipPactsSince need providerBranch (the"
              + " branch of the provider version being verified, e.g. \"${GIT_BRANCH}\"), which is empty in this build");
    }
    return source;
  }

  /**
   * Replaces each {@code ${NAME}} by the system property or environment variable NAME (empty when
   * unset).
   */
  static String resolve(String text, UnaryOperator<String> lookup) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = lookup.apply(m.group(1).trim());
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /**
   * The class's context, so that the state outlives each test template method and {@link #afterAll}
   * sees it.
   */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClassState state;
    try {
      state = context.getStore(NAMESPACE).get(context.getRequiredTestClass(), ClassState.class);
    } catch (RuntimeException loadingFailed) {
      return; // already reported by the test template that could not load the pacts
    }
    if (state == null) {
      return;
    }
    List<InteractionResult> results = new ArrayList<>();
    int missing = 0;
    for (Verification.Selected s : state.interactions()) {
      InteractionResult r = state.results().get(s);
      if (r == null) {
        missing++;
        r = Verification.notRun(s, "this run of the class did not reach it");
      }
      results.add(r);
    }
    Settings settings = state.settings();
    VerificationReport report =
        new VerificationReport(
            settings.provider,
            results,
            Optional.ofNullable(state.stopped().get()),
            List.of(),
            List.of(),
            CoverageTally.of(state.interactions(), results, state.filteredOut()),
            new Reproduction(
                settings.seed, Reproduction.currentVersion(), Verification.filters(settings)));
    List<String> hookFailures = new ArrayList<>();
    for (VerificationHook hook : settings.hooks) {
      try {
        hook.afterRun(report);
      } catch (Exception e) {
        hookFailures.add("The afterRun hook " + hook.getClass().getName() + " failed: " + e);
      }
    }
    settings.quiet = false;
    ReportFiles.write(settings, report);
    if (!hookFailures.isEmpty()) {
      throw new IllegalStateException(String.join("\n", hookFailures));
    }
    if (!settings.publish) {
      return;
    }
    if (missing > 0) {
      System.out.println(
          "Not publishing verification results for "
              + state.settings().provider
              + ": "
              + missing
              + " of "
              + results.size()
              + " interactions did not run (a filtered or interrupted run); run the whole class to publish.");
      return;
    }
    List<PactToVerify> pacts =
        state.interactions().stream().map(Verification.Selected::pact).distinct().toList();
    List<String> lines;
    try {
      lines = state.settings().publisher.publish(report, pacts, state.settings());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Publishing verification results for "
              + state.settings().provider
              + " failed: "
              + e.getMessage(),
          e);
    }
    lines.forEach(System.out::println);
  }

  private static TestTemplateInvocationContext invocation(
      ClassState state, Verification.Selected selected) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return selected.displayName();
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        BeforeEachCallback notAfterUnreachable =
            ec -> {
              state.beforeTest();
              String stopped = state.stopped().get();
              if (stopped != null) {
                Assumptions.abort(
                    "Not run: "
                        + (stopped.contains("\n")
                            ? "an earlier test found the provider unreachable.\n" + stopped
                            : stopped + "."));
              }
            };
        return List.of(
            notAfterUnreachable,
            new ParameterResolver() {
              @Override
              public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
                return pc.getParameter().getType() == ProviderTestContext.class;
              }

              @Override
              @SuppressWarnings(
                  "deprecation") // getOrComputeIfAbsent: see provideTestTemplateInvocationContexts
              public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
                // one context per invocation, shared by @BeforeEach and the test method
                return ec.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(
                        "context:" + ec.getUniqueId(),
                        k ->
                            new ProviderTestContext(
                                state.settings(),
                                selected,
                                state.transport(),
                                ec.getRequiredTestInstance(),
                                result -> state.record(selected, result),
                                (result, timedOut) -> state.afterTest(result, timedOut),
                                error -> state.stopped().compareAndSet(null, error)),
                        ProviderTestContext.class);
              }
            });
      }
    };
  }
}
