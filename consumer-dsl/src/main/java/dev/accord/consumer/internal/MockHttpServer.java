package dev.accord.consumer.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ProxyResponseRenderer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestHandler;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.http.StubResponseRenderer;
import com.github.tomakehurst.wiremock.jetty.JettyFaultInjectorFactory;
import com.github.tomakehurst.wiremock.jetty.JettyHttpUtils;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpUtils;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.servlet.FaultInjectorFactory;
import com.github.tomakehurst.wiremock.servlet.MultipartRequestConfigurer;
import com.github.tomakehurst.wiremock.servlet.WireMockHandlerDispatchingServlet;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.Stores;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.InMemoryScenarios;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StoreBackedStubMappings;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import com.github.tomakehurst.wiremock.verification.StoreBackedRequestJournal;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;

import dev.accord.pact.generators.Generation;
import dev.accord.pact.generators.GeneratorContext;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import wiremock.org.eclipse.jetty.io.NetworkTrafficListener;
import wiremock.jakarta.servlet.RequestDispatcher;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;
import wiremock.org.eclipse.jetty.servlet.ServletHolder;

/**
 * The WireMock server behind a mock provider: one stub per HTTP interaction, matched by the Pact engine
 * through a custom matcher, answered by a transformer that applies the response's generators. WireMock
 * serves and journals; Pact semantics decide. Not public API.
 *
 * <p>Assembled from WireMock's parts (its Jetty 11 server and request servlet, stub mappings, request journal,
 * response renderer) rather than through {@code WireMockServer}, which always builds the Handlebars template
 * engine, the admin API and the client: about 1,300 classes a mock provider never uses, and a quarter of a
 * consumer test run's start-up (docs/performance.md). It also means the mock serves the declared interactions and
 * nothing else: no admin API, no mapping files, no {@code __files}.
 */
public final class MockHttpServer implements AutoCloseable {

  /** One declared HTTP interaction as the server sees it; read live, so later DSL calls take effect. */
  public interface Expectation {
    /** The expected request (examples, rules). */
    HttpRequest request();

    /** The response to serve (examples, generators). */
    HttpResponse response();

    /** {@code 'description' (given 'state')}, for messages. */
    String label();

    /** Seed of the response's generated values. */
    default long seed() {
      return label().hashCode();
    }
  }

  /** A request the server received, and the expectation it matched (null when none did). */
  public record Received(HttpRequest request, Expectation matched) {}

  private static final String TRANSFORMER = "accord-pact-response";
  /** Every stub's response: made by {@link PactResponse} from the interaction the stub belongs to. */
  private static final ResponseDefinition RESPONSE =
      ResponseDefinitionBuilder.responseDefinition().withTransformers(TRANSFORMER).build();

  private final Map<UUID, Expectation> stubs = new ConcurrentHashMap<>();
  private final List<Expectation> order = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Object[]> lastConverted = new ThreadLocal<>();
  private final java.util.function.Function<HttpRequest, ResponseDefinition> unmatched;
  private final StoreBackedStubMappings stubMappings;
  private final InMemoryScenarios scenarios;
  private final StoreBackedRequestJournal journal;
  private final StubsOnlyJettyServer jetty;
  /** Requests WireMock could not even read (a malformed percent escape, say): answered and reported, never journaled. */
  private final List<Received> unreadable = new CopyOnWriteArrayList<>();

  public MockHttpServer() {
    this(null, 0, null);
  }

  /**
   * Listens on {@code host} (null: every interface) and {@code port} (0: any free port); {@code unmatched}
   * answers requests no stub matches (null: a 500 with the mismatches as text, for consumer tests).
   */
  public MockHttpServer(String host, int port, java.util.function.Function<HttpRequest, ResponseDefinition> unmatched) {
    this(host, port, unmatched, List.of());
  }

