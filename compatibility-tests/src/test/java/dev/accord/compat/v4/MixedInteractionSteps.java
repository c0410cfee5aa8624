package dev.accord.compat.v4;

import static dev.accord.consumer.Accord.GET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.Contract;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code V4/v4.feature}: one consumer test declares an HTTP interaction and a message, and the V4
 * pact file holds both kinds. Uses only consumer-dsl's public API, as a consumer team would.
 */
public class MixedInteractionSteps {

  private boolean http;
  private boolean message;
  private Pact pact;

  @Given("an HTTP interaction is being defined for a consumer test")
  public void anHttpInteraction() {
    http = true;
  }

  @Given("a message interaction is being defined for a consumer test")
  public void aMessageInteraction() {
    message = true;
  }

  @When("the Pact file for the test is generated")
  public void thePactFileIsGenerated() throws IOException {
    Path dir = Files.createTempDirectory("accord-compat-v4");
    Path file;
    try (Contract contract =
        Contract.between("compat-consumer", "compat-provider")
            .pactDirectory(dir)
            .specification(PactSpecification.V4)
            .start()) {
      contract.test(
          "mixed interactions",
          provider -> {
            if (http) {
              provider
                  .uponReceiving("an HTTP request")
                  .withRequest(GET, "/status")
                  .willRespondWith(200);
              HttpResponse<String> response =
                  HttpClient.newHttpClient()
                      .send(
                          java.net.http.HttpRequest.newBuilder(
                                  URI.create(provider.url() + "/status"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).isEqualTo(200);
            }
            if (message) {
              provider.expectsToReceive("an event").withContent(Map.of("id", 1)).deliverTo(m -> {});
            }
          });
      file = contract.pactFile();
    }
    pact = PactReader.read(file);
  }

  @Then("there will be an interaction in the Pact file with a type of {string}")
  public void thereWillBeAnInteractionOfType(String type) {
    assertThat(pact.interactions()).extracting(Interaction::type).contains(type);
  }
}
