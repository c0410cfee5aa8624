package dev.accord.contract.conformance;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.generate.ApiRequest;
import dev.accord.contract.generate.RequestGenerator;
import dev.accord.contract.generate.RequestValues;
import dev.accord.contract.generate.ValueGenerator;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.contract.validate.ApiResponse;
import dev.accord.contract.validate.ResponseValidator;
import dev.accord.contract.validate.Violation;
import dev.accord.pact.json.Json;
import dev.accord.pact.model.ProviderState;
import dev.accord.verifier.Failure;
import dev.accord.verifier.ProviderStates;
import dev.accord.verifier.ReportFormat;
import dev.accord.verifier.Reproduction;
import dev.accord.verifier.StateChangeHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies a running provider against its OpenAPI document, state by state: every operation times
 * every documented response is one independent case. Each case prepares its provider state (named
 * by {@code x-provider-state} on the response or the operation, or by a {@link CasesFile}) through
 * the state-change URL or in-process handlers, exactly as pact verification does; sends the request
 * (given values, else the document's examples, else values generated with the seed); validates the
 * response against the document ({@link ResponseValidator}) and that its status is the case's; and
 * tears the state down. Cases that cannot be run as documented are skipped with the fix.
 *
 * <pre>{@code
 * ConformanceReport report = OpenApiVerifier.forDocument(Path.of("jobs.yaml"))
 *     .providerBaseUrl("http://127.0.0.1:8080")
 *     .stateChangeUrl("http://127.0.0.1:8080/_states")
 *     .verify();
 * }</pre>
 */
public final class OpenApiVerifier {
  static final String TOOL = "accord verify-openapi";
  private static final int BODY_SHOWN = 2000;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  private final OpenApiDocument document;
  private final String sha256;
  private URI baseUrl;
  private ProviderStates states;
  private String stateDescription = "";
  private boolean statesAsQuery;
  private boolean noTeardown;
  private CasesFile cases = CasesFile.empty();
  private final List<String> operationFilters = new ArrayList<>();
  private final List<String> statusFilters = new ArrayList<>();
  private final List<Pattern> stateFilters = new ArrayList<>();
  private int maxFailures;
  private Duration timeoutPerCase = Duration.ofSeconds(10);
  private Duration totalTimeout;
  private boolean verbose;
  private Long seed;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private PrintStream out = System.out;
  private boolean colour = System.console() != null && System.getenv("NO_COLOR") == null;
  private Path reportDir;
  private final Set<ReportFormat> reportFormats = new LinkedHashSet<>();

  private OpenApiVerifier(OpenApiDocument document, String sha256) {
    this.document = document;
    this.sha256 = sha256;
  }

  /** Verifies against the document in {@code file} (YAML or JSON, OpenAPI 3.0 or 3.1). */
  public static OpenApiVerifier forDocument(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the OpenAPI document " + file + ": " + e.getMessage(), e);
    }
    return new OpenApiVerifier(OpenApiDocument.read(file), sha256(bytes));
  }

  /** Verifies against a loaded document (its hash is that of its canonical JSON form). */
  public static OpenApiVerifier forDocument(OpenApiDocument document) {
    return new OpenApiVerifier(
        document, sha256(Json.writeCanonical(document.tree()).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Where the provider runs ({@code http://127.0.0.1:8080}); the document's server base path is
   * added to it.
   */
  public OpenApiVerifier providerBaseUrl(String url) {
    this.baseUrl = httpUrl(url, "The provider base URL");
    return this;
  }

  /** Provider states through a state-change URL (the same protocol as pact verification). */
  public OpenApiVerifier stateChangeUrl(String url) {
    this.states = ProviderStates.url(url);
    this.stateDescription = "POST " + url.trim();
    return this;
  }

  /** Provider states through an in-process handler. */
  public OpenApiVerifier stateHandler(StateChangeHandler handler) {
    this.states = ProviderStates.handler(handler);
    this.stateDescription = "in-process handler";
    return this;
  }

  /** Provider states through the {@code @State} methods of these objects. */
  public OpenApiVerifier stateHandlers(Object... handlerObjects) {
    this.states = ProviderStates.handlers(handlerObjects);
    this.stateDescription =
        "@State methods of "
            + String.join(
                ", ",
                java.util.Arrays.stream(handlerObjects)
                    .map(o -> o.getClass().getSimpleName())
                    .toList());
    return this;
  }

  /**
   * The state-change URL gets state, action and params as query parameters instead of a JSON body.
   */
  public OpenApiVerifier stateChangeAsQuery() {
    this.statesAsQuery = true;
    return this;
  }

  /** The state-change URL gets no teardown calls. */
  public OpenApiVerifier noStateChangeTeardown() {
    this.noTeardown = true;
    return this;
  }

  /**
   * States and request values from a cases file (YAML or JSON); its entries win over
   * x-provider-state.
   */
  public OpenApiVerifier cases(Path file) {
    return cases(CasesFile.read(file));
  }

  public OpenApiVerifier cases(CasesFile file) {
    this.cases = file;
    return this;
  }

  /**
   * Only operations matching one of these globs ({@code *} any text), on operationId or {@code
   * METHOD /path}.
   */
  public OpenApiVerifier filterOperation(String... globs) {
    operationFilters.addAll(List.of(globs));
    return this;
  }

  /**
   * Only these documented responses ({@code 200}, {@code 2XX}, {@code default}; {@code *} any
   * text).
   */
  public OpenApiVerifier filterStatus(String... statuses) {
    statusFilters.addAll(List.of(statuses));
    return this;
  }

  /** Only cases with a state whose name matches one of these regular expressions. */
  public OpenApiVerifier filterState(String... regexes) {
    for (String r : regexes) {
      stateFilters.add(Pattern.compile(r));
    }
    return this;
  }

  /** Stop after the first failed case. */
  public OpenApiVerifier failFast() {
    return maxFailures(1);
  }

  /** Stop after this many failed cases (0: never). */
  public OpenApiVerifier maxFailures(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("maxFailures must be 0 (no limit) or more, was " + n);
    }
    this.maxFailures = n;
    return this;
  }

  /** How long each request (and each state change) may take; default 10 s. */
  public OpenApiVerifier timeoutPerCase(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeoutPerCase must be positive, was " + timeout);
    }
    this.timeoutPerCase = timeout;
    return this;
  }

  /** A budget for the whole run: cases not started when it is used up are reported as not run. */
  public OpenApiVerifier totalTimeout(Duration budget) {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("totalTimeout must be positive, was " + budget);
    }
    this.totalTimeout = budget;
    return this;
  }

  /** Print every state change, request and response. */
  public OpenApiVerifier verbose() {
    this.verbose = true;
    return this;
  }

  /** The seed of generated values (default: random, printed so a run can be replayed). */
  public OpenApiVerifier seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** A header added to (or replacing one of) every request to the provider, e.g. credentials. */
  public OpenApiVerifier header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Where the console output goes (default {@code System.out}). */
  public OpenApiVerifier output(PrintStream out) {
    this.out = out;
    return this;
  }

  public OpenApiVerifier colour(boolean on) {
    this.colour = on;
    return this;
  }

  /** Report files in {@code directory}: JSON (the self-verification result), JUnit XML, HTML. */
  public OpenApiVerifier reports(Path directory, ReportFormat... formats) {
    this.reportDir = directory;
    this.reportFormats.addAll(List.of(formats));
    return this;
  }

  /**
   * The cases of the document (before filters), in document order, with their states and given
   * values.
   */
  public List<ConformanceCase> cases() {
    List<ApiOperation> operations = ApiOperation.all(document);
    cases.checkAgainst(operations, document.location());
    List<ConformanceCase> out = new ArrayList<>();
    for (ApiOperation op : operations) {
      for (String status : op.responses()) {
        Optional<CasesFile.Entry> entry = cases.find(op, status);
        if (entry.isPresent()) {
          CasesFile.Entry e = entry.get();
          RequestValues values = new RequestValues(e.path(), e.query(), e.headers(), e.body());
          List<ProviderState> given =
              e.states().isEmpty() ? documentedStates(op, status) : e.states();
          out.add(
              new ConformanceCase(
                  op,
                  status,
                  given,
                  values,
                  "cases file " + cases.location() + ", cases[" + e.index() + "]"));
        } else {
          List<ProviderState> documented = documentedStates(op, status);
          out.add(
              new ConformanceCase(
                  op,
                  status,
                  documented,
                  RequestValues.none(),
                  documented.isEmpty() ? "none" : XProviderState.EXTENSION));
        }
      }
    }
    return out;
  }

  private List<ProviderState> documentedStates(ApiOperation op, String status) {
    JsonNode response =
        op.response(status)
            .flatMap(
                r ->
                    document
                        .resolve(r, op.responsePointer(status))
                        .map(OpenApiDocument.Located::node))
            .orElse(null);
    return XProviderState.of(op, status, response);
  }

  /** Runs every selected case and returns the report (also printed and written as configured). */
  public ConformanceReport verify() {
    if (baseUrl == null) {
      throw new IllegalStateException(
          "No provider base URL: call providerBaseUrl(\"http://127.0.0.1:8080\")"
              + " (CLI: --provider-base-url)");
    }
    if (states != null) {
      if (statesAsQuery) {
        states.asQuery();
      }
      if (noTeardown) {
        states.noTeardown();
      }
      states.timeout(timeoutPerCase);
    }
    long usedSeed = seed != null ? seed : new java.util.Random().nextLong();
    Console console = new Console(out, colour);
    console.start(this, usedSeed);
    List<ConformanceCase> all = cases();
    List<ConformanceCase> selected = all.stream().filter(this::selected).toList();
    if (verbose && states != null) {
      states.trace(console::verbose);
    }
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeoutPerCase)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    RequestGenerator requests =
        new RequestGenerator(document, new ValueGenerator(document, usedSeed));
    ResponseValidator validator = new ResponseValidator(document);
    List<CaseResult> results = new ArrayList<>();
    Set<String> undocumented = new TreeSet<>();
    long started = System.nanoTime();
    int failures = 0;
    String fatal = null;
    for (ConformanceCase c : selected) {
      String stop = null;
      if (fatal != null) {
        stop = "the provider could not be reached";
      } else if (maxFailures > 0 && failures >= maxFailures) {
        stop =
            maxFailures == 1
                ? "fail-fast: the run stopped at the first failure"
                : "the run stopped after " + maxFailures + " failures (max failures)";
      } else if (totalTimeout != null
          && Duration.ofNanos(System.nanoTime() - started).compareTo(totalTimeout) > 0) {
        stop =
            "the total time budget ("
                + totalTimeout.toMillis()
                + " ms) was used up; raise it with"
                + " --timeout-total";
      }
      CaseResult result;
      if (stop != null) {
        result = CaseResult.without(c, CaseResult.Outcome.NOT_RUN, stop);
      } else {
        try {
          result = run(c, client, requests, validator, console, undocumented);
        } catch (Unreachable e) {
          fatal = e.getMessage();
          result =
              CaseResult.without(
                  c, CaseResult.Outcome.NOT_RUN, "the provider could not be reached");
        }
      }
      if (result.outcome() == CaseResult.Outcome.FAILED) {
        failures++;
      }
      results.add(result);
      console.result(result);
    }
    ConformanceReport report =
        new ConformanceReport(
            TOOL,
            Reproduction.currentVersion(),
            document.location(),
            document.tree().path("info").path("title").asString(""),
            document.tree().path("info").path("version").asString(""),
            document.openApiVersion(),
            sha256,
            baseUrl.toString(),
            usedSeed,
            results,
            coverage(all, selected, results, undocumented),
            Optional.ofNullable(fatal));
    if (reportDir != null && !reportFormats.isEmpty()) {
      ConformanceReportFiles.write(report, reportDir, reportFormats);
    }
    console.finish(report);
    return report;
  }

  private boolean selected(ConformanceCase c) {
    ApiOperation op = c.operation();
    if (!operationFilters.isEmpty()
        && operationFilters.stream()
            .noneMatch(
                g ->
                    glob(g, op.key()) || (op.operationId() != null && glob(g, op.operationId())))) {
      return false;
    }
    if (!statusFilters.isEmpty() && statusFilters.stream().noneMatch(g -> glob(g, c.status()))) {
      return false;
    }
    return stateFilters.isEmpty()
        || c.states().stream()
            .anyMatch(s -> stateFilters.stream().anyMatch(p -> p.matcher(s.name()).find()));
  }

  static boolean glob(String glob, String text) {
    StringBuilder regex = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(text).matches();
  }

  private static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message);
    }
  }

  private CaseResult run(
      ConformanceCase c,
      HttpClient client,
      RequestGenerator requests,
      ResponseValidator validator,
      Console console,
      Set<String> undocumented)
      throws Unreachable {
    List<String> teardownFailures = new ArrayList<>();
    CaseResult r =
        runAndTearDown(c, client, requests, validator, console, undocumented, teardownFailures);
    if (teardownFailures.isEmpty()) {
      return r;
    }
    List<String> failures = new ArrayList<>(r.failures());
    failures.addAll(teardownFailures);
    return new CaseResult(
        r.name(),
        r.operationId(),
        r.method(),
        r.path(),
        r.status(),
        r.states(),
        CaseResult.Outcome.FAILED,
        r.reason(),
        r.request(),
        r.curl(),
        r.responseStatus(),
        r.responseBody(),
        r.violations(),
        failures,
        r.millis());
  }

  private CaseResult runAndTearDown(
      ConformanceCase c,
      HttpClient client,
      RequestGenerator requests,
      ResponseValidator validator,
      Console console,
      Set<String> undocumented,
      List<String> teardownFailures)
      throws Unreachable {
    long start = System.nanoTime();
    boolean errorStatus =
        c.status().equals("default") || c.status().startsWith("4") || c.status().startsWith("5");
    boolean givenByCases = c.origin().startsWith("cases file");
    if (c.states().isEmpty() && !givenByCases && errorStatus) {
      return CaseResult.without(
          c,
          CaseResult.Outcome.SKIPPED,
          "no provider state or cases-file entry says how to"
              + " make "
              + c.operation().displayName()
              + " answer "
              + c.status()
              + "; name one with "
              + XProviderState.EXTENSION
              + " on the response, or an entry {operation: "
              + name(c)
              + ", status: "
              + c.status()
              + ", state: ...} in a cases file");
    }
    if (!c.states().isEmpty() && states == null) {
      return CaseResult.without(
          c,
          CaseResult.Outcome.SKIPPED,
          "the case needs the provider state "
              + c.states().stream()
                  .map(s -> "'" + s.name() + "'")
                  .reduce((a, b) -> a + " and " + b)
                  .orElse("")
              + " but no state handling is configured; give --state-change-url (Java: stateChangeUrl(...) or"
              + " stateHandler(...))");
    }
    if (c.states().isEmpty()) {
      RequestGenerator.GeneratedRequest probe = requests.generate(c.operation(), c.values());
      List<String> generatedPath =
          probe.generated().stream().filter(k -> k.startsWith("path ")).toList();
      if (!generatedPath.isEmpty()) {
        return CaseResult.without(
            c,
            CaseResult.Outcome.SKIPPED,
            "no provider state and no value for "
                + String.join(
                    ", ",
                    generatedPath.stream().map(k -> "path parameter " + k.substring(5)).toList())
                + ": a generated value names no existing resource; name a state ("
                + XProviderState.EXTENSION
                + " on the operation or response, or a cases file entry) or give the parameter an example");
      }
    }
    List<String> failures = new ArrayList<>();
    ProviderStates.Prepared prepared = null;
    Map<String, Object> stateValues = Map.of();
    try {
      if (!c.states().isEmpty()) {
        try {
          prepared = states.setUp(c.states());
        } catch (IOException e) {
          throw new Unreachable(e.getMessage() + "; is the provider's state-change endpoint up?");
        }
        if (prepared.failed()) {
          prepared.failures().forEach(f -> failures.add(f.describe("")));
          CaseResult r = CaseResult.without(c, CaseResult.Outcome.FAILED, "");
          return withFailures(r, failures, start);
        }
        stateValues = prepared.values();
      }
      RequestValues values;
      try {
        values = fill(c, stateValues);
      } catch (IllegalArgumentException e) {
        failures.add(e.getMessage());
        return withFailures(CaseResult.without(c, CaseResult.Outcome.FAILED, ""), failures, start);
      }
      ApiRequest request = requests.generate(c.operation(), values).request();
      if (verbose) {
        console.verbose(
            "request: "
                + request.requestLine()
                + (request.body() == null ? "" : "\n" + request.body()));
      }
      HttpResponse<byte[]> sent;
      try {
        sent =
            client.send(
                request.toHttpRequest(baseUrl, timeoutPerCase, headers),
                HttpResponse.BodyHandlers.ofByteArray());
      } catch (HttpTimeoutException e) {
        failures.add(
            "No response within "
                + timeoutPerCase.toMillis()
                + " ms to "
                + request.requestLine()
                + "; the provider is slow or stuck: raise --timeout-per-case, or look at the provider");
        return result(c, request, null, List.of(), failures, start);
      } catch (ConnectException e) {
        throw new Unreachable(
            "Could not connect to the provider at "
                + baseUrl
                + " ("
                + e.getClass().getSimpleName()
                + "); start it, or check --provider-base-url");
      } catch (IOException e) {
        failures.add("The request " + request.requestLine() + " failed: " + e.getMessage());
        return result(c, request, null, List.of(), failures, start);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unreachable("interrupted");
      }
      ApiResponse response = ApiResponse.of(sent);
      if (verbose) {
        console.verbose(
            "response: " + response.status() + " " + response.headers() + "\n" + shown(response));
      }
      List<Violation> violations = new ArrayList<>();
      if (!statusFits(c, response.status())) {
        violations.add(
            new Violation(
                "case.status.mismatch",
                "status",
                c.operation().responsePointer(c.status()),
                "Response status "
                    + response.status()
                    + " is not the case's "
                    + c.status()
                    + (c.states().isEmpty()
                        ? ""
                        : ": after state "
                            + c.states().stream()
                                .map(s -> "'" + s.name() + "'")
                                .reduce((a, b) -> a + " and " + b)
                                .orElse("")
                            + ", "
                            + c.operation().displayName()
                            + " should answer "
                            + c.status())
                    + "; check the state handler, the request values or the provider"));
      }
      if (ResponseValidator.documentedKey(c.operation(), response.status()).isEmpty()) {
        undocumented.add(c.operation().key() + " -> " + response.status());
      }
      violations.addAll(validator.validate(c.operation(), response));
      return result(c, request, response, violations, failures, start);
    } finally {
      if (prepared != null && !prepared.failed()) {
        try {
          for (Failure f : states.tearDown(prepared)) {
            teardownFailures.add(f.describe(""));
          }
        } catch (IOException e) {
          teardownFailures.add("Tearing down the states failed: " + e.getMessage());
        }
      }
    }
  }

  private static String name(ConformanceCase c) {
    return c.operation().operationId() != null
        ? c.operation().operationId()
        : "\"" + c.operation().key() + "\"";
  }

  private static boolean statusFits(ConformanceCase c, int status) {
    String key = c.status();
    if (key.equals("default")) {
      return ResponseValidator.documentedKey(c.operation(), status)
          .map("default"::equals)
          .orElse(false);
    }
    if (key.length() == 3 && (key.endsWith("XX") || key.endsWith("xx"))) {
      return status / 100 == key.charAt(0) - '0';
    }
    return key.equals(Integer.toString(status));
  }

  /**
   * The case's values with {@code ${name}} filled from the state's values; path parameters named
   * like a value too.
   */
  private RequestValues fill(ConformanceCase c, Map<String, Object> stateValues) {
    RequestValues given = c.values();
    Map<String, String> path = new LinkedHashMap<>();
    for (var p : c.operation().parameters()) {
      if (p.in().equals("path")
          && stateValues.containsKey(p.name())
          && !given.path().containsKey(p.name())) {
        path.put(p.name(), String.valueOf(stateValues.get(p.name())));
      }
    }
    given.path().forEach((k, v) -> path.put(k, substitute(v, stateValues, c)));
    Map<String, List<String>> query = new LinkedHashMap<>();
    given
        .query()
        .forEach(
            (k, v) -> query.put(k, v.stream().map(s -> substitute(s, stateValues, c)).toList()));
    Map<String, String> headerValues = new LinkedHashMap<>();
    given.headers().forEach((k, v) -> headerValues.put(k, substitute(v, stateValues, c)));
    JsonNode body =
        given.body() == null ? null : substitute(given.body().deepCopy(), stateValues, c);
    return new RequestValues(path, query, headerValues, body);
  }

  private static String substitute(String text, Map<String, Object> values, ConformanceCase c) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException(
            "The case "
                + c.displayName()
                + " uses ${"
                + name
                + "} but its states"
                + " gave no value '"
                + name
                + "' (values: "
                + values.keySet()
                + "); return it from the state handler"
                + " or give it in the state's params");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(values.get(name))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static JsonNode substitute(JsonNode node, Map<String, Object> values, ConformanceCase c) {
    if (node.isString()) {
      String text = node.asString();
      Matcher whole = PLACEHOLDER.matcher(text);
      if (whole.matches() && values.containsKey(whole.group(1))) {
        return Json.toTree(values.get(whole.group(1))); // "${id}" alone keeps the value's JSON type
      }
      return Json.nodes().stringNode(substitute(text, values, c));
    }
    if (node instanceof ObjectNode o) {
      for (String name : List.copyOf(o.propertyNames())) {
        o.set(name, substitute(o.get(name), values, c));
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, substitute(a.get(i), values, c));
      }
    }
    return node;
  }

  private CaseResult result(
      ConformanceCase c,
      ApiRequest request,
      ApiResponse response,
      List<Violation> violations,
      List<String> failures,
      long start) {
    boolean failed = !violations.isEmpty() || !failures.isEmpty();
    return new CaseResult(
        c.displayName(),
        c.operation().operationId(),
        c.operation().method(),
        c.operation().path(),
        c.status(),
        c.states().stream().map(ProviderState::name).toList(),
        failed ? CaseResult.Outcome.FAILED : CaseResult.Outcome.PASSED,
        "",
        request.requestLine(),
        request.toCurl(baseUrl),
        response == null ? 0 : response.status(),
        response == null ? "" : shown(response),
        violations,
        failures,
        Duration.ofNanos(System.nanoTime() - start).toMillis());
  }

  private static CaseResult withFailures(CaseResult r, List<String> failures, long start) {
    return new CaseResult(
        r.name(),
        r.operationId(),
        r.method(),
        r.path(),
        r.status(),
        r.states(),
        CaseResult.Outcome.FAILED,
        "",
        "",
        "",
        0,
        "",
        List.of(),
        failures,
        Duration.ofNanos(System.nanoTime() - start).toMillis());
  }

  private static String shown(ApiResponse response) {
    String text = response.bodyText();
    return text.length() > BODY_SHOWN
        ? text.substring(0, BODY_SHOWN) + "... (" + text.length() + " characters)"
        : text;
  }

  private static ConformanceReport.Coverage coverage(
      List<ConformanceCase> all,
      List<ConformanceCase> selected,
      List<CaseResult> results,
      Set<String> undocumented) {
    Set<String> operations = new LinkedHashSet<>();
    all.forEach(c -> operations.add(c.operation().key()));
    Set<String> verifiedOps = new LinkedHashSet<>();
    int verified = 0;
    int skipped = 0;
    for (CaseResult r : results) {
      if (r.outcome() == CaseResult.Outcome.PASSED || r.outcome() == CaseResult.Outcome.FAILED) {
        verified++;
        verifiedOps.add(r.method() + " " + r.path());
      } else {
        skipped++;
      }
    }
    return new ConformanceReport.Coverage(
        operations.size(),
        verifiedOps.size(),
        all.size(),
        verified,
        skipped,
        all.size() - selected.size(),
        new TreeSet<>(undocumented));
  }

  URI baseUrl() {
    return baseUrl;
  }

  OpenApiDocument document() {
    return document;
  }

  String stateDescription() {
    return stateDescription;
  }

  private static URI httpUrl(String url, String what) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " '" + url + "' is not a valid URL: " + e.getMessage(), e);
    }
    if (uri.getScheme() == null
        || uri.getHost() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException(
          what
              + " '"
              + url
              + "' must be an absolute http or https URL, such as"
              + " http://127.0.0.1:8080");
    }
    return uri;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
