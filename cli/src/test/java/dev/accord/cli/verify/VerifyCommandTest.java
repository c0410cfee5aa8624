package dev.accord.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.accord.cli.AccordCommand;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord verify} driven as a user would, against real HTTP servers. */
class VerifyCommandTest {
  private static final Path PACT = Path.of("src/test/resources/verify/products.json");
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<String> stateCalls = Collections.synchronizedList(new ArrayList<>());
  private HttpServer provider;
  private volatile String price = "9.99";
  @TempDir Path dir;

  private String startProvider() throws Exception {
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getPath();
          int status = 200;
          String reply = "{}";
          if (path.equals("/state")) {
            stateCalls.add(body);
          } else if (path.equals("/products/p1")) {
            reply = "{\"id\":\"p1\",\"name\":\"Refactoring\",\"price\":" + price + "}";
          } else if (path.equals("/products")) {
            status = 201;
          }
          byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
          }
        });
    provider.start();
    return "http://127.0.0.1:" + provider.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (provider != null) {
      provider.stop(0);
    }
  }

  private int accord(String... args) {
    return AccordCommand.run(
        new AccordCommand(), new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void verifyPassesWithExit0CallsTheStateUrlAndWritesTheReports() throws Exception {
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
            "--report",
            "junit",
            "--report",
            "json",
            "--report-dir",
            dir.toString(),
            "--seed",
            "7");

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains("PASS orders-service \u00b7 get product p1 [given product p1 exists]")
        .contains("seed for generated values: 7")
        .contains("0 of 2 interactions failed");
    assertThat(stateCalls)
        .containsExactly(
            "{\"state\":\"product p1 exists\",\"params\":{\"id\":\"p1\"},\"action\":\"setup\"}",
            "{\"state\":\"product p1 exists\",\"params\":{\"id\":\"p1\"},\"action\":\"teardown\"}",
            "{\"state\":\"\",\"params\":{},\"action\":\"setup\"}",
            "{\"state\":\"\",\"params\":{},\"action\":\"teardown\"}");
    assertThat(Files.readString(dir.resolve("TEST-accord-products-service.xml")))
        .contains("tests=\"2\" failures=\"0\"");
    assertThat(Files.readString(dir.resolve("accord-products-service.json")))
        .contains("\"passed\" : true");
  }

  @Test
  void coverageCountsTheInteractionsAConsumerFilterLeftOut() throws Exception {
    // GIVEN two consumers' pacts, and a run that keeps only billing-service
    String url = startProvider();
    Path billing = dir.resolve("billing.json");
    Files.writeString(
        billing,
        Files.readString(PACT)
            .replace("orders-service", "billing-service")
            .replace("get product p1", "billing reads p1")
            .replace("create product", "billing creates a product"));

    int exit =
        accord(
            "verify",
            "--provider",
            "products-service",
            "--pact-file",
            PACT.toString(),
            "--pact-file",
            billing.toString(),
            "--filter-consumer",
            "billing-service",
            "--provider-base-url",
            url,
            "--state-change-url",
            url + "/state",
            "--report",
            "json",
            "--report-dir",
            dir.toString());

    // THEN the orders-service interactions still count, as filtered out, in the console and the
    // report
    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains(
            """
        Coverage: 4 interactions in the pacts: 2 verified (2 passed, 0 failed, 0 pending), 2 filtered out, 0 not run
          provider states exercised:
            product p1 exists: 1 interaction, all passed
          provider endpoints touched:
            POST /products: 2 interactions (1 passed, 1 filtered out)
            GET /products/p1: 2 interactions (1 passed, 1 filtered out)
        0 of 2 interactions failed""");
    assertThat(Files.readString(dir.resolve("accord-products-service.json")))
        .contains("\"filteredOut\" : 2");
  }

  @Test
  void verifyExits1WhenTheProviderBreaksTheContractNamingInteractionAndPath() throws Exception {
    String url = startProvider();
    price = "\"9.99\"";

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
            url + "/state");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAIL orders-service \u00b7 get product p1 [given product p1 exists]")
        .contains("Body had differences")
        .contains("at $.price")
        .contains("1 of 2 interactions failed");
  }

  @Test
  void verifyReportsEveryProblemOfABadPactStillVerifiesTheGoodOneAndExits1() throws Exception {
    // GIVEN a pact directory with an invalid pact (a bad status, an interaction without a
    // description) and a valid one
    String url = startProvider();
    Path pacts = Files.createDirectories(dir.resolve("pacts"));
    Files.writeString(
        pacts.resolve("billing-service-products-service.json"),
        """
        {"consumer": {"name": "billing-service"}, "provider": {"name": "products-service"},
         "interactions": [
           {"description": "a bad status", "request": {"method": "GET", "path": "/"}, "response": {"status": 999}},
           {"request": {"method": "GET", "path": "/products/1"}, "response": {"status": 200}}],
         "metadata": {"pactSpecification": {"version": "3.0.0"}}}
        """);
    Files.copy(PACT, pacts.resolve("orders-service-products-service.json"));

    // WHEN accord verifies the directory
    int exit =
        accord(
            "verify",
            "--provider",
            "products-service",
            "--pact-dir",
            pacts.toString(),
            "--provider-base-url",
            url,
            "--state-change-url",
            url + "/state",
            "--seed",
            "7");

    // THEN the valid pact is verified, both problems of the invalid one are printed, no "0 of 0"
    // line, exit 1
    assertThat(exit).isEqualTo(1);
    assertThat(
            out.toString().replace(url, "http://127.0.0.1:PORT").replace(pacts.toString(), "pacts"))
        .isEqualTo(
            """
            Verifying provider products-service at http://127.0.0.1:PORT
              state changes: POST http://127.0.0.1:PORT/state
              seed for generated values: 7 (replay with seed 7)

            Pact orders-service -> products-service  pacts/orders-service-products-service.json
              PASS orders-service \u00b7 get product p1 [given product p1 exists]
              PASS orders-service \u00b7 create product

            Invalid pact pacts/billing-service-products-service.json: 2 problems
              at $.interactions[0].response.status: the status 999 is not an HTTP status code
                Valid form: "status": 200 (an integer from 100 to 599)
              at $.interactions[1].description: the interaction has no description
                Valid form: "description": "a request for product 1"

            Coverage: 2 interactions in the pacts: 2 verified (2 passed, 0 failed, 0 pending), 0 filtered out, 0 not run
              provider states exercised:
                product p1 exists: 1 interaction, all passed
              provider endpoints touched:
                POST /products: 1 interaction (1 passed)
                GET /products/p1: 1 interaction (1 passed)
            0 of 2 interactions failed; 1 pact could not be loaded
            To replay: seed 7, Accord (development build), filters: none
            """
                .replace("\n", System.lineSeparator()));
  }

  @Test
  void statesOnlyModeExercisesTheStateEndpointWithoutRequests() throws Exception {
    String url = startProvider();

    int exit =
        accord(
            "verify",
            "--provider",
            "products-service",
            "--pact-file",
            PACT.toString(),
            "--state-change-url",
            url + "/state",
            "--states-only");

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(stateCalls).hasSize(4);
    assertThat(out.toString()).contains("(states only: setup and teardown, no requests)");
  }
}
