package dev.accord.cli.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.accord.cli.AccordCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors of verify-openapi (exit 2) and one run (the full runs are examples/jobs-service's).
 */
class VerifyOpenApiCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "verify-openapi";
    System.arraycopy(args, 0, full, 1, args.length);
    return AccordCommand.run(
        new AccordCommand(), new PrintWriter(out, true), new PrintWriter(err, true), full);
  }

  private Path spec() throws IOException {
    return Files.writeString(
        dir.resolve("ping.yaml"),
        """
        openapi: 3.0.3
        info: {title: ping, version: "1"}
        paths:
          /ping:
            get:
              operationId: ping
              responses:
                "200":
                  description: pong
                  content:
                    text/plain: {schema: {type: string}}
        """);
  }

  @Test
  void aConformingProviderExitsZero() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ping",
        exchange -> {
          try (exchange) {
            byte[] bytes = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
    server.start();
    try {
      int exit =
          run(
              spec().toString(),
              "--provider-base-url",
              "http://127.0.0.1:" + server.getAddress().getPort(),
              "--seed",
              "5",
              "--header",
              "X-Api-Key: abc");

      assertThat(err.toString()).isEmpty();
      assertThat(exit).isZero();
      assertThat(out.toString())
          .contains("  PASS ping (GET /ping) -> 200\n", "1 case: 1 passed, 0 failed");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aMissingDocumentIsAUsageError() {
    int exit = run("nope.yaml", "--provider-base-url", "http://127.0.0.1:1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            """
        nope.yaml: no such file; give the provider's OpenAPI document
        accord verify-openapi --help lists its options.
        """);
  }

  @Test
  void badOptionValuesAreUsageErrors() throws IOException {
    String spec = spec().toString();

    assertThat(run(spec, "--provider-base-url", "localhost:8080")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "The provider base URL 'localhost:8080' must be an absolute http or https"
                + " URL, such as http://127.0.0.1:8080\n");
    assertThat(run(spec, "--provider-base-url", "http://127.0.0.1:1", "--max-failures", "0"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--max-failures must be 1 or more, was 0 (--fail-fast is --max-failures 1)");
    assertThat(run(spec, "--provider-base-url", "http://127.0.0.1:1", "--report", "pdf"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--report pdf: use json, junit or html");
    assertThat(run(spec, "--provider-base-url", "http://127.0.0.1:1", "--state-change-as-query"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--state-change-as-query and --no-state-change-teardown need" + " --state-change-url");
  }

  @Test
  void aCasesFileThatDoesNotFitTheDocumentIsAUsageError() throws IOException {
    Path cases =
        Files.writeString(dir.resolve("cases.yaml"), "cases: [{operation: pong, status: 200}]");

    int exit =
        run(
            spec().toString(),
            "--provider-base-url",
            "http://127.0.0.1:1",
            "--cases",
            cases.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "--cases The cases file "
                + cases
                + " does not fit the document (1 problem):\n"
                + "  - cases[0]: operation 'pong' is not in "
                + dir.resolve("ping.yaml")
                + "; did you mean 'ping'?\n");
  }

  @Test
  void anUnknownOptionGetsTheClosestOne() throws IOException {
    int exit = run(spec().toString(), "--provider-base-url", "http://127.0.0.1:1", "--fail-fst");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "Unknown option: '--fail-fst' for accord verify-openapi. The closest known"
                + " option: --fail-fast\n");
  }

  @Test
  void anUnreachableProviderExitsOne() throws IOException {
    int exit = run(spec().toString(), "--provider-base-url", "http://127.0.0.1:1");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("Could not connect to the provider at http://127.0.0.1:1");
  }
}
