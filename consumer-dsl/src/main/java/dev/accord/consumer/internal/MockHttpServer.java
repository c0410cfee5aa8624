package dev.accord.consumer.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.requestMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.http.trafficlistener.WiremockNetworkTrafficListener;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The WireMock server behind a mock provider: one stub per HTTP interaction, matched by the Pact
 * engine through a custom request matcher, answered by a response transformer that applies the
 * response's generators. WireMock serves; Pact semantics decide. Not public API.
 *
 * <p>Built on {@link WireMockServer} and WireMock's documented extension points only (custom
 * matching, response definition and response transformers, request filters), so a WireMock upgrade
 * changes nothing here. The mock serves the declared interactions and nothing else: a
 * lowest-priority stub answers every other request with the mismatches against the closest
 * interaction, a filter answers WireMock's admin paths the same way, and WireMock's files root is a
 * directory that does not exist, so no mapping file or {@code __files} document of the user's
 * project is served.
 *
 * <p>A request WireMock cannot read (a malformed percent escape in its URL: Jetty refuses one in
 * the path with a 400, WireMock's request log one in the query with a 500, both before any
 * extension runs) is answered by Jetty's error page, which the public API cannot replace; the
 * network traffic listener sees its request line and records it as an unexpected request, so the
 * test fails naming it. {@code /__files/*} is answered 404 by the servlet WireMock always mounts
 * there (from the empty files root).
 */
public final class MockHttpServer implements AutoCloseable {

  /**
   * One declared HTTP interaction as the server sees it; read live, so later DSL calls take effect.
   */
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

  /**
   * A request the server received, and the expectation it matched (null when none did); {@code
   * unreadable} says why WireMock could not read it (null when it could).
   */
  public record Received(HttpRequest request, Expectation matched, String unreadable) {
    public Received(HttpRequest request, Expectation matched) {
      this(request, matched, null);
    }
  }

  private static final String INTERACTION = "accord-interaction-response";
  private static final String UNEXPECTED = "accord-unexpected-request";

  /**
   * Below every interaction's stub (WireMock's default priority is 5; a larger number comes later).
   */
  private static final int LAST = Integer.MAX_VALUE;

  /**
   * WireMock's stub-id headers: a random id per run is WireMock's bookkeeping, not the provider's
   * answer.
   */
  private static final List<String> STUB_ID_HEADERS =
      List.of("Matched-Stub-Id", "Matched-Stub-Name");

  /** The declared interactions, in declaration order; the newest that matches a request wins. */
  private final List<Expectation> order = new CopyOnWriteArrayList<>();

  private final List<Received> received = new CopyOnWriteArrayList<>();

  /**
   * The request being matched on this thread, as the Pact engine sees it: converted once, not once
   * per stub.
   */
  private final ThreadLocal<Object[]> lastConverted = new ThreadLocal<>();

  /**
   * What went wrong while matching the request on this thread, for the unexpected-request stub to
   * say.
   */
  private final ThreadLocal<RuntimeException> matchFailure = new ThreadLocal<>();

  /**
   * The interaction the request on this thread matched, for the interactions' stub to serve:
   * WireMock matches and then transforms a request on the thread that serves it.
   */
  private final ThreadLocal<Expectation> matched = new ThreadLocal<>();

  private final Function<HttpRequest, ResponseDefinition> unmatched;
  private final WireMockServer wireMock;

  public MockHttpServer() {
    this(null, 0, null);
  }

  /**
   * Listens on {@code host} (null: every interface) and {@code port} (0: any free port); {@code
   * unmatched} answers requests no stub matches (null: a 500 with the mismatches as text, for
   * consumer tests).
   */
  public MockHttpServer(
      String host, int port, Function<HttpRequest, ResponseDefinition> unmatched) {
    this(host, port, unmatched, List.of());
  }

  /**
   * As {@link #MockHttpServer(String, int, Function)}, with {@code initial} stubs added before the
   * port is opened: a stub server answers its first request from every interaction, never from some
   * of them.
   */
  public MockHttpServer(
      String host,
      int port,
      Function<HttpRequest, ResponseDefinition> unmatched,
      List<? extends Expectation> initial) {
    this.unmatched = unmatched;
    WireMockConfiguration config =
        WireMockConfiguration.options()
            .port(port)
            .notifier(new ConsoleNotifier(false))
            .containerThreads(8)
            .jettyAcceptors(1)
            .http2PlainDisabled(true)
            .gzipDisabled(true)
            // a Content-Length on every response, as a provider serving small JSON documents would
            // send
            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
            .stubRequestLoggingDisabled(true)
            // the interactions are the stubs: no mapping files, no __files, no templates, no
            // journal (see received())
            .withRootDirectory(
                Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "accord-mock-provider-serves-no-files")
                    .toString())
            .templatingEnabled(false)
            .disableRequestJournal()
            // what WireMock would load for features a mock provider never uses (about 700 classes
            // at start-up):
            // the XML factories it preloads, and the proxy's HTTP client, replaced by one that
            // refuses
            .disableOptimizeXmlFactoriesLoading(true)
            .extensions(
                new InteractionResponse(),
                new UnexpectedRequestResponse(),
                new WithoutStubIds(),
                new NoAdminApi(),
                new NoProxying())
            // requests WireMock cannot read never reach an extension: seen on the wire, they are
            // reported all the same
            .networkTrafficListener(new UnreadableRequests());
    if (host != null) {
      config.bindAddress(host);
    }
    wireMock = new WireMockServer(config);
    addStubs();
    initial.forEach(this::add);
    try {
      wireMock.start();
    } catch (Exception e) { // Jetty's start failures (a port in use) arrive as checked exceptions
      try {
        wireMock.stop(); // its threads would outlive the failure
      } catch (Exception stopping) { // stopping what never started can fail too
        e.addSuppressed(stopping);
      }
      throw e instanceof RuntimeException re
          ? re
          : new IllegalStateException(
              "WireMock could not start on port " + port + ": " + e.getMessage(), e);
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  public int port() {
    return wireMock.port();
  }

  /**
   * Serves an interaction from now on; of the interactions a request matches, the one added last
   * answers it.
   */
  public void add(Expectation expectation) {
    order.add(expectation);
  }

  /** Forgets every interaction and what was received: the state between two tests. */
  public void reset() {
    wireMock.resetMappings();
    addStubs();
    received.clear();
    order.clear();
  }

  /**
   * WireMock's two stubs: one for every interaction (the Pact engine picks the interaction, so a
   * request costs WireMock one match whatever the number of interactions: with a stub per
   * interaction WireMock's scan of them all was a tenth of the CPU of a class of 200), and under it
   * one for any request no interaction matches.
   */
  private void addStubs() {
    wireMock.addStubMapping(
        requestMatching(new PactMatcher())
            .willReturn(aResponse().withTransformers(INTERACTION))
            .build());
    wireMock.addStubMapping(
        any(anyUrl())
            .atPriority(LAST)
            .willReturn(aResponse().withTransformers(UNEXPECTED))
            .build());
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

  /** A plain-text 500 saying what went wrong while serving {@code request}. */
  private static ResponseDefinition couldNotServe(Request request, RuntimeException e) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(500)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withHeader("X-Accord-Unexpected-Request", "true")
        .withBody(
            "Accord's mock provider could not serve "
                + request.getMethod()
                + " "
                + request.getUrl()
                + ": "
                + e
                + "\n")
        .build();
  }

  /** How many stubs WireMock holds (two, whatever the number of interactions): for tests. */
  int wireMockStubs() {
    return wireMock.getStubMappings().size();
  }

  /** The expectations in declaration order. */
  public List<Expectation> expectations() {
    return List.copyOf(order);
  }

  /** What the server received since the last reset, in arrival order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    wireMock.stop();
  }

  /**
   * The closest expectation to a request and its mismatches (fewest mismatches wins; ties go to the
   * first declared).
   */
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
    return decodePath(q < 0 ? url : url.substring(0, q));
  }

  /**
   * A path with its percent escapes decoded ({@code +} stays a plus); a malformed escape is kept as
   * sent.
   */
  private static String decodePath(String raw) {
    return raw.indexOf('%') < 0 ? raw : decode(raw.replace("+", "%2B"), raw);
  }

  /**
   * Form-decodes a query name or value; a malformed escape ({@code %zz}) is kept as sent, for the
   * mismatch to show.
   */
  private static String decode(String text, String asSent) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return asSent;
    }
  }

  private HttpRequest convert(Request request) {
    Object[] last = lastConverted.get();
    if (last != null && last[0] == request) {
      return (HttpRequest) last[1];
    }
    HttpRequest converted = toPact(request);
    lastConverted.set(new Object[] {request, converted});
    return converted;
  }

  /**
   * A WireMock request as a Pact request: decoded path and query, headers as lists, body with its
   * type.
   */
  static HttpRequest toPact(Request request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key(), h.values());
    }
    byte[] bytes = request.getBody();
    String contentType = request.getHeader("Content-Type");
    Body body =
        bytes == null || bytes.length == 0
            ? Body.empty()
            : Body.bytes(bytes, contentType == null ? null : ContentType.parse(contentType));
    return new HttpRequest(
        request.getMethod().getName(),
        path(url),
        query(q < 0 ? "" : url.substring(q + 1), true),
        headers,
        body,
        null,
        null);
  }

  /** A query string's parameters, form-decoded or as sent. */
  private static Map<String, List<String>> query(String query, boolean decoded) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters
          .computeIfAbsent(decoded ? decode(name, name) : name, k -> new ArrayList<>())
          .add(decoded ? decode(value, value) : value);
    }
    return parameters;
  }

  /**
   * Whether any generator runs on the consumer side ({@code ProviderState} ones run only in the
   * verifier).
   */
  public static boolean consumerSide(Generators generators) {
    return generators.categories().values().stream()
        .flatMap(m -> m.values().stream())
        .anyMatch(g -> !(g instanceof Generator.ProviderState));
  }

  /**
   * The Pact engine as a WireMock custom matcher over every interaction, newest first: the first
   * that matches is the one the interactions' stub serves. An interaction with a literal path is
   * skipped on method and path before the engine runs, so a request costs one full match, not one
   * per declared interaction.
   */
  private final class PactMatcher implements ValueMatcher<Request> {
    @Override
    public MatchResult match(Request request) {
      matched.remove();
      matchFailure.remove();
      // a snapshot: a reset between two reads of the list cannot shift an index under the loop
      Expectation[] all = order.toArray(new Expectation[0]);
      for (int i = all.length - 1; i >= 0; i--) {
        Expectation expectation = all[i];
        try {
          HttpRequest expected = expectation.request();
          if (expected.matchingRules().category(Category.PATH).isEmpty()
              && (!expected.method().equalsIgnoreCase(request.getMethod().getName())
                  || !expected.path().equals(path(request.getUrl())))) {
            continue;
          }
          if (Matching.matchRequest(expected, convert(request)).isEmpty()) {
            matched.set(expectation);
            return MatchResult.exactMatch();
          }
        } catch (RuntimeException e) {
          // not a match; unless another interaction matches, the unexpected-request stub answers
          // with what went wrong
          matchFailure.set(e);
        }
      }
      return MatchResult.noMatch();
    }
  }

  /**
   * Serves the interaction of the stub, with the response's generators applied in consumer mode.
   */
  private final class InteractionResponse implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return INTERACTION;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      matchFailure.remove();
      Expectation expectation = matched.get();
      matched.remove();
      received.add(new Received(convert(event.getRequest()), expectation));
      if (expectation == null) {
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(500)
            .withBody("Accord: the interaction this request matched was reset")
            .build();
      }
      try {
        return render(expectation);
      } catch (RuntimeException e) {
        return couldNotServe(event.getRequest(), e);
      }
    }

    private ResponseDefinition render(Expectation expectation) {
      HttpResponse response = expectation.response();
      if (consumerSide(response.generators())) {
        try {
          response =
              Generation.generateResponse(
                  response, GeneratorContext.consumer(baseUrl(), expectation.seed()));
        } catch (RuntimeException e) {
          return ResponseDefinitionBuilder.responseDefinition()
              .withStatus(500)
              .withHeader("Content-Type", "text/plain; charset=utf-8")
              .withBody(
                  "Accord could not apply the response generators of interaction "
                      + expectation.label()
                      + ": "
                      + e)
              .build();
        }
      }
      List<HttpHeader> headers = new ArrayList<>();
      response.headers().forEach((name, values) -> headers.add(new HttpHeader(name, values)));
      if (response.header("Content-Type").isEmpty() && response.body().contentType().isPresent()) {
        headers.add(new HttpHeader("Content-Type", response.body().contentType().get().raw()));
      }
      ResponseDefinitionBuilder builder =
          ResponseDefinitionBuilder.responseDefinition()
              .withStatus(response.status())
              .withHeaders(new HttpHeaders(headers));
      if (response.body().isPresent()) {
        builder.withBody(response.body().asBytes());
      }
      return builder.build();
    }
  }

  /**
   * Answers a request no interaction matches with the mismatches against the closest one (or what
   * went wrong while matching it), and records it, so the test reports it as unexpected.
   */
  private final class UnexpectedRequestResponse implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return UNEXPECTED;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      RuntimeException failure = matchFailure.get();
      matchFailure.remove();
      HttpRequest actual = convert(event.getRequest());
      received.add(new Received(actual, null));
      if (failure != null) {
        return couldNotServe(event.getRequest(), failure);
      }
      try {
        return unmatchedResponse(actual);
      } catch (RuntimeException e) {
        return couldNotServe(event.getRequest(), e);
      }
    }
  }

  /**
   * Drops WireMock's stub-id headers from every response: they would make responses differ between
   * runs.
   */
  private static final class WithoutStubIds implements ResponseTransformerV2 {
    @Override
    public String getName() {
      return "accord-without-stub-ids";
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
      HttpHeaders headers = response.getHeaders();
      if (headers == null
          || STUB_ID_HEADERS.stream().noneMatch(name -> headers.getHeader(name).isPresent())) {
        return response;
      }
      List<HttpHeader> kept = new ArrayList<>();
      for (HttpHeader header : headers.all()) {
        if (STUB_ID_HEADERS.stream().noneMatch(header::keyEquals)) {
          kept.add(header);
        }
      }
      return Response.Builder.like(response).but().headers(new HttpHeaders(kept)).build();
    }
  }

  /**
   * A mock provider serves its interactions and never proxies: WireMock's proxy client is never
   * built.
   */
  private static final class NoProxying implements HttpClientFactory {
    @Override
    public HttpClient buildHttpClient(
        Options options,
        boolean trustAllCertificates,
        List<String> trustedHosts,
        boolean useSystemProperties) {
      return request -> {
        throw new IOException("Accord's mock provider does not proxy requests");
      };
    }
  }

  /**
   * WireMock's admin API is not part of a mock provider: its paths are requests like any other,
   * which no interaction declared, answered as such and reported.
   */
  private final class NoAdminApi implements AdminRequestFilterV2 {
    @Override
    public String getName() {
      return "accord-no-admin-api";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
      // the admin API sees its paths without the /__admin prefix: take the path the client sent
      URI sent = URI.create(request.getAbsoluteUrl());
      HttpRequest actual = toPact(request);
      actual =
          new HttpRequest(
              actual.method(),
              decodePath(sent.getRawPath()),
              actual.query(),
              actual.headers(),
              actual.body(),
              null,
              null);
      received.add(new Received(actual, null));
      try {
        return RequestFilterAction.stopWith(unmatchedResponse(actual));
      } catch (RuntimeException e) {
        return RequestFilterAction.stopWith(couldNotServe(request, e));
      }
    }
  }

  /**
   * Records the requests that never reach a stub or an extension, from their request line on the
   * wire: a URL with a {@code %} not followed by two hex digits (Jetty answers one in the path with
   * a 400, WireMock's request log fails on one in the query with a 500), and paths under {@code
   * /__files} (answered 404 by the file servlet WireMock always mounts there, from the empty files
   * root). Only the first line of each read is looked at: a request starts a read unless the client
   * pipelines.
   */
  private final class UnreadableRequests implements WiremockNetworkTrafficListener {
    @Override
    public void opened(Socket socket) {}

    @Override
    public void incoming(Socket socket, ByteBuffer bytes) {
      Received unreadable = unreadableRequest(bytes);
      if (unreadable != null) {
        received.add(unreadable);
      }
    }

    @Override
    public void outgoing(Socket socket, ByteBuffer bytes) {}

    @Override
    public void closed(Socket socket) {}
  }

  /**
   * The request starting {@code bytes}, and why no interaction can answer it, when its URL has a
   * malformed percent escape or its path is under {@code /__files}; else null.
   */
  static Received unreadableRequest(ByteBuffer bytes) {
    int start = bytes.position();
    int end = Math.min(bytes.limit(), start + 16 * 1024);
    int space = -1;
    for (int i = start; i < end && space < 0; i++) {
      byte b = bytes.get(i);
      if (b == ' ') {
        space = i;
      } else if (b < 'A' || b > 'Z') {
        return null; // not a request line: a method is upper-case letters
      }
    }
    int lineEnd = space;
    while (lineEnd > 0
        && lineEnd < end
        && bytes.get(lineEnd) != '\r'
        && bytes.get(lineEnd) != '\n') {
      lineEnd++;
    }
    if (space <= start || lineEnd <= space || lineEnd >= end) {
      return null;
    }
    byte[] line = new byte[lineEnd - start];
    bytes.duplicate().position(start).get(line);
    String[] parts = new String(line, StandardCharsets.ISO_8859_1).split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
      return null;
    }
    String target = parts[1];
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String why;
    if (malformedEscape(target)) {
      why =
          "its URL has a malformed percent escape (a '%' not followed by two hex digits), which the server refuses"
              + " before any interaction is matched; the client got the server's error page (status 400 or 500)";
    } else if (path.equals("/__files") || path.startsWith("/__files/")) {
      why =
          "WireMock answers every path under /__files itself (a 404: the mock provider serves no files), so no"
              + " interaction can be matched there; the client got a 404";
    } else {
      return null;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String rest =
        StandardCharsets.ISO_8859_1
            .decode(bytes.duplicate().position(lineEnd).limit(end))
            .toString();
    for (String header : rest.strip().split("\r?\n")) {
      int colon = header.indexOf(':');
      if (header.isBlank()) {
        break;
      }
      if (colon > 0) {
        headers
            .computeIfAbsent(header.substring(0, colon).trim(), k -> new ArrayList<>())
            .add(header.substring(colon + 1).trim());
      }
    }
    return new Received(
        new HttpRequest(
            parts[0],
            path,
            query(q < 0 ? "" : target.substring(q + 1), false),
            headers,
            Body.empty(),
            null,
            null),
        null,
        why);
  }

  /** Whether {@code target} holds a {@code %} not followed by two hex digits. */
  private static boolean malformedEscape(String target) {
    for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
      if (i + 2 >= target.length()
          || Character.digit(target.charAt(i + 1), 16) < 0
          || Character.digit(target.charAt(i + 2), 16) < 0) {
        return true;
      }
    }
    return false;
  }
}
