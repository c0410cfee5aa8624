package dev.accord.compat.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.compat.shared.BodyCell;
import dev.accord.compat.shared.Cells;
import dev.accord.compat.shared.PactFragments;
import dev.accord.compat.shared.ScenarioState;
import dev.accord.consumer.Contract;
import dev.accord.consumer.Message;
import dev.accord.consumer.MockProvider;
import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.ProviderState;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Steps of {@code V3/message_consumer.feature} and {@code V4/message_consumer.feature}: a message in Pact model
 * form is declared on consumer-dsl's mock provider ({@link MockProvider#declare(AsyncMessageInteraction)}) and
 * handed to a handler that succeeds or throws; the end-of-test check and the pact file are consumer-dsl's own.
 */
public class MessageConsumerSteps {
  private final ScenarioState scenario;
  private boolean defining;
  private Body body = Body.missing();
  private final Map<String, JsonNode> metadata = new LinkedHashMap<>();
  private Generators generators = Generators.empty();
  private final List<ProviderState> states = new ArrayList<>();
  private String key;
  private boolean pending;
  private final List<String> comments = new ArrayList<>();
  private Contract contract;
  private Message received;
  private Throwable testFailure;

  public MessageConsumerSteps(ScenarioState scenario) {
    this.scenario = scenario;
  }

  /** Whether the scenario defines a message (so generic steps such as "the Pact file is generated" come here). */
  boolean defining() {
    return defining;
  }

  Optional<Path> pactFile() {
    return Optional.ofNullable(contract).map(Contract::pactFile);
  }

  @Given("a message integration is being defined for a consumer test")
  @Given("a message interaction is being defined for a consumer test")
  public void aMessageIsBeingDefined() {
    defining = true;
  }

  @Given("the message payload contains the {string} JSON document")
  public void thePayloadContainsTheJsonDocument(String name) {
    body = Body.json(Cells.json(name + ".json"));
  }

  @Given("the message contains the following metadata:")
  public void theMessageContainsMetadata(DataTable table) {
    for (Map<String, String> row : table.asMaps()) {
      metadata.put(row.get("key"), value(row.get("value")));
    }
  }

  @Given("the message is configured with the following:")
  public void theMessageIsConfiguredWith(DataTable table) {
    Map<String, String> row = table.asMaps().get(0);
    if (present(row.get("body"))) {
      body = BodyCell.parse(row.get("body"), null).body();
    }
    if (present(row.get("generators"))) {
      generators = PactFragments.generators(row.get("generators"));
    }
    if (present(row.get("metadata"))) {
      Json.parse(row.get("metadata")).properties().forEach(e -> metadata.put(e.getKey(), e.getValue()));
    }
  }

  @Given("a provider state {string} for the message is specified")
  public void aProviderStateIsSpecified(String state) {
    states.add(ProviderState.of(state));
  }

  @Given("a provider state {string} for the message is specified with the following data:")
  public void aProviderStateIsSpecifiedWithData(String state, DataTable data) {
    Map<String, JsonNode> params = new LinkedHashMap<>();
    data.asMaps().get(0).forEach((name, json) -> params.put(name, Json.parse(json)));
    states.add(ProviderState.of(state, params));
  }

  @Given("a message is defined")
  public void aMessageIsDefined() {
    defining = true;
  }

  @Given("a key of {string} is specified for the message interaction")
  public void aKeyIsSpecified(String value) {
    key = value;
  }

  @Given("the message interaction is marked as pending")
  public void markedAsPending() {
    pending = true;
  }

  @Given("a comment {string} is added to the message interaction")
  public void aCommentIsAdded(String text) {
    comments.add(text);
  }

  @When("the message is successfully processed")
  public void theMessageIsSuccessfullyProcessed() {
    run(message -> received = message);
  }

  @When("the message is NOT successfully processed with a {string} exception")
  public void theMessageIsNotSuccessfullyProcessed(String error) {
    run(message -> {
      throw new IllegalStateException(error);
    });
  }

  /** The V4 features' "When the Pact file for the test is generated", routed here by {@link HttpConsumerSteps}. */
  void generate() {
    theMessageIsSuccessfullyProcessed();
    assertThat(testFailure).as("the consumer test").isNull();
  }

