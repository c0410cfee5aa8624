package dev.accord.compat.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.compat.shared.Cells;
import dev.accord.compat.shared.HttpParts;
import dev.accord.compat.shared.ScenarioState;
import dev.accord.consumer.Accord;
import dev.accord.consumer.Contract;
import dev.accord.consumer.ContractNotExercisedError;
import dev.accord.consumer.Dsl;
import dev.accord.consumer.MockProvider;
import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Steps of the {@code http_consumer} features (V1-V4): interactions from the feature tables are
 * declared on consumer-dsl's mock provider ({@link MockProvider#declare(HttpInteraction)}),
 * requests are sent over HTTP with {@code java.net.http}, the end-of-test check and the pact file
 * are consumer-dsl's own. V3 and V4 scenarios that define an interaction step by step use the DSL
 * itself.
 */
public class HttpConsumerSteps {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final ScenarioState scenario;
  private final MessageConsumerSteps messages;
  private final Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
  private Path pactDirectory;
  private Contract contract;
  private MockProvider provider;
  private HttpResponse<byte[]> response;
  private boolean done;
  private ContractNotExercisedError failure;
  private final List<String[]> states = new ArrayList<>();
  private final List<Map<String, Object>> stateParams = new ArrayList<>();
  private String key;
  private boolean pending;
  private final List<String> comments = new ArrayList<>();

  public HttpConsumerSteps(ScenarioState scenario, MessageConsumerSteps messages) {
    this.scenario = scenario;
    this.messages = messages;
  }

  @ParameterType("first|second|third")
  public int ordinal(String word) {
    return List.of("first", "second", "third").indexOf(word);
  }

  @After
  public void stop() {
    if (contract != null && !done) {
      try {
        contract.finishTest(false);
      } catch (AssertionError ignored) {
        // the scenario already failed or never finished its test
      }
      closeQuietly();
    }
  }

  @Given("the following HTTP interactions have been defined:")
  public void theFollowingHttpInteractionsHaveBeenDefined(DataTable table) {
    for (Map<String, String> row : table.asMaps()) {
      rows.put(Integer.parseInt(row.get("No").trim()), row);
    }
  }

  @When("the mock server is started with interaction {int}")
  public void theMockServerIsStartedWithInteraction(int number) {
    start(List.of(number), Map.of());
  }

  @When("the mock server is started with interactions {string}")
  public void theMockServerIsStartedWithInteractions(String numbers) {
    start(
        List.of(numbers.split(",")).stream().map(n -> Integer.parseInt(n.trim())).toList(),
        Map.of());
  }

  @When("the mock server is started with interaction {int} but with the following changes:")
  public void theMockServerIsStartedWithChanges(int number, DataTable changes) {
    start(List.of(number), changes.asMaps().get(0));
  }

  private void start(List<Integer> numbers, Map<String, String> changes) {
    contract = startContract();
    provider = contract.startTest(scenario.featureUri());
    for (int number : numbers) {
      Map<String, String> row = new LinkedHashMap<>(row(number));
      row.putAll(changes);
      provider.declare(interaction(number, row));
    }
  }

