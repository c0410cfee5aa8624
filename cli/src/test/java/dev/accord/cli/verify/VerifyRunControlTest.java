package dev.accord.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.AccordCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accord verify} selection and budgets, through the command's main entry as a user runs it.
 */
class VerifyRunControlTest {
  private static final Path PACT = Path.of("src/test/resources/verify/products.json");
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private ServerSocket hung;
  private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
  @TempDir Path dir;

  private int accord(String... args) {
    return AccordCommand.run(
        new AccordCommand(), new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private com.sun.net.httpserver.HttpServer provider;
  private final List<String> received = Collections.synchronizedList(new ArrayList<>());

  /** Records "METHOD path?query [Authorization] body" and answers like products-service. */
  private String startProvider() throws IOException {
    provider =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/",
        exchange -> {
          String body =
              new String(
                  exchange.getRequestBody().readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8);
          java.net.URI uri = exchange.getRequestURI();
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + uri.getPath()
                  + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                  + " ["
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + "] "
                  + body);
          String path = uri.getPath();
          int status = path.equals("/products") ? 201 : 200;
          byte[] reply =
              (path.equals("/products/p1")
                      ? "{\"id\":\"p1\",\"name\":\"Refactoring\",\"price\":9.99}"
                      : "{}")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, reply.length);
          try (java.io.OutputStream os = exchange.getResponseBody()) {
            os.write(reply);
          }
        });
    provider.start();
    return "http://127.0.0.1:" + provider.getAddress().getPort();
  }

  @AfterEach
  void stop() throws IOException {
    if (provider != null) {
      provider.stop(0);
    }
    if (hung != null) {
      hung.close();
    }
    for (Socket s : held) {
      s.close();
    }
  }

  @Test
  void aFilterThatSelectsNothingExits1NamingEachFilterAndAllowEmptyExits0() {
    // WHEN the consumer filter has a typo
    int exit =
        accord(
            "verify",
            "--provider",
            "products-service",
            "--pact-file",
            PACT.toString(),
            "--provider-base-url",
            "http://127.0.0.1:9",
            "--filter-consumer",
            "order-service");

    // THEN nothing is sent, the run fails and the output says what each filter matched
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            """
        No interaction of provider 'products-service' was selected: the filters leave nothing to verify \
        (2 interactions in the pacts, from orders-service).
          filterConsumer / --filter-consumer 'order-service': matches 0 of 2 interactions (no consumer)
        Fix the filters, or accept an empty run with allowEmpty() / --allow-empty \
        / @AccordProviderTest(allowEmpty = true).
        Nothing was verified""");

    int allowed =
        accord(
            "verify",
            "--provider",
            "products-service",
            "--pact-file",
            PACT.toString(),
            "--provider-base-url",
            "http://127.0.0.1:9",
            "--filter-consumer",
            "order-service",
            "--allow-empty");
    assertThat(allowed).isEqualTo(0);
  }

  @Test
  void aHungProviderWith1000InteractionsStopsAfter3ConsecutiveTimeouts() throws Exception {
    // GIVEN a provider that accepts connections and never answers, and a pact of 1,000 interactions
    hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  held.add(hung.accept());
                }
              } catch (IOException closed) {
                // the test ended
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    StringBuilder pact =
        new StringBuilder(
            "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"slow\"},"
                + "\"interactions\":[");
    for (int i = 0; i < 1000; i++) {
      pact.append(i == 0 ? "" : ",")
          .append("{\"description\":\"get item ")
          .append(i)
          .append("\",\"request\":{\"method\":\"GET\",\"path\":\"/items/")
          .append(i)
          .append("\"},\"response\":{\"status\":200}}");
    }
    pact.append("],\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}");
    Path file = Files.writeString(dir.resolve("web-slow.json"), pact);

    // WHEN verifying with a short request timeout
    int exit =
        accord(
            "verify",
            "--provider",
            "slow",
            "--pact-file",
            file.toString(),
            "--provider-base-url",
            "http://127.0.0.1:" + hung.getLocalPort(),
            "--request-timeout",
            "200",
            "--report",
            "json",
            "--report-dir",
            dir.toString());

    // THEN three interactions timed out, the run stopped with one error, and the other 997 are
    // listed as not run
    assertThat(exit).isEqualTo(1);
    String console = out.toString();
    assertThat(console)
        .contains(
            "The provider did not answer within 200 ms on 3 interactions in a row (the last:"
                + " 'web \u00b7 get item 2'), so the run stopped: it looks hung (it accepts connections but does not answer)."
                + " 997 of 1000 interactions were not run.");
    assertThat(console)
        .contains(
            "Not run (997): the provider timed out on 3 interactions in a row\n"
                + "  - web \u00b7 get item 3\n");
    assertThat(console)
        .contains("  ... and 987 more (the JSON, JUnit XML and HTML reports name every one)");
    assertThat(console).contains("1000 of 1000 interactions failed (997 not run)");
    String json = Files.readString(dir.resolve("accord-slow.json"));
    assertThat(
            json.split(
                "\"notRunReason\" : \"the provider timed out on 3 interactions in a row\"", -1))
        .hasSize(998);
  }

  @Test
  void verbosePrintsStateChangesRequestsAndResponsesWithCredentialsRedactedAndHeadersAreAdded()
      throws Exception {
    String url = startProvider();

    int exit =
        accord(
            "verify",
            "--provider",
            "products-service",
            "--pact-file",
            PACT.toString(),
            "--provider-base-url",
            url,
            "--state-change-url",
            url + "/state",
            "--verbose",
            "--header",
            "Authorization: Bearer s3cret",
            "--filter-description",
            "get product p1");

    assertThat(exit).as(out.toString()).isEqualTo(0);
    // THEN the provider got the header, the console shows every call, and the credential is
    // redacted
    assertThat(received)
        .containsExactly(
            "POST /state [null] {\"state\":\"product p1 exists\",\"params\":{\"id\":\"p1\"},\"action\":\"setup\"}",
            "GET /products/p1 [Bearer s3cret] ",
            "POST /state [null] {\"state\":\"product p1 exists\",\"params\":{\"id\":\"p1\"},\"action\":\"teardown\"}");
    String console = out.toString();
    assertThat(console)
        .contains(
            "      -> POST "
                + url
                + "/state\n        Content-Type: application/json\n"
                + "        body: {\"state\":\"product p1 exists\",\"params\":{\"id\":\"p1\"},\"action\":\"setup\"}\n"
                + "      <- 200\n");
    assertThat(console)
        .contains(
            "      -> GET "
                + url
                + "/products/p1\n        Authorization: [redacted]\n      <- 200\n");
    assertThat(console)
        .contains("        body: {\"id\":\"p1\",\"name\":\"Refactoring\",\"price\":9.99}\n");
    assertThat(console).doesNotContain("s3cret");
  }

  @Test
  void stateChangesAsQueryWithoutTeardownForProvidersBuiltForTheReferenceVerifier()
      throws Exception {
    String url = startProvider();

    int exit =
        accord(
            "verify",
            "--provider",
            "products-service",
            "--pact-file",
            PACT.toString(),
            "--provider-base-url",
            url,
            "--state-change-url",
            url + "/state",
            "--state-change-as-query",
            "--no-state-change-teardown",
            "--filter-description",
            "get product p1");

    assertThat(exit).as(out.toString()).isEqualTo(0);
    assertThat(received)
        .containsExactly(
            "POST /state?state=product%20p1%20exists&action=setup&id=p1 [null] ",
            "GET /products/p1 [null] ");
  }

  @Test
  void aHeaderWithoutANameIsAUsageError() {
    int exit =
        accord(
            "verify",
            "--provider",
            "products-service",
            "--pact-file",
            PACT.toString(),
            "--provider-base-url",
            "http://127.0.0.1:9",
            "--header",
            "no separator");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--header 'no separator': give it as 'Name: value', e.g. --header"
                + " 'X-Api-Key: abc123'");
  }
}
