package dev.accord.consumer;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure messages are the feature: pinned whole. */
class FailureMessagesTest {

  @TempDir Path pacts;

  private Contract contract;
  private MockProvider provider;

  @BeforeEach
  void start() {
    contract = Contract.between("orders-service", "products-service").pactDirectory(pacts).start();
    provider = contract.startTest("FailureMessagesTest");
  }

  @AfterEach
  void stop() {
    contract.close();
  }

  private void declareProduct() {
    provider
        .given("a product exists", Map.of("id", "prod-001"))
        .uponReceiving("a request for a product")
        .withRequest(GET, "/api/products/prod-001")
        .header("Accept", "application/json")
        .willRespondWith(200)
        .body(Map.of("id", like("prod-001")));
  }

  @Test
  void aRequestWithAMalformedPercentEscapeFailsTheTestNamingIt() throws Exception {
    declareProduct();
    Http.get(provider.url() + "/api/products/prod-001", "Accept", "application/json");

    // java.net.URI refuses a malformed escape, so the request goes over a plain socket
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", provider.port())) {
      socket
          .getOutputStream()
          .write(
              "GET /api/products?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(
              new String(
                  socket.getInputStream().readAllBytes(),
                  java.nio.charset.StandardCharsets.ISO_8859_1))
          .startsWith("HTTP/1.1 500");
    }
    assertThatThrownBy(() -> contract.finishTest(true))
        .isInstanceOf(ContractNotExercisedError.class)
        .hasMessage(
            """
            The contract with 'products-service' was not exercised as declared: 1 unexpected request.

            Unexpected request: GET /api/products?q=%zz
              the mock provider cannot read this request: its URL has a malformed percent escape (a '%' not followed \
            by two hex digits), which the server refuses before any interaction is matched; the client got the \
            server's error page (status 400 or 500).
              fix: percent-encode the URL in the consumer (a '%' that does not start an escape is written %25)

            Nothing from this test was written to the pact file.""");
  }

  @Test
  void aRequestToTheWrongPathFailsWithTheClosestInteractionSideBySide() {
    declareProduct();

    var response = Http.get(provider.url() + "/api/product/prod-001", "Accept", "application/json");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).startsWith("Unexpected request: GET /api/product/prod-001\n");
    assertThatThrownBy(() -> contract.finishTest(true))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            The contract with 'products-service' was not exercised as declared: 1 unexpected request, 1 declared \
            interaction never received.

            Unexpected request: GET /api/product/prod-001
              closest interaction: 'a request for a product' (given 'a product exists' {"id":"prod-001"})
              mismatches:
                - PATH_MISMATCH_LINE
              expected (closest interaction)                 actual (request)
              GET /api/products/prod-001                   ! GET /api/product/prod-001
              Accept: application/json                     | Accept: application/json
              fix: change the consumer so it sends what the interaction declares, or change the interaction

            Declared but never received:
              - 'a request for a product' (given 'a product exists' {"id":"prod-001"}): GET /api/products/prod-001
              fix: make the consumer send these requests in this test, or remove the interactions it does not need

            Nothing from this test was written to the pact file."""
                .replace("PATH_MISMATCH_LINE", Expected.PATH));
  }

  @Test
  void aMissingHeaderFailsNamingTheHeader() {
    declareProduct();

    Http.get(provider.url() + "/api/products/prod-001");

    assertThatThrownBy(() -> contract.finishTest(true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            """
            Unexpected request: GET /api/products/prod-001
              closest interaction: 'a request for a product' (given 'a product exists' {"id":"prod-001"})
              mismatches:
                - HEADER_LINE
              expected (closest interaction)                 actual (request)
              GET /api/products/prod-001                   | GET /api/products/prod-001
              Accept: application/json                     !\s
            """
                .replace("HEADER_LINE", Expected.HEADER));
  }

  @Test
  void aMissingBodyFieldFailsNamingTheJsonPath() {
    provider
        .uponReceiving("a request to create a product")
        .withRequest(POST, "/api/products")
        .body(Map.of("name", like("Hose"), "price", decimal(19.9)))
        .willRespondWith(201);

    Http.post(provider.url() + "/api/products", "{\"name\":\"Hose\"}");

    assertThatThrownBy(() -> contract.finishTest(true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            """
            Unexpected request: POST /api/products
              closest interaction: 'a request to create a product'
              mismatches:
                - BODY_LINE
              expected (closest interaction)                 actual (request)
              POST /api/products                           | POST /api/products
              Content-Type: application/json               | Content-Type: application/json
                                                           |\s
              {                                            | {
                "name" : "Hose",                           |   "name" : "Hose"
                "price" : 19.9                             !\s
              }                                            | }
            """
                .replace("BODY_LINE", Expected.BODY));
  }

  @Test
  void anExtraRequestFailsEvenWhenEveryInteractionWasReceived() {
    declareProduct();

    Http.get(provider.url() + "/api/products/prod-001", "Accept", "application/json");
    Http.get(provider.url() + "/api/products/prod-001/reviews", "Accept", "application/json");

    assertThatThrownBy(() -> contract.finishTest(true))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            """
            The contract with 'products-service' was not exercised as declared: 1 unexpected request.

            Unexpected request: GET /api/products/prod-001/reviews
              closest interaction: 'a request for a product' (given 'a product exists' {"id":"prod-001"})
            """);
  }

  @Test
  void anInteractionNeverCalledFailsAndNamesIt() {
    declareProduct();

    assertThatThrownBy(() -> contract.finishTest(true))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            The contract with 'products-service' was not exercised as declared: 1 declared interaction never received.

            Declared but never received:
              - 'a request for a product' (given 'a product exists' {"id":"prod-001"}): GET /api/products/prod-001
              fix: make the consumer send these requests in this test, or remove the interactions it does not need

            Nothing from this test was written to the pact file.""");
  }

  @Test
  void aMessageNeverDeliveredFails() {
    provider.expectsToReceive("an order.placed event").withContent(Map.of("orderId", like("o-1")));

    assertThatThrownBy(() -> contract.finishTest(true))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            The contract with 'products-service' was not exercised as declared: 1 declared message never handed to \
            the consumer.

            Declared but never handed to the consumer:
              - 'an order.placed event'
              fix: pass each message to the consumer's handler with .deliverTo(handler) (or read it with .message())

            Nothing from this test was written to the pact file.""");
  }

  @Test
  void twoDifferentInteractionsUnderOneDescriptionAndStateFail() {
    declareProduct();
    Http.get(provider.url() + "/api/products/prod-001", "Accept", "application/json");
    contract.finishTest(true);

    MockProvider second = contract.startTest("FailureMessagesTest.second");
    second
        .given("a product exists", Map.of("id", "prod-001"))
        .uponReceiving("a request for a product")
        .withRequest(GET, "/api/products/prod-001")
        .header("Accept", "application/json")
        .willRespondWith(404);
    Http.get(second.url() + "/api/products/prod-001", "Accept", "application/json");

    assertThatThrownBy(() -> contract.finishTest(true))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            Two different interactions are declared as 'a request for a product' (given 'a product exists' \
            {"id":"prod-001"}):
              first in:    FailureMessagesTest
              then in:     FailureMessagesTest.second
              they differ: response (status 200 vs 404, bodies differ)
            A pact holds one interaction per description and provider states, so one would silently replace the other.
              fix: give one of them another description (e.g. 'a request for a product (variant)') or other provider \
            states, or make them identical""");
  }

  @Test
  void aFailingTestWritesNothing() throws Exception {
    declareProduct();
    Http.get(provider.url() + "/api/products/prod-001", "Accept", "application/json");

    contract.finishTest(false);
    contract.close();

    assertThat(Files.exists(contract.pactFile())).isFalse();
  }

  /** The engine's own wording for the mismatch lines (pact-core owns it). */
  static final class Expected {
    static final String PATH =
        "path: Expected path '/api/products/prod-001' but received '/api/product/prod-001'";
    static final String HEADER = "header Accept: Expected a header 'Accept' but was missing";
    static final String BODY =
        "body $: Expected a Map with keys [name, price] but received one with keys [name]";
  }
}
