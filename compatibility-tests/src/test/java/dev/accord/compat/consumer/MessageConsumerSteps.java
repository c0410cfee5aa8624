package dev.accord.compat.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.compat.shared.BodyCell;
import dev.accord.compat.shared.Cells;
import dev.accord.compat.shared.PactFragments;
import dev.accord.compat.shared.ScenarioState;
import dev.accord.consumer.Contract;
import dev.accord.consumer.Message;
import dev.accord.consumer.MockProvider;
import dev.accord.consumer.SyncExchange;
import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.ProviderState;
import dev.accord.pact.model.SyncMessageInteraction;
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
 * Steps of {@code V3/message_consumer.feature}, {@code V4/message_consumer.feature} and {@code
 * V4/synchronous_message_consumer.feature}: a message in Pact model form is declared on
 * consumer-dsl's mock provider ({@link MockProvider#declare(AsyncMessageInteraction)}) and handed
 * to a handler that succeeds or throws (a synchronous message's first response); the end-of-test
 * check and the pact file are consumer-dsl's own.
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
  private boolean sync;
  private final List<Part> responses = new ArrayList<>();
  private SyncExchange exchange;
  private Contract contract;
  private Message received;
  private Throwable testFailure;

  /** One response message of a synchronous message, as configured. */
  private static final class Part {
    Body body = Body.missing();
    final Map<String, JsonNode> metadata = new LinkedHashMap<>();
    Generators generators = Generators.empty();

    MessageContents contents() {
      return new MessageContents(body, metadata, null, generators);
    }
  }

  public MessageConsumerSteps(ScenarioState scenario) {
    this.scenario = scenario;
  }

  /**
   * Whether the scenario defines a message (so generic steps such as "the Pact file is generated"
   * come here).
   */
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
  @Given("the message request is configured with the following:")
  public void theMessageIsConfiguredWith(DataTable table) {
    Map<String, String> row = table.asMaps().get(0);
    if (present(row.get("body"))) {
      body = BodyCell.parse(row.get("body"), null).body();
    }
    if (present(row.get("generators"))) {
      generators = PactFragments.generators(row.get("generators"));
    }
    if (present(row.get("metadata"))) {
      Json.parse(row.get("metadata"))
          .properties()
          .forEach(e -> metadata.put(e.getKey(), e.getValue()));
    }
  }

  // ---- synchronous messages (V4) ----

  @Given("a synchronous message interaction is being defined for a consumer test")
  public void aSynchronousMessageIsBeingDefined() {
    defining = true;
    sync = true;
  }

  @Given("the message request payload contains the {string} JSON document")
  public void theRequestPayloadContainsTheJsonDocument(String name) {
    thePayloadContainsTheJsonDocument(name);
  }

  @Given("the message request contains the following metadata:")
  public void theRequestContainsMetadata(DataTable table) {
    theMessageContainsMetadata(table);
  }

  @Given("the message response payload contains the {string} document")
  public void theResponsePayloadContainsTheDocument(String cell) {
    Part part = new Part();
    part.body = BodyCell.parse(cell, null).body();
    responses.add(part);
  }

  @Given("the message response is configured with the following:")
  public void theResponseIsConfiguredWith(DataTable table) {
    Map<String, String> row = table.asMaps().get(0);
    Part part = new Part();
    if (present(row.get("body"))) {
      part.body = BodyCell.parse(row.get("body"), null).body();
    }
    if (present(row.get("generators"))) {
      part.generators = PactFragments.generators(row.get("generators"));
    }
    if (present(row.get("metadata"))) {
      Json.parse(row.get("metadata"))
          .properties()
          .forEach(e -> part.metadata.put(e.getKey(), e.getValue()));
    }
    responses.add(part);
  }

  @Given("a provider state {string} for the synchronous message is specified")
  public void aSyncProviderStateIsSpecified(String state) {
    aProviderStateIsSpecified(state);
  }

  @Given(
      "a provider state {string} for the synchronous message is specified with the following data:")
  public void aSyncProviderStateIsSpecifiedWithData(String state, DataTable data) {
    aProviderStateIsSpecifiedWithData(state, data);
  }

  @Given("a key of {string} is specified for the synchronous message interaction")
  public void aSyncKeyIsSpecified(String value) {
    key = value;
  }

  @Given("the synchronous message interaction is marked as pending")
  public void syncMarkedAsPending() {
    pending = true;
  }

  @Given("a comment {string} is added to the synchronous message interaction")
  public void aSyncCommentIsAdded(String text) {
    comments.add(text);
  }

  @Then("the received message request metadata will contain {string} == {string}")
  public void theReceivedRequestMetadataWillContain(String name, String value) {
    assertThat(Json.toTree(exchange.request().metadata().get(name))).isEqualTo(value(value));
  }

  @Then("the received message response metadata will contain {string} == {string}")
  public void theReceivedResponseMetadataWillContain(String name, String value) {
    assertThat(Json.toTree(exchange.response().metadata().get(name))).isEqualTo(value(value));
  }

  @Then("the received message request metadata will contain {string} replaced with an {string}")
  public void theRequestMetadataWillHaveBeenReplaced(String name, String type) {
    assertInteger(Json.toTree(exchange.request().metadata().get(name)), type, name);
  }

  @Then("the received message response metadata will contain {string} replaced with an {string}")
  public void theResponseMetadataWillHaveBeenReplaced(String name, String type) {
    assertInteger(Json.toTree(exchange.response().metadata().get(name)), type, name);
  }

  @Then("the message request contents for {string} will have been replaced with an {string}")
  public void theRequestContentsWillHaveBeenReplaced(String path, String type) {
    assertInteger(exchange.request().asJson().at(path.substring(1).replace('.', '/')), type, path);
  }

  @Then("the message response contents for {string} will have been replaced with an {string}")
  public void theResponseContentsWillHaveBeenReplaced(String path, String type) {
    assertInteger(exchange.response().asJson().at(path.substring(1).replace('.', '/')), type, path);
  }

  @Then("the received message payload will contain the {string} document")
  public void theReceivedPayloadWillContainTheDocument(String cell) {
    assertSameContent(BodyCell.parse(cell, null).body(), received.bytes());
  }

  @Then("the pact file will contain {int} interaction(s)")
  public void thePactFileWillContainInteractions(int count) {
    assertThat(PactReader.read(contract.pactFile()).interactions()).hasSize(count);
  }

  @Then("the first interaction in the pact file will contain the {string} document as the request")
  public void theRequestWillBe(String cell) {
    assertSameContent(
        BodyCell.parse(cell, null).body(), firstSync().request().contents().asBytes());
  }

  @Then("the first interaction in the pact file will contain the {string} document as a response")
  @Then(
      "the first interaction in the pact file will contain the {string} document as the first response message")
  public void theFirstResponseWillBe(String cell) {
    assertSameContent(
        BodyCell.parse(cell, null).body(), firstSync().responses().get(0).contents().asBytes());
  }

  @Then(
      "the first interaction in the pact file will contain the {string} document as the second response message")
  public void theSecondResponseWillBe(String cell) {
    assertSameContent(
        BodyCell.parse(cell, null).body(), firstSync().responses().get(1).contents().asBytes());
  }

  @Then("the first interaction in the pact file request content type will be {string}")
  public void theRequestContentTypeWillBe(String contentType) {
    assertThat(firstSync().request().contentType()).map(ct -> ct.raw()).contains(contentType);
  }

  @Then("the first interaction in the pact file response content type will be {string}")
  public void theResponseContentTypeWillBe(String contentType) {
    assertThat(firstSync().responses().get(0).contentType())
        .map(ct -> ct.raw())
        .contains(contentType);
  }

  @Then("the first interaction in the pact file will contain {int} response messages")
  public void theInteractionWillContainResponses(int count) {
    assertThat(firstSync().responses()).hasSize(count);
  }

  @Then(
      "the first message in the pact file will contain the request message metadata {string} == {string}")
  public void theRequestMetadataInThePactFile(String name, String value) {
    assertThat(firstSync().request().metadata().get(name)).isEqualTo(value(value));
  }

  private SyncMessageInteraction firstSync() {
    return (SyncMessageInteraction) PactReader.read(contract.pactFile()).interactions().get(0);
  }

  private static void assertSameContent(Body expected, byte[] actual) {
    if (expected.isJsonContent()) {
      assertThat(Json.mapper().readTree(actual)).isEqualTo(expected.asJson());
    } else {
      assertThat(new String(actual, java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(expected.asString());
    }
  }

  private static void assertInteger(JsonNode value, String type, String where) {
    assertThat(type).isEqualTo("integer");
    assertThat(value.isIntegralNumber()).as("%s = %s", where, value).isTrue();
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
    run(
        message -> {
          throw new IllegalStateException(error);
        });
  }

  /**
   * The V4 features' "When the Pact file for the test is generated", routed here by {@link
   * HttpConsumerSteps}.
   */
  void generate() {
    if (sync && responses.isEmpty()) {
      theResponsePayloadContainsTheDocument("JSON: {}");
    }
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
    PactSpecification spec =
        scenario.specification() == PactSpecification.V4
            ? PactSpecification.V4
            : PactSpecification.V3;
    contract =
        Contract.between("compat-consumer", "compat-message-provider")
            .pactDirectory(dir)
            .specification(spec)
            .start();
    MockProvider provider = contract.startTest(scenario.featureUri());
    Map<String, JsonNode> comment = new LinkedHashMap<>();
    if (!comments.isEmpty()) {
      comment.put("text", Json.toTree(comments));
    }
    InteractionCommon common =
        new InteractionCommon(
            "a message", Optional.ofNullable(key), states, pending, comment, Map.of());
    MessageContents contents = new MessageContents(body, metadata, null, generators);
    try {
      if (sync) {
        exchange =
            provider
                .declare(
                    new SyncMessageInteraction(
                        common, contents, responses.stream().map(Part::contents).toList()))
                .exchange();
        if (!exchange.responses().isEmpty()) {
          handler.handle(exchange.response());
        }
      } else {
        provider.declare(new AsyncMessageInteraction(common, contents)).deliverTo(handler);
      }
    } catch (Exception | AssertionError e) {
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
    assertThat(firstInteraction().providerStates()).hasSize(count);
  }

  @Then("the first message in the Pact file will contain provider state {string}")
  public void theFirstMessageWillContainProviderState(String state) {
    assertThat(firstInteraction().providerStates()).extracting(ProviderState::name).contains(state);
  }

  @Then("the provider state {string} for the message will contain the following parameters:")
  public void theProviderStateWillContainParameters(String state, DataTable table) {
    JsonNode expected = Json.parse(table.asMaps().get(0).get("parameters"));
    ProviderState found =
        firstInteraction().providerStates().stream()
            .filter(s -> s.name().equals(state))
            .findFirst()
            .orElseThrow();
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

  private dev.accord.pact.model.Interaction firstInteraction() {
    return PactReader.read(contract.pactFile()).interactions().get(0);
  }

  private AsyncMessageInteraction first() {
    return (AsyncMessageInteraction) PactReader.read(contract.pactFile()).interactions().get(0);
  }

  private static JsonNode value(String cell) {
    String v = cell.trim();
    return v.startsWith("JSON:")
        ? Json.parse(v.substring(5).trim())
        : Json.nodes().stringNode(cell);
  }

  private static boolean present(String cell) {
    return cell != null && !cell.isBlank();
  }
}
