package it.accord.greeting;

import static dev.accord.consumer.Accord.GET;
import static dev.accord.consumer.Accord.like;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ConsumerContract(consumer = "greeting-client", provider = "greeting-service")
class GreetingClientContractTest {

  @Test
  void greetsByName(MockProvider provider) {
    provider
        .uponReceiving("a greeting for Ada")
        .withRequest(GET, "/greetings/Ada")
        .willRespondWith(200)
        .body(Map.of("name", like("Ada"), "text", like("Hello, Ada")));

    Greeting greeting = new GreetingClient(provider.url()).greet("Ada");

    assertThat(greeting).isEqualTo(new Greeting("Ada", "Hello, Ada"));
  }
}
