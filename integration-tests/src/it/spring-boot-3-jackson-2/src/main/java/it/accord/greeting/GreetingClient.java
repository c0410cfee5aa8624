package it.accord.greeting;

import org.springframework.web.client.RestClient;

/** What other services use to call greeting-service: the consumer side of the HTTP contract. */
public class GreetingClient {
  private final RestClient http;

  public GreetingClient(String baseUrl) {
    this.http = RestClient.create(baseUrl);
  }

  public Greeting greet(String name) {
    return http.get().uri("/greetings/{name}", name).retrieve().body(Greeting.class);
  }
}