  /**
   * As {@link #MockHttpServer(String, int, java.util.function.Function)}, with {@code initial} stubs added before the
   * port is opened: a stub server answers its first request from every interaction, never from some of them.
   */
  public MockHttpServer(String host, int port, java.util.function.Function<HttpRequest, ResponseDefinition> unmatched,
      List<? extends Expectation> initial) {
    this.unmatched = unmatched;
    WireMockConfiguration config = WireMockConfiguration.options()
        .port(port)
        .notifier(new ConsoleNotifier(false))
        .containerThreads(8)
        .jettyAcceptors(1)
        .http2PlainDisabled(true)
        .gzipDisabled(true)
        // a Content-Length on every response, as a provider serving small JSON documents would send
        .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
        .stubRequestLoggingDisabled(true);
    if (host != null) {
      config.bindAddress(host);
    }
    Stores stores = new DefaultStores(config.filesRoot()) {
      private final StubMappingStore stubStore = new IndexedStubs();

      @Override
      public StubMappingStore getStubStore() {
        return stubStore;
      }
    };
    stores.start();
    scenarios = new InMemoryScenarios(stores.getScenariosStore());
    stubMappings = new StoreBackedStubMappings(stores.getStubStore(), scenarios, Map.of(), Map.of(),
        Map.of(TRANSFORMER, new PactResponse()), stores.getFilesBlobStore(), List.of(), Map.of());
    journal = new StoreBackedRequestJournal(null, Map.of(), stores.getRequestJournalStore());
    com.github.tomakehurst.wiremock.http.client.HttpClient noProxying = request -> {
      throw new java.io.IOException("Accord's mock provider does not proxy requests");
    };
    StubRequestHandler stubRequests = new StubRequestHandler(this::serve,
        new StubResponseRenderer(stores.getFilesBlobStore(), stores.getSettingsStore(),
            new ProxyResponseRenderer(false, null, stores.getSettingsStore(), false, noProxying, noProxying),
            List.of(), List.of(new WithoutStubIds())),
        null, Map.of(), Map.of(), journal, List.of(), List.of(), true, config.getDataTruncationSettings(),
        new MismatchRenderer());
    initial.forEach(this::add);
    jetty = new StubsOnlyJettyServer(config, stubRequests);
    jetty.context.setErrorHandler(new UnreadableRequests());
    jetty.start();
  }

  public String baseUrl() {
    return "http://localhost:" + jetty.port();
  }

  public int port() {
    return jetty.port();
  }

  /** Adds the stub of an interaction. */
  public void add(Expectation expectation) {
    UUID id = UUID.randomUUID();
    stubs.put(id, expectation);
    order.add(expectation);
    StubMapping stub = new StubMapping(new RequestPattern(new PactMatcher(expectation)), RESPONSE);
    stub.setId(id);
    stubMappings.addMapping(stub);
  }

  /** Forgets every stub and the journal: the state between two tests. */
  public void reset() {
    stubMappings.reset();
    scenarios.clear();
    journal.reset();
    unreadable.clear();
    stubs.clear();
    order.clear();
  }

  /**
   * Serves a request: the stub whose interaction matches it, or else the mismatches against the closest interaction,
   * answered here with their headers (WireMock's own not-matched page would keep only status, type and body), under
   * no stub (so no {@code Matched-Stub-Id}). Whatever goes wrong while matching or answering becomes a 500 that says
   * what happened, and the request stays in the journal, so the test reports it.
   */
  private ServeEvent serve(ServeEvent received) {
    try {
      ServeEvent served = stubMappings.serveFor(received);
      return served.getResponseDefinition().wasConfigured() ? served
          : served.withStubMapping(null).withResponseDefinition(unmatchedResponse(toPact(served.getRequest())));
    } catch (RuntimeException e) {
      return received.withStubMapping(null).withResponseDefinition(ResponseDefinitionBuilder.responseDefinition()
          .withStatus(500)
          .withHeader("Content-Type", "text/plain; charset=utf-8")
          .withHeader("X-Accord-Unexpected-Request", "true")
          .withBody("Accord's mock provider could not serve " + received.getRequest().getMethod() + " "
              + received.getRequest().getUrl() + ": " + e + "\n")
          .build());
    }
  }

