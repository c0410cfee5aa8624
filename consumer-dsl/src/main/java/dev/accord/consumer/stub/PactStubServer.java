package dev.accord.consumer.stub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.accord.consumer.internal.MockHttpServer;
import dev.accord.consumer.internal.Reports;
import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.ProviderState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the HTTP interactions of existing pacts as a stub provider, on the same WireMock
 * integration as the consumer DSL's mock provider: each request is matched by pact-core's request
 * matching (the first interaction in pact order that matches wins) and answered with the
 * interaction's response, consumer-side generators applied with the given seed. A request no
 * interaction matches gets 404 with a JSON body naming the closest interaction and each mismatch
 * (type, path, expected, actual, description).
 *
 * <pre>{@code
 * try (PactStubServer stub = PactStubServer.start(List.of(PactReader.read(Path.of("orders-products.json"))),
 *     "127.0.0.1", 0, 1L)) {
 *   String url = stub.baseUrl(); // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class PactStubServer implements AutoCloseable {
  private final List<Stub> stubs;
  private final MockHttpServer server;
  private final String host;

  private final Consumer<String> console;

  private PactStubServer(
      List<Pact> pacts, String host, int port, long seed, Consumer<String> console) {
    List<Stub> all = new ArrayList<>();
    for (Pact pact : pacts) {
      for (HttpInteraction i : pact.httpInteractions()) {
        all.add(new Stub(i, seed));
      }
    }
    this.stubs = List.copyOf(all);
    this.host = host;
    this.console = console;
    // The mock tries the newest interaction first: adding them in reverse lets the first
    // interaction in pact order win.
    // Every stub is in place before the port opens, so the first request is matched against all of
    // them.
    List<Stub> newestFirst = new ArrayList<>(stubs);
    java.util.Collections.reverse(newestFirst);
    this.server = new MockHttpServer(host, port, this::unmatched, newestFirst);
  }

  /**
   * Starts serving {@code pacts} on {@code host} (e.g. {@code 127.0.0.1}, or {@code 0.0.0.0} for
   * every interface) and {@code port} (0 for any free port); {@code seed} makes generated response
   * values repeatable.
   *
   * <p>The port opens only once every interaction is served. A request no interaction matches is
   * printed on {@code System.err} (the closest interaction, its mismatches, the two requests side
   * by side) as well as answered.
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public static PactStubServer start(List<Pact> pacts, String host, int port, long seed) {
    return start(
        pacts,
        host,
        port,
        seed,
        report -> {
          System.err.print(report);
          System.err.flush();
        });
  }

  /**
   * As {@link #start(List, String, int, long)}, with each unmatched request's report (several
   * lines, ending with a line break) handed to {@code console} instead of {@code System.err}.
   */
  public static PactStubServer start(
      List<Pact> pacts, String host, int port, long seed, Consumer<String> console) {
    Objects.requireNonNull(pacts, "pacts");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(console, "console");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "port " + port + " is not a port (0-65535; 0 picks a free one)");
    }
    try {
      return new PactStubServer(pacts, host, port, seed, console);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot serve the pacts on "
              + host
              + ":"
              + port
              + ": "
              + rootMessage(e)
              + (port == 0
                  ? ""
                  : ". Is another process using the port? Pick another one, or 0 for any free port."),
          e);
    }
  }

  /** {@code http://HOST:PORT}, with {@code localhost} for a server bound to every interface. */
  public String baseUrl() {
    String h =
        host.equals("0.0.0.0") || host.equals("::")
            ? "localhost"
            : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port();
  }

  public int port() {
    return server.port();
  }

  /** The number of HTTP interactions served (message interactions have nothing to serve). */
  public int interactionCount() {
    return stubs.size();
  }

  @Override
  public void close() {
    server.close();
  }

  private ResponseDefinition unmatched(HttpRequest actual) {
    Stub closest = null;
    List<Mismatch> closestMismatches = null;
    int closestScore = Integer.MAX_VALUE;
    for (Stub s : stubs) {
      List<Mismatch> mismatches = Matching.matchRequest(s.request(), actual);
      int score = score(s.interaction, actual, mismatches);
      if (score < closestScore) {
        closest = s;
        closestMismatches = mismatches;
        closestScore = score;
      }
    }
    ObjectNode body = Json.nodes().objectNode();
    body.put(
        "error", "No interaction of the pact matches " + actual.method() + " " + actual.path());
    if (closest != null) {
      HttpInteraction i = closest.interaction;
      ObjectNode c = body.putObject("closestInteraction");
      c.put("description", i.description());
      ArrayNode states = c.putArray("providerStates");
      i.providerStates().forEach(st -> states.add(st.name()));
      c.put("method", i.request().method());
      c.put("path", i.request().path());
      ArrayNode list = body.putArray("mismatches");
      for (Mismatch m : closestMismatches) {
        ObjectNode n = list.addObject();
        n.put("type", m.type().key());
        n.put("path", m.path());
        if (m.expected() != null) {
          n.put("expected", m.expected());
        }
        if (m.actual() != null) {
          n.put("actual", m.actual());
        }
        n.put("description", m.description());
      }
    } else {
      body.put("hint", "The pacts have no HTTP interactions to serve.");
    }
    console.accept(
        closest == null
            ? "Unexpected request: "
                + Reports.requestLine(actual)
                + "\n  the pacts have no HTTP interactions to serve; answered 404\n"
            : Reports.unexpectedRequest(
                    actual, new MockHttpServer.Closest(closest, closestMismatches))
                + "  answered 404, with the closest interaction and the mismatches as JSON\n");
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(404)
        .withHeader("Content-Type", "application/json;charset=utf-8")
        .withBody(Json.write(body))
        .build();
  }

  /** Fewer mismatches is closer; a different method or path weighs more than anything else. */
  private static int score(HttpInteraction i, HttpRequest actual, List<Mismatch> mismatches) {
    int s = mismatches.size();
    if (!i.request().method().equalsIgnoreCase(actual.method())) {
      s += 1000;
    }
    if (!i.request().path().equals(actual.path())) {
      s += 100;
    }
    return s;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** An interaction of a pact as the mock server sees it. */
  private static final class Stub implements MockHttpServer.Expectation {
    private final HttpInteraction interaction;
    private final long seed;

    Stub(HttpInteraction interaction, long seed) {
      this.interaction = interaction;
      this.seed = seed;
    }

    @Override
    public HttpRequest request() {
      return interaction.request();
    }

    @Override
    public HttpResponse response() {
      return interaction.response();
    }

    @Override
    public String label() {
      String states =
          interaction.providerStates().stream()
              .map(ProviderState::name)
              .map(n -> "'" + n + "'")
              .collect(Collectors.joining(" and "));
      return "'"
          + interaction.description()
          + "'"
          + (states.isEmpty() ? "" : " (given " + states + ")");
    }

    @Override
    public long seed() {
      return seed;
    }
  }
}
