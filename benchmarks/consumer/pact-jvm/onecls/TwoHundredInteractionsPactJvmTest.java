package onecls;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The baseline of the one-class benchmark: the same 200 interactions as TwoHundredInteractionsContractTest, declared
 * with pact-jvm's DSL in one @Pact method and called once each by java.net.http, under pact-jvm's JUnit 5 extension
 * with its defaults.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "bench-provider", pactMethod = "twoHundred", pactVersion = PactSpecVersion.V4)
@PactDirectory("target/bench-pacts")
class TwoHundredInteractionsPactJvmTest {

  static final int INTERACTIONS = 200;

  @Pact(consumer = "bench-consumer")
  public V4Pact twoHundred(PactDslWithProvider builder) {
    PactDslResponse response = null;
    for (int i = 0; i < INTERACTIONS; i++) {
      PactDslWithState state = response == null ? builder.given("item " + i + " exists", Map.of("id", i))
          : response.given("item " + i + " exists", Map.of("id", i));
      response = state.uponReceiving("a request for item " + i)
          .path("/items/" + i).method("GET").headers("Accept", "application/json")
          .willRespondWith().status(200)
          .body(new PactDslJsonBody().integerType("id", i).stringType("name", "item " + i).decimalType("price", 9.99)
              .eachLike("tags", PactDslJsonRootValue.stringType("tag"))
              .datetime("updated", "yyyy-MM-dd'T'HH:mm:ssXXX", Instant.parse("2024-05-01T10:15:30Z"),
                  TimeZone.getTimeZone("UTC")));
    }
    return response.toPact(V4Pact.class);
  }

  @Test
  void twoHundredInteractions(MockServer mockServer) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < INTERACTIONS; i++) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(mockServer.getUrl() + "/items/" + i))
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("item " + i + ": " + response.statusCode() + " " + response.body());
      }
    }
  }
}