  private Contract startContract() {
    try {
      pactDirectory = Files.createTempDirectory("accord-compat-consumer");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PactSpecification spec =
        scenario.specification() == PactSpecification.V4
            ? PactSpecification.V4
            : PactSpecification.V3;
    return Contract.between("compat-consumer", "compat-provider")
        .pactDirectory(pactDirectory)
        .specification(spec)
        .start();
  }

  private HttpInteraction interaction(int number, Map<String, String> row) {
    return new HttpInteraction(
        InteractionCommon.of("Interaction " + number, List.of()),
        HttpParts.request(row, scenario.specification()),
        HttpParts.response(row, scenario.specification()));
  }

  private Map<String, String> row(int number) {
    Map<String, String> row = rows.get(number);
    assertThat(row).as("interaction %d of the feature's table", number).isNotNull();
    return row;
  }

  @When("request {int} is made to the mock server")
  public void requestIsMadeToTheMockServer(int number) {
    send(HttpParts.request(row(number), scenario.specification()));
  }

  @When("request {int} is made to the mock server with the following changes:")
  public void requestIsMadeWithChanges(int number, DataTable table) {
    Map<String, String> changes = table.asMaps().get(0);
    Map<String, String> row = new LinkedHashMap<>(row(number));
    row.putAll(changes);
    String body = changes.get("body");
    boolean typedBody =
        body != null
            && (body.startsWith("JSON:") || body.startsWith("XML:") || body.startsWith("file:"));
    if (body != null && !typedBody && !changes.containsKey("content type")) {
      // a bare replacement body keeps the request's content type (a changed form post stays a form
      // post)
      HttpParts.request(row(number), scenario.specification())
          .contentType()
          .ifPresent(ct -> row.put("content type", ct.raw()));
    }
    send(HttpParts.request(row, scenario.specification()));
  }

  private void send(HttpRequest request) {
    StringBuilder uri = new StringBuilder(provider.url()).append(request.path());
    if (!request.query().isEmpty()) {
      uri.append('?')
          .append(
              request.query().entrySet().stream()
                  .flatMap(
                      e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                  .collect(Collectors.joining("&")));
    }
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(URI.create(uri.toString()));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, String.join(", ", values));
              }
            });
    byte[] body = request.body().isPresent() ? request.body().asBytes() : new byte[0];
    builder.method(
        request.method(),
        body.length == 0
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Then("a {int} success response is returned")
  public void aSuccessResponseIsReturned(int status) {
    assertThat(response.statusCode())
        .as(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(status);
  }

  @Then("a {int} error response is returned")
  public void anErrorResponseIsReturned(int status) {
    assertThat(response.statusCode()).isEqualTo(status);
  }

  @Then("the payload will contain the {string} JSON document")
  public void thePayloadWillContainTheJsonDocument(String name) {
    assertThat(Json.parse(new String(response.body(), StandardCharsets.UTF_8)))
        .isEqualTo(Cells.json(name + ".json"));
  }

  @Then("the content type will be set as {string}")
  public void theContentTypeWillBeSetAs(String contentType) {
    assertThat(response.headers().firstValue("Content-Type")).contains(contentType);
  }

  @When("the pact test is done")
  public void thePactTestIsDone() {
    done = true;
    try {
      contract.finishTest(true);
    } catch (ContractNotExercisedError e) {
      failure = e;
    }
    contract.close();
  }

  @Then("the mock server status will be OK")
  public void theMockServerStatusWillBeOk() {
    assertThat(failure).as("the end-of-test check").isNull();
  }

  @Then("the mock server status will NOT be OK")
  public void theMockServerStatusWillNotBeOk() {
    assertThat(failure).as("the end-of-test check").isNotNull();
  }

  @Then("the mock server status will be mismatches")
  public void theMockServerStatusWillBeMismatches() {
    assertThat(mismatches()).isNotEmpty();
  }

  @Then(
      "the mock server status will be an expected but not received error for interaction \\{{int}}")
  public void expectedButNotReceived(int number) {
    assertThat(failure).isNotNull();
    assertThat(failure.notReceived())
        .extracting(Interaction::description)
        .contains("Interaction " + number);
  }

  @Then(
      "the mock server status will be an unexpected {string} request received error for interaction \\{{int}}")
  public void unexpectedRequestForInteraction(String method, int number) {
    unexpectedRequestForPath(
        method, HttpParts.request(row(number), scenario.specification()).path());
  }

  @Then(
      "the mock server status will be an unexpected {string} request received error for path {string}")
  public void unexpectedRequestForPath(String method, String path) {
    assertThat(failure).isNotNull();
    assertThat(failure.unexpectedRequests())
        .extracting(u -> u.request().method() + " " + u.request().path())
        .contains(method + " " + path);
  }

  @Then("the mismatches will contain a {string} mismatch with error {string}")
  public void theMismatchesWillContain(String type, String error) {
    assertThat(mismatches())
        .as("mismatches")
        .anySatisfy(
            m -> {
              assertThat(m.type().key()).isEqualTo(type);
              assertThat(m.description()).isEqualTo(error);
            });
  }

  @Then("the mismatches will contain a {string} mismatch with path {string} with error {string}")
  public void theMismatchesWillContainWithPath(String type, String path, String error) {
    assertThat(mismatches())
        .as("mismatches")
        .anySatisfy(
            m -> {
              assertThat(m.type().key()).isEqualTo(type);
              assertThat(m.path()).isEqualTo(path);
              assertThat(m.description()).isEqualTo(error);
            });
  }

  private List<Mismatch> mismatches() {
    if (!done) {
      // some scenarios read the mismatches without ending the test first: end it now, as the mock
      // would report them
      thePactTestIsDone();
    }
    assertThat(failure).as("the end-of-test check failed").isNotNull();
    return failure.unexpectedRequests().stream().flatMap(u -> u.mismatches().stream()).toList();
  }

  @Then("the mock server will write out a Pact file for the interaction(s) when done")
  public void theMockServerWillWriteOutAPactFile() {
    assertThat(contract.pactFile()).exists();
  }

  @Then("the mock server will NOT write out a Pact file for the interaction(s) when done")
  public void theMockServerWillNotWriteOutAPactFile() {
    assertThat(contract.pactFile()).doesNotExist();
  }

  @Then("the pact file will contain \\{{int}} interaction(s)")
  public void thePactFileWillContainInteractions(int count) {
    assertThat(pact().interactions()).hasSize(count);
  }

  @Then("the \\{{ordinal}} interaction request will be for a {string}")
  public void theInteractionRequestWillBeFor(int index, String method) {
    assertThat(http(index).request().method()).isEqualTo(method);
  }

  @Then("the \\{{ordinal}} interaction response will contain the {string} document")
  public void theInteractionResponseWillContainTheDocument(int index, String fixture) {
    assertThat(http(index).response().body().asJson()).isEqualTo(Cells.json(fixture));
  }

  @Then("the \\{{ordinal}} interaction request will contain the {string} document")
  public void theInteractionRequestWillContainTheDocument(int index, String fixture) {
    assertThat(http(index).request().body().asJson()).isEqualTo(Cells.json(fixture));
  }

  @Then("the \\{{ordinal}} interaction request query parameters will be {string}")
  public void theInteractionRequestQueryParametersWillBe(int index, String query) {
    assertThat(http(index).request().query()).isEqualTo(Cells.query(query));
  }

  @Then(
      "the \\{{ordinal}} interaction request will contain the header {string} with value {string}")
  public void theInteractionRequestWillContainTheHeader(int index, String name, String value) {
    assertThat(http(index).request().header(name)).contains(Cells.headerValues(value));
  }

  @Then("the \\{{ordinal}} interaction request content type will be {string}")
  public void theInteractionRequestContentTypeWillBe(int index, String contentType) {
    assertThat(http(index).request().contentType()).map(ct -> ct.raw()).contains(contentType);
  }

  private HttpInteraction http(int index) {
    return pact().httpInteractions().get(index);
  }

  private Pact pact() {
    return PactReader.read(contract.pactFile());
  }

  // ---- V3 and V4: an interaction defined step by step with the DSL ----

  @Given("an integration is being defined for a consumer test")
  @Given("an HTTP interaction is being defined for a consumer test")
  public void anInteractionIsBeingDefined() {
    states.clear();
  }

  @Given("a provider state {string} is specified")
  public void aProviderStateIsSpecified(String state) {
    states.add(new String[] {state});
    stateParams.add(Map.of());
  }

  @Given("a provider state {string} is specified with the following data:")
  public void aProviderStateIsSpecifiedWithData(String state, DataTable data) {
    Map<String, Object> params = new LinkedHashMap<>();
    data.asMaps().get(0).forEach((name, json) -> params.put(name, Json.parse(json)));
    states.add(new String[] {state});
    stateParams.add(params);
  }

  @Given("a key of {string} is specified for the HTTP interaction")
  public void aKeyIsSpecified(String value) {
    key = value;
  }

  @Given("the HTTP interaction is marked as pending")
  public void theHttpInteractionIsMarkedAsPending() {
    pending = true;
  }

  @Given("a comment {string} is added to the HTTP interaction")
  public void aCommentIsAdded(String text) {
    comments.add(text);
  }

  @When("the Pact file for the test is generated")
  public void thePactFileForTheTestIsGenerated() {
    if (messages.defining()) {
      messages.generate();
      return;
    }
    contract = startContract();
    provider = contract.startTest(scenario.featureUri());
    Dsl.Described described;
    if (states.isEmpty()) {
      described = provider.uponReceiving("a request");
    } else {
      Dsl.Given given = provider.given(states.get(0)[0], stateParams.get(0));
      for (int i = 1; i < states.size(); i++) {
        given = given.and(states.get(i)[0], stateParams.get(i));
      }
      described = given.uponReceiving("a request");
    }
    if (key != null) {
      described.key(key);
    }
    if (pending) {
      described.pending();
    }
    comments.forEach(described::comment);
    described.withRequest(Accord.GET, "/").willRespondWith(200);
    send(HttpRequest.of("GET", "/"));
    thePactTestIsDone();
    theMockServerStatusWillBeOk();
  }

  @Then("the interaction in the Pact file will contain {int} provider state(s)")
  public void theInteractionWillContainProviderStates(int count) {
    assertThat(pact().interactions().get(0).providerStates()).hasSize(count);
  }

  @Then("the interaction in the Pact file will contain provider state {string}")
  public void theInteractionWillContainProviderState(String state) {
    assertThat(pact().interactions().get(0).providerStates())
        .extracting(s -> s.name())
        .contains(state);
  }

  @Then("the provider state {string} in the Pact file will contain the following parameters:")
  public void theProviderStateWillContainParameters(String state, DataTable table) {
    JsonNode expected = Json.parse(table.asMaps().get(0).get("parameters"));
    var providerState =
        pact().interactions().get(0).providerStates().stream()
            .filter(s -> s.name().equals(state))
            .findFirst()
            .orElseThrow();
    assertThat(Json.toTree(providerState.params())).isEqualTo(expected);
  }

  @Then("the first interaction in the Pact file will have a type of {string}")
  public void theFirstInteractionWillHaveAType(String type) {
    assertThat(rawFirstInteraction().get("type").asString()).isEqualTo(type);
  }

  @Then("the first interaction in the Pact file will have {string} = {string}")
  public void theFirstInteractionWillHave(String attribute, String json) {
    assertThat(rawFirstInteraction().get(attribute)).isEqualTo(Json.parse(json));
  }

  private JsonNode rawFirstInteraction() {
    try {
      Path file = messages.defining() ? messages.pactFile().orElseThrow() : contract.pactFile();
      return Json.parse(Files.readString(file)).get("interactions").get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeQuietly() {
    try {
      contract.close();
    } catch (RuntimeException | AssertionError ignored) {
      // the scenario's own failure is what matters
    }
  }
}
