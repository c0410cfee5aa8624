package dev.accord.cli.stub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.stub.PactStubServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord stub} driven as a user would, with a real HTTP client. */
class StubCommandTest {
  private static final Path PACT = Path.of("src/test/resources/verify/products.json");
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  @Test
  void stubServesMatchingRequestsAndExplainsTheClosestInteractionForOthers() throws Exception {
    CommandSpec spec = StubCommand.spec();
    StubCommand command = (StubCommand) spec.userObject();
    CommandLine cli = new CommandLine(spec);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.parseArgs("--pact-file", PACT.toString(), "--port", "0");
    try (PactStubServer stub = command.start()) {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> ok =
          client.send(
              HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/products/p1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("{\"id\":\"p1\",\"name\":\"Pact in Action\",\"price\":12.5}");

      HttpResponse<String> miss =
          client.send(
              HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/products"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Other\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(miss.statusCode()).isEqualTo(404);
      assertThat(miss.body())
          .contains("\"error\":\"No interaction of the pact matches POST /products\"")
          .contains("\"description\":\"create product\"")
          .contains("\"type\":\"body\"")
          .contains("\"path\":\"$.name\"");
      assertThat(out.toString())
          .contains("Serving 2 interactions from 1 pact at " + stub.baseUrl());
      assertThat(err.toString())
          .startsWith(
              """
          Unexpected request: POST /products
            closest interaction: 'create product'
            mismatches:
              - body $.name: Expected 'Other' (String) to be equal to 'New' (String)
          """)
          .endsWith(
              """
            answered 404, with the closest interaction and the mismatches as JSON
          """);
    }
  }

  @Test
  void stubAnswersARequestSentTheMomentThePortAcceptsFromEveryInteractionOfALargePact()
      throws Exception {
    // GIVEN a pact file of 20,000 interactions GET /items/<i>
    StringBuilder pact =
        new StringBuilder(
            "{\"consumer\": {\"name\": \"shop\"}, \"provider\": {\"name\": \"items\"},"
                + " \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}, \"interactions\": [");
    for (int i = 0; i < 20_000; i++) {
      pact.append(i == 0 ? "" : ",")
          .append("{\"description\": \"item ")
          .append(i)
          .append("\", \"request\": {\"method\": \"GET\", \"path\": \"/items/")
          .append(i)
          .append("\"}, \"response\": {\"status\": 200}}");
    }
    Path file = Files.writeString(dir.resolve("shop-items.json"), pact.append("]}"));
    int port;
    try (java.net.ServerSocket free =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    CommandSpec spec = StubCommand.spec();
    StubCommand command = (StubCommand) spec.userObject();
    CommandLine cli = new CommandLine(spec);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.parseArgs("--pact-file", file.toString(), "--port", String.valueOf(port));
    java.util.concurrent.ExecutorService starter =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    java.util.concurrent.Future<PactStubServer> starting = starter.submit(command::start);
    try {
      // WHEN a client connects in a tight loop while the stub starts and asks for the first
      // interaction at once
      String status = null;
      while (status == null) {
        try (java.net.Socket socket = new java.net.Socket()) {
          socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
          socket
              .getOutputStream()
              .write(
                  "GET /items/0 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII));
          status =
              new java.io.BufferedReader(
                      new java.io.InputStreamReader(
                          socket.getInputStream(), StandardCharsets.US_ASCII))
                  .readLine();
        } catch (java.net.ConnectException notYet) {
          if (starting.isDone()) {
            starting.get(); // rethrows why the stub did not start
          }
          Thread.onSpinWait();
        }
      }

      // THEN the interaction answers, and nothing was printed as unmatched
      assertThat(status).isEqualTo("HTTP/1.1 200 OK");
      assertThat(err.toString()).isEmpty();
    } finally {
      starting.get().close();
      starter.shutdownNow();
    }
  }
}
