package dev.accord.consumer;

import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.SyncMessageInteraction;
import java.util.Map;

/**
 * The provider as a consumer test sees it: declare interactions, then let the consumer's real
 * client call {@link #url()}. When the test ends every declared interaction must have been received
 * and nothing else; otherwise the test fails with the closest interaction side by side with the
 * request.
 *
 * <pre>{@code
 * provider.given("a product exists", Map.of("id", "prod-001"))
 *     .uponReceiving("a request for a product")
 *     .withRequest(GET, "/api/products/prod-001").header("Accept", "application/json")
 *     .willRespondWith(200)
 *     .body(Map.of("id", like("prod-001"), "price", decimal(29.99)));
 * Product product = new ProductClient(provider.url()).getProduct("prod-001");
 * }</pre>
 *
 * <p>With JUnit 5, declare a parameter of this type in a {@code @ConsumerContract} test class;
 * without JUnit, get one from {@link Contract#startTest(String)}.
 */
public interface MockProvider {

  /** The base URL of the mock server, e.g. {@code http://localhost:51234}. */
  String url();

  /** The port of the mock server. */
  int port();

  /** The name of the provider this mock stands for. */
  String providerName();

  /** An interaction that needs a provider state. */
  Dsl.Given given(String state);

  /**
   * An interaction that needs a provider state with parameters (written as the state's {@code
   * params}). Each parameter is also a state variable usable with {@link
   * Accord#stateVariable(String)}.
   */
  Dsl.Given given(String state, Map<String, ?> params);

  /** An HTTP interaction (or a synchronous message) with no provider state. */
  Dsl.Described uponReceiving(String description);

  /** An asynchronous message with no provider state. */
  Dsl.MessageDescribed expectsToReceive(String description);

  /**
   * Declares an HTTP interaction already in Pact model form (read from a pact file, built by a
   * tool). It is served, checked and written like one declared with the DSL.
   */
  void declare(HttpInteraction interaction);

  /**
   * Declares an asynchronous message already in Pact model form; hand it to the consumer with the
   * result.
   */
  Dsl.Deliverable declare(AsyncMessageInteraction interaction);

  /** Declares a synchronous message already in Pact model form; exchange it with the result. */
  Dsl.SyncDeliverable declare(SyncMessageInteraction interaction);
}
