package dev.accord.consumer;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accord.pact.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A pact written by consumer-dsl is verified by the standard Pact verifier ({@code pact verifier}
 * from {@code @pact-foundation/pact-cli}) against a small provider on the JDK's HttpServer.
 */
class PactCliVerificationTest {

  @TempDir static Path pacts;

  private static Path cli;
  private static Path pactFile;

  @BeforeAll
  static void writePactAndFindCli() {
    String configured = System.getenv("ACCORD_PACT_CLI");
    cli =
        Path.of(
            configured != null && !configured.isBlank()
                ? configured
                : System.getProperty("user.home") + "/.cache/accord-tools/node_modules/.bin/pact");
    if (!Files.isExecutable(cli)) {
      String why =
          "The standard Pact CLI is not installed at "
              + cli
              + " (set ACCORD_PACT_CLI, or install it with: npm install --prefix ~/.cache/accord-tools @pact-foundation/pact-cli)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why + "; CI must run this test");
      }
      Assumptions.abort(why);
    }
    try (Contract contract =
        Contract.between("orders-service", "products-service").pactDirectory(pacts).start()) {
      contract.test(
          "contract",
          provider -> {
            provider
                .given("a product exists", Map.of("id", "prod-001"))
                .uponReceiving("a request for a product chosen by the provider")
                .withRequest(GET, path("/api/products/", stateVariable("id")))
                .header("Accept", "application/json")
                .willRespondWith(200)
                .body(
                    Map.of(
                        "id",
                        stateVariable("id"),
                        "name",
                        like("Widget Pro"),
                        "price",
                        decimal(29.99),
                        "tags",
                        eachLike("electronics"),
                        "added",
                        date("2024-05-01")));
            provider
                .given("products tagged 'garden' exist")
                .uponReceiving("a search by tag")
                .withRequest(GET, "/api/products")
                .query("tag", "garden")
                .query("limit", regex("\\d+", "10"))
                .willRespondWith(200)
                .body(eachLike(Map.of("id", like("prod-7"), "price", decimal(12.5)), 1));
            provider
                .uponReceiving("a request to create a product")
                .withRequest(POST, "/api/products")
                .body(Map.of("name", like("Hose"), "price", decimal(19.9)))
                .willRespondWith(201)
                .header("Location", regex("/api/products/[\\w-]+", "/api/products/prod-8"))
                .body(Map.of("id", like("prod-8")));

            assertThat(
                    Http.get(
                            provider.url() + "/api/products/prod-001", "Accept", "application/json")
                        .statusCode())
                .isEqualTo(200);
            assertThat(Http.get(provider.url() + "/api/products?tag=garden&limit=10").statusCode())
                .isEqualTo(200);
            assertThat(
                    Http.post(provider.url() + "/api/products", "{\"name\":\"Rake\",\"price\":5.5}")
                        .statusCode())
                .isEqualTo(201);
          });
      pactFile = contract.pactFile();
    }
  }

  @Test
  void theStandardVerifierAcceptsThePactAgainstAProviderThatHonoursIt() throws Exception {
    try (Provider provider = new Provider(false)) {
      Result result = verify(provider);

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(provider.stateCalls)
          .containsExactly(
              "setup a product exists {\"id\":\"prod-001\"}",
              "setup  {}", // the verifier calls the state URL with no state for an interaction
              // without one
              "setup products tagged 'garden' exist {}");
      // the verifier replaced ${id} with what the state handler returned
      assertThat(provider.paths).contains("/api/products/prod-42");
    }
  }

  @Test
  void theStandardVerifierRejectsItAgainstAProviderThatBreaksIt() throws Exception {
    try (Provider provider = new Provider(true)) {
      Result result = verify(provider);

      assertThat(result.exitCode()).as(result.output()).isNotZero();
      assertThat(result.output()).contains("a request to create a product");
    }
  }

  private record Result(int exitCode, String output) {}

  private Result verify(Provider provider) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                cli.toString(),
                "verifier",
                "-f",
                pactFile.toString(),
                "--hostname",
                "127.0.0.1",
                "-p",
                String.valueOf(provider.port()),
                "-n",
                "products-service",
                "-s",
                "http://127.0.0.1:" + provider.port() + "/_pact/state",
                "--no-colour")
            .redirectErrorStream(true);
    pb.environment().put("PACT_DO_NOT_TRACK", "true");
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pact verifier did not finish within 120 s:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }

  /**
   * products-service, as small as it gets; {@code broken} makes the create endpoint drop the id.
   */
  private static final class Provider implements AutoCloseable {
    final List<String> stateCalls = new ArrayList<>();
    final List<String> paths = new ArrayList<>();
    private final HttpServer server;

    Provider(boolean broken) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/_pact/state",
          exchange -> {
            JsonNode call = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
            synchronized (stateCalls) {
              stateCalls.add(
                  call.path("action").asString()
                      + " "
                      + call.path("state").asString()
                      + " "
                      + Json.write(
                          call.path("params").isMissingNode()
                              ? Json.nodes().objectNode()
                              : call.path("params")));
            }
            String body =
                call.path("state").asString().equals("a product exists")
                    ? "{\"id\":\"prod-42\"}"
                    : "{}";
            send(exchange, 200, body, null);
          });
      server.createContext(
          "/api/products",
          exchange -> {
            String path = exchange.getRequestURI().getPath();
            synchronized (paths) {
              paths.add(path);
            }
            if (exchange.getRequestMethod().equals("POST")) {
              send(
                  exchange,
                  201,
                  broken ? "{\"name\":\"Hose\"}" : "{\"id\":\"prod-9\"}",
                  "/api/products/prod-9");
            } else if (path.equals("/api/products")) {
              send(
                  exchange,
                  200,
                  "[{\"id\":\"prod-1\",\"price\":3.25},{\"id\":\"prod-2\",\"price\":7.5}]",
                  null);
            } else {
              String id = path.substring("/api/products/".length());
              send(
                  exchange,
                  200,
                  "{\"id\":\""
                      + id
                      + "\",\"name\":\"Spade\",\"price\":15.75,\"tags\":[\"garden\",\"tools\"],"
                      + "\"added\":\"2023-11-30\"}",
                  null);
            }
          });
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, int status, String body, String location)
        throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      if (location != null) {
        exchange.getResponseHeaders().add("Location", location);
      }
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