  private ResponseDefinition unmatchedResponse(HttpRequest actual) {
    if (unmatched != null) {
      return unmatched.apply(actual);
    }
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(500)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withHeader("X-Accord-Unexpected-Request", "true")
        .withBody(Reports.unexpectedRequest(actual, closest(actual)))
        .build();
  }

  /** The expectations in declaration order. */
  public List<Expectation> expectations() {
    return List.copyOf(order);
  }

  /** What the server received since the last reset, in arrival order. */
  public List<Received> received() {
    List<ServeEvent> events = new ArrayList<>(journal.getAllServeEvents());
    // the journal lists the newest first
    java.util.Collections.reverse(events);
    List<Received> result = new ArrayList<>();
    for (ServeEvent e : events) {
      // an unmatched request was answered with the mismatches under no stub (or WireMock's "not configured" one)
      UUID stub = e.getStubMapping() == null ? null : e.getStubMapping().getId();
      Expectation matched = stub == null ? null : stubs.get(stub);
      result.add(new Received(toPact(e.getRequest()), matched));
    }
    result.addAll(unreadable);
    return result;
  }

  @Override
  public void close() {
    jetty.stop();
  }

  /** The HTTP connector, for tests that check how accepted sockets are configured. */
  ServerConnector connector() {
    return jetty.connector();
  }

  /** The closest expectation to a request and its mismatches (fewest mismatches wins; ties go to the first declared). */
  public record Closest(Expectation expectation, List<Mismatch> mismatches) {}

  public Closest closest(HttpRequest actual) {
    Closest best = null;
    for (Expectation e : order) {
      List<Mismatch> mismatches = Matching.matchRequest(e.request(), actual);
      if (best == null || mismatches.size() < best.mismatches().size()) {
        best = new Closest(e, mismatches);
      }
    }
    return best;
  }

  /** The decoded path of a request URL, as the Pact engine compares it. */
  private static String path(String url) {
    int q = url.indexOf('?');
    String raw = q < 0 ? url : url.substring(0, q);
    return raw.indexOf('%') < 0 && raw.indexOf('+') < 0 ? raw : decodePath(raw);
  }

  /** A path with its percent escapes decoded ({@code +} stays a plus); a malformed escape is kept as sent. */
  private static String decodePath(String raw) {
    return decode(raw.replace("+", "%2B"), raw);
  }