  private void run(dev.accord.consumer.Dsl.MessageHandler handler) {
    Path dir;
    try {
      dir = Files.createTempDirectory("accord-compat-messages");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PactSpecification spec = scenario.specification() == PactSpecification.V4 ? PactSpecification.V4 : PactSpecification.V3;
    contract = Contract.between("compat-consumer", "compat-message-provider").pactDirectory(dir).specification(spec).start();
    MockProvider provider = contract.startTest(scenario.featureUri());
    Map<String, JsonNode> comment = new LinkedHashMap<>();
    if (!comments.isEmpty()) {
      comment.put("text", Json.toTree(comments));
    }
    InteractionCommon common = new InteractionCommon("a message", Optional.ofNullable(key), states, pending, comment, Map.of());
    AsyncMessageInteraction interaction = new AsyncMessageInteraction(common,
        new MessageContents(body, metadata, null, generators));
    try {
      provider.declare(interaction).deliverTo(handler);
    } catch (RuntimeException | AssertionError e) {
      testFailure = e;
    }
    try {
      contract.finishTest(testFailure == null);
    } finally {
      contract.close();
    }
  }

  @Then("the received message payload will contain the {string} JSON document")
  public void theReceivedPayloadWillContain(String name) {
    assertThat(received.asJson()).isEqualTo(Cells.json(name + ".json"));
  }

  @Then("the received message content type will be {string}")
  public void theReceivedContentTypeWillBe(String contentType) {
    assertThat(received.contentType()).contains(contentType);
  }

  @Then("the consumer test will have passed")
  public void theConsumerTestWillHavePassed() {
    assertThat(testFailure).isNull();
  }

  @Then("the consumer test will have failed")
  public void theConsumerTestWillHaveFailed() {
    assertThat(testFailure).isNotNull();
  }

  @Then("the consumer test error will be {string}")
  public void theConsumerTestErrorWillBe(String error) {
    assertThat(testFailure).hasMessage(error);
  }

  @Then("a Pact file for the message interaction will have been written")
  public void aPactFileWillHaveBeenWritten() {
    assertThat(contract.pactFile()).exists();
  }

  @Then("a Pact file for the message interaction will NOT have been written")
  public void aPactFileWillNotHaveBeenWritten() {
    assertThat(contract.pactFile()).doesNotExist();
  }

  @Then("the pact file will contain {int} message interaction(s)")
  public void thePactFileWillContainMessages(int count) {
    assertThat(PactReader.read(contract.pactFile()).interactions()).hasSize(count);
  }

  @Then("the first message in the pact file will contain the {string} document")
  public void theFirstMessageWillContainTheDocument(String fixture) {
    assertThat(first().contents().contents().asJson()).isEqualTo(Cells.json(fixture));
  }

  @Then("the first message in the pact file content type will be {string}")
  public void theFirstMessageContentTypeWillBe(String contentType) {
    assertThat(first().contents().contentType()).map(ct -> ct.raw()).contains(contentType);
  }

  @Then("the received message metadata will contain {string} == {string}")
  public void theReceivedMetadataWillContain(String name, String value) {
    assertThat(Json.toTree(received.metadata().get(name))).isEqualTo(value(value));
  }

  @Then("the first message in the pact file will contain the message metadata {string} == {string}")
  public void theFirstMessageWillContainMetadata(String name, String value) {
    assertThat(first().contents().metadata().get(name)).isEqualTo(value(value));
  }

  @Then("the first message in the pact file will contain {int} provider state(s)")
  public void theFirstMessageWillContainProviderStates(int count) {
    assertThat(first().providerStates()).hasSize(count);
  }

  @Then("the first message in the Pact file will contain provider state {string}")
  public void theFirstMessageWillContainProviderState(String state) {
    assertThat(first().providerStates()).extracting(ProviderState::name).contains(state);
  }

  @Then("the provider state {string} for the message will contain the following parameters:")
  public void theProviderStateWillContainParameters(String state, DataTable table) {
    JsonNode expected = Json.parse(table.asMaps().get(0).get("parameters"));
    ProviderState found = first().providerStates().stream().filter(s -> s.name().equals(state)).findFirst().orElseThrow();
    assertThat(Json.toTree(found.params())).isEqualTo(expected);
  }

  @Then("the message contents for {string} will have been replaced with an {string}")
  public void theContentsWillHaveBeenReplaced(String path, String type) {
    JsonNode value = received.asJson().at(path.substring(1).replace('.', '/'));
    assertThat(type).isEqualTo("integer");
    assertThat(value.isIntegralNumber()).as("%s = %s", path, value).isTrue();
  }

  @Then("the received message metadata will contain {string} replaced with an {string}")
  public void theMetadataWillHaveBeenReplaced(String name, String type) {
    assertThat(type).isEqualTo("integer");
    JsonNode value = Json.toTree(received.metadata().get(name));
    assertThat(value.isIntegralNumber()).as("%s = %s", name, value).isTrue();
  }

  private AsyncMessageInteraction first() {
    return (AsyncMessageInteraction) PactReader.read(contract.pactFile()).interactions().get(0);
  }

  private static JsonNode value(String cell) {
    String v = cell.trim();
    return v.startsWith("JSON:") ? Json.parse(v.substring(5).trim()) : Json.nodes().stringNode(cell);
  }

  private static boolean present(String cell) {
    return cell != null && !cell.isBlank();
  }
}