  /** Form-decodes a query name or value; a malformed escape ({@code %zz}) is kept as sent, for the mismatch to show. */
  private static String decode(String text, String asSent) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return asSent;
    }
  }

  HttpRequest convert(Request request) {
    Object[] last = lastConverted.get();
    if (last != null && last[0] == request) {
      return (HttpRequest) last[1];
    }
    HttpRequest converted = toPact(request);
    lastConverted.set(new Object[] {request, converted});
    return converted;
  }

  /** A WireMock request as a Pact request: decoded path and query, headers as lists, body with its type. */
  static HttpRequest toPact(Request request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String rawPath = q < 0 ? url : url.substring(0, q);
    String path = decodePath(rawPath);
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0 && q < url.length() - 1) {
      for (String pair : url.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        String name = decode(rawName, rawName);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), pair.substring(eq + 1));
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key(), h.values());
    }
    byte[] bytes = request.getBody();
    String contentType = request.getHeader("Content-Type");
    Body body = bytes == null || bytes.length == 0 ? Body.empty()
        : Body.bytes(bytes, contentType == null ? null : ContentType.parse(contentType));
    return new HttpRequest(request.getMethod().getName(), path, query, headers, body, null, null);
  }

  /**
   * The stub store, indexed by method and literal path: a request is matched by the Pact engine against the few
   * stubs that could match it (same method and path, or a path matcher), not against all of them, and a stub is
   * found by its id in constant time. Candidates come in the order of WireMock's own store (priority, then newest
   * first); WireMock still decides with each candidate's matcher.
   */
  private final class IndexedStubs implements StubMappingStore {
    private final Map<UUID, StubMapping> byId = new LinkedHashMap<>();
    /** The index key each stub was filed under (null: {@link #anyPath}), kept so removal finds the same list. */
    private final Map<UUID, String> keys = new HashMap<>();
    /** Stubs with a literal path, by method and path. */
    private final Map<String, List<StubMapping>> byMethodAndPath = new HashMap<>();
    /** Stubs whose path has a matcher, and any stub not added through {@link #add(Expectation)}. */
    private final List<StubMapping> anyPath = new ArrayList<>();
    private long insertions;

    /** WireMock's order: higher priority (lower number) first, then newest first. */
    private final java.util.Comparator<StubMapping> order = ((java.util.Comparator<StubMapping>) StubMapping::comparePriorityWith)
        .thenComparing(java.util.Comparator.comparingLong(StubMapping::getInsertionIndex).reversed());

    @Override
    public synchronized Stream<StubMapping> getAll() {
      List<StubMapping> all = new ArrayList<>(byId.values());
      all.sort(order);
      return all.stream();
    }

    @Override
    public synchronized Optional<StubMapping> get(UUID id) {
      return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    @Override
    public synchronized void add(StubMapping stub) {
      stub.setInsertionIndex(insertions++);
      file(stub);
    }

    @Override
    public synchronized void replace(StubMapping existing, StubMapping updated) {
      remove(existing.getId());
      file(updated); // keeps the insertion index WireMock copied from the stub it replaces
    }

    @Override
    @SuppressWarnings("removal")
    public synchronized void remove(StubMapping stub) {
      remove(stub.getId());
    }

    @Override
    public synchronized void remove(UUID id) {
      StubMapping stub = byId.remove(id);
      if (stub != null) {
        String key = keys.remove(id);
        (key == null ? anyPath : byMethodAndPath.getOrDefault(key, new ArrayList<>())).remove(stub);
      }
    }

    @Override
    public synchronized void clear() {
      byId.clear();
      keys.clear();
      byMethodAndPath.clear();
      anyPath.clear();
    }

    @Override
    public Stream<StubMapping> findAllMatchingRequest(Request request, Map<String, RequestMatcherExtension> customMatchers,
        Consumer<SubEvent> subEvents) {
      return candidates(request.getMethod().getName().toUpperCase(Locale.ROOT) + ' ' + path(request.getUrl()))
          .stream()
          .filter(stub -> {
            MatchResult result = stub.getRequest().match(request, customMatchers);
            if (result.isExactMatch()) {
              result.getSubEvents().forEach(subEvents);
              return true;
            }
            return false;
          });
    }

    private void file(StubMapping stub) {
      UUID id = java.util.Objects.requireNonNull(stub.getId(), "a stub without an id");
      byId.put(id, stub);
      String key = key(stub);
      keys.put(id, key);
      if (key == null) {
        anyPath.add(stub);
      } else {
        byMethodAndPath.computeIfAbsent(key, k -> new ArrayList<>(1)).add(stub);
      }
    }

    /** The stubs with this method and path and those with any path, in WireMock's order. */
    private synchronized List<StubMapping> candidates(String methodAndPath) {
      List<StubMapping> exact = byMethodAndPath.getOrDefault(methodAndPath, List.of());
      List<StubMapping> all = new ArrayList<>(exact.size() + anyPath.size());
      all.addAll(exact);
      all.addAll(anyPath);
      all.sort(order);
      return all;
    }

    /** Method and literal path of the stub's interaction, or null when its path has a matcher. */
    private String key(StubMapping stub) {
      Expectation e = stubs.get(stub.getId());
      if (e == null) {
        return null;
      }
      HttpRequest expected = e.request();
      return expected.matchingRules().category(Category.PATH).isEmpty()
          ? expected.method().toUpperCase(Locale.ROOT) + ' ' + expected.path() : null;
    }
  }

  /**
   * WireMock's Jetty 11 server serving only the stubs: WireMock's request handling servlet at {@code /}, without the
   * admin API, the {@code __files} directory and the CORS and gzip handlers WireMock adds around them; TCP_NODELAY
   * set on every accepted connection, not left to Jetty's default.
   */
  static final class StubsOnlyJettyServer extends Jetty11HttpServer {
    StubsOnlyJettyServer(Options options, StubRequestHandler stubs) {
      super(options, null, stubs);
    }

    /** Set while the super constructor runs {@link #createHandler} (so no initializer here). */
    ServletContextHandler context;

    @Override
    protected Handler createHandler(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
      context = new ServletContextHandler(jettyServer, "/");
      Jetty11HttpUtils utils = new Jetty11HttpUtils();
      context.setAttribute(JettyHttpUtils.class.getName(), utils);
      context.setAttribute(JettyFaultInjectorFactory.class.getName(), new JettyFaultInjectorFactory(utils));
      context.setAttribute(StubRequestHandler.class.getName(), stubs);
      context.setAttribute(Notifier.KEY, options.notifier());
      context.setAttribute(Options.ChunkedEncodingPolicy.class.getName(), options.getChunkedEncodingPolicy());
      context.setAttribute(MultipartRequestConfigurer.KEY, buildMultipartRequestConfigurer());
      ServletHolder servlet = context.addServlet(WireMockHandlerDispatchingServlet.class, "/");
      servlet.setInitOrder(1);
      servlet.setInitParameter(RequestHandler.HANDLER_CLASS_KEY, StubRequestHandler.class.getName());
      servlet.setInitParameter(FaultInjectorFactory.INJECTOR_CLASS_KEY, JettyFaultInjectorFactory.class.getName());
      return context;
    }

    @Override
    protected ServerConnector createHttpConnector(String bindAddress, int port, JettySettings jettySettings,
        NetworkTrafficListener listener) {
      ServerConnector connector = super.createHttpConnector(bindAddress, port, jettySettings, listener);
      // small request/response pairs on a kept-alive connection: Nagle plus delayed ACK would add ~40 ms each
      connector.setAcceptedTcpNoDelay(true);
      return connector;
    }

    /** The HTTP connector, for tests that check how accepted sockets are configured. */
    ServerConnector connector() {
      return httpConnector;
    }
  }

  /** The Pact engine as a WireMock custom matcher. */
  private final class PactMatcher implements ValueMatcher<Request> {
    private final Expectation expectation;

    PactMatcher(Expectation expectation) {
      this.expectation = expectation;
    }

    @Override
    public MatchResult match(Request request) {
      List<Mismatch> mismatches = Matching.matchRequest(expectation.request(), convert(request));
      return mismatches.isEmpty() ? MatchResult.exactMatch() : MatchResult.partialMatch(Math.min(1.0, 0.1 * mismatches.size()));
    }
  }

  /** Whether any generator runs on the consumer side ({@code ProviderState} ones run only in the verifier). */
  public static boolean consumerSide(Generators generators) {
    return generators.categories().values().stream().flatMap(m -> m.values().stream())
        .anyMatch(g -> !(g instanceof Generator.ProviderState));
  }

  /** Serves the interaction's response, with generators applied in consumer mode. */
  private final class PactResponse implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return TRANSFORMER;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Expectation expectation = stubs.get(event.getStubMapping().getId());
      if (expectation == null) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(500)
            .withBody("Accord: the interaction of this stub was reset").build();
      }
      HttpResponse response = expectation.response();
      if (consumerSide(response.generators())) {
        try {
          response = Generation.generateResponse(response,
              GeneratorContext.consumer(baseUrl(), expectation.seed()));
        } catch (RuntimeException e) {
          return ResponseDefinitionBuilder.responseDefinition().withStatus(500)
              .withHeader("Content-Type", "text/plain; charset=utf-8")
              .withBody("Accord could not apply the response generators of interaction " + expectation.label()
                  + ": " + e)
              .build();
        }
      }
      List<HttpHeader> headers = new ArrayList<>();
      response.headers().forEach((name, values) -> headers.add(new HttpHeader(name, values)));
      if (response.header("Content-Type").isEmpty() && response.body().contentType().isPresent()) {
        headers.add(new HttpHeader("Content-Type", response.body().contentType().get().raw()));
      }
      ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
          .withStatus(response.status())
          .withHeaders(new HttpHeaders(headers));
      if (response.body().isPresent()) {
        builder.withBody(response.body().asBytes());
      }
      return builder.build();
    }
  }

  /**
   * Drops the {@code Matched-Stub-Id} and {@code Matched-Stub-Name} headers WireMock adds to a stub's response: a
   * random id per run is WireMock's bookkeeping, not the provider's answer, and would make responses differ between
   * runs of the same test.
   */
  private static final class WithoutStubIds implements ResponseTransformerV2 {
    @Override
    public String getName() {
      return "accord-without-stub-ids";
    }

    @Override
    public com.github.tomakehurst.wiremock.http.Response transform(com.github.tomakehurst.wiremock.http.Response response,
        ServeEvent event) {
      HttpHeaders headers = response.getHeaders();
      if (headers == null || !headers.getHeader("Matched-Stub-Id").isPresent()
          && !headers.getHeader("Matched-Stub-Name").isPresent()) {
        return response;
      }
      List<HttpHeader> kept = new ArrayList<>();
      for (HttpHeader header : headers.all()) {
        if (!header.keyEquals("Matched-Stub-Id") && !header.keyEquals("Matched-Stub-Name")) {
          kept.add(header);
        }
      }
      return com.github.tomakehurst.wiremock.http.Response.Builder.like(response).but().headers(new HttpHeaders(kept))
          .build();
    }
  }

  /**
   * Answers a request that failed before WireMock could read it (WireMock's {@code LoggedRequest} refuses a malformed
   * percent escape in the query, for one) with what went wrong as text, where Jetty would show an HTML page with a
   * stack trace, and keeps it for {@link #received()}, so the test reports it as an unexpected request.
   */
  private final class UnreadableRequests extends ErrorHandler {
    @Override
    protected void generateAcceptableResponse(wiremock.org.eclipse.jetty.server.Request baseRequest,
        HttpServletRequest request, HttpServletResponse response, int code, String message) throws java.io.IOException {
      Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      String query = request.getQueryString();
      String target = request.getRequestURI() + (query == null ? "" : "?" + query);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : java.util.Collections.list(request.getHeaderNames())) {
        headers.put(name, java.util.Collections.list(request.getHeaders(name)));
      }
      Map<String, List<String>> rawQuery = new LinkedHashMap<>();
      if (query != null) {
        for (String pair : query.split("&")) {
          int eq = pair.indexOf('=');
          rawQuery.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
              .add(eq < 0 ? "" : pair.substring(eq + 1));
        }
      }
      unreadable.add(new Received(new HttpRequest(request.getMethod(), request.getRequestURI(), rawQuery, headers,
          Body.empty(), null, null), null));
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      response.setContentType("text/plain; charset=utf-8");
      response.setHeader("X-Accord-Unexpected-Request", "true");
      response.getWriter().write("Unexpected request: " + request.getMethod() + " " + target
          + "\n  Accord's mock provider could not read it: "
          + (failure == null ? code + " " + message : String.valueOf(failure.getMessage()))
          + "\n  fix: send a well-formed request (a percent escape is % and two hex digits)\n");
      baseRequest.setHandled(true);
    }
  }

  /** WireMock's not-matched hook; {@link #serve} answers unmatched requests first, so this is a fallback only. */
  private final class MismatchRenderer extends NotMatchedRenderer {
    @Override
    protected ResponseDefinition render(Admin admin, ServeEvent event) {
      return unmatchedResponse(toPact(event.getRequest()));
    }
  }
}
