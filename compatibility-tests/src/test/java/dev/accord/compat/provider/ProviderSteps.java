package dev.accord.compat.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.compat.shared.BodyCell;
import dev.accord.compat.shared.Cells;
import dev.accord.compat.shared.HttpParts;
import dev.accord.compat.shared.PactFragments;
import dev.accord.compat.shared.ScenarioState;
import dev.accord.pact.json.Json;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.Pacticipant;
import dev.accord.pact.model.ProviderState;
import dev.accord.verifier.BrokerPactSource;
import dev.accord.verifier.Failure;
import dev.accord.verifier.Headers;
import dev.accord.verifier.InteractionResult;
import dev.accord.verifier.Message;
import dev.accord.verifier.PactSource;
import dev.accord.verifier.ProviderVerifier;
import dev.accord.verifier.StateChangeHandler;
import dev.accord.verifier.VerificationReport;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step definitions of the HTTP and message provider features, driving provider-verifier over real
 * HTTP.
 */
public class ProviderSteps {
  private static final String PROVIDER = "compat-provider";

  private record StateCall(String action, String state, Map<String, Object> params) {}

  private record Produced(BodyCell body, Map<String, JsonNode> metadata) {}

  private final ScenarioState scenario;
  private final Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
  private final List<Pact> pacts = new ArrayList<>();
  private final List<Integer> brokerPacts = new ArrayList<>();
  private final Map<String, Produced> messages = new LinkedHashMap<>();
  private final List<StateCall> stateCalls = Collections.synchronizedList(new ArrayList<>());
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private HttpProvider provider;
  private FakeBroker broker;
  private StateChangeHandler stateHandler;
  private Map<String, List<String>> filterHeaders;
  private boolean publish;
  private VerificationReport report;

  public ProviderSteps(ScenarioState scenario) {
    this.scenario = scenario;
  }

  @After
  public void stop() {
    if (provider != null) {
      provider.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private PactSpecification spec() {
    return scenario.specification();
  }

  // ---- HTTP interactions and the provider
  // --------------------------------------------------------

  @Given("the following HTTP interactions have been defined:")
  public void theFollowingHttpInteractionsHaveBeenDefined(DataTable table) {
    for (Map<String, String> row : table.asMaps()) {
      rows.put(Integer.parseInt(row.get("No").trim()), row);
    }
  }

  @Given("a provider is started that returns the response from interaction {int}")
  public void providerReturnsInteraction(int n) throws Exception {
    startProvider(List.of(n), Map.of());
  }

  @Given("a provider is started that returns the responses from interactions {string}")
  public void providerReturnsInteractions(String numbers) throws Exception {
    startProvider(
        List.of(numbers.split(",")).stream().map(s -> Integer.parseInt(s.trim())).toList(),
        Map.of());
  }

  @Given(
      "a provider is started that returns the response from interaction {int}, with the following changes:")
  public void providerReturnsInteractionWithChanges(int n, DataTable changes) throws Exception {
    startProvider(List.of(n), changes.asMaps().get(0));
  }

  private void startProvider(List<Integer> numbers, Map<String, String> changes) throws Exception {
    List<HttpProvider.Route> routes = new ArrayList<>();
    for (int n : numbers) {
      Map<String, String> row = new LinkedHashMap<>(rows.get(n));
      Map<String, String> changed = new LinkedHashMap<>(row);
      changed.putAll(changes);
      if (changes.containsKey("response body") && !changes.containsKey("response content")) {
        changed.remove("response content"); // the changed body brings its own content type
      }
      routes.add(
          new HttpProvider.Route(
              HttpParts.request(row, spec()), HttpParts.response(changed, spec())));
    }
    provider = new HttpProvider(routes);
  }

  private HttpInteraction interaction(int n, List<ProviderState> states) {
    Map<String, String> row = rows.get(n);
    return new HttpInteraction(
        InteractionCommon.of("Interaction " + n, states),
        HttpParts.request(row, spec()),
        HttpParts.response(row, spec()));
  }

  private void addPact(Interaction interaction) {
    pacts.add(
        new Pact(
            Pacticipant.of("c" + (pacts.size() + 1)),
            Pacticipant.of(PROVIDER),
            List.of(interaction),
            spec(),
            Map.of()));
  }

  @Given("a Pact file for interaction {int} is to be verified")
  public void pactFileForInteraction(int n) {
    addPact(interaction(n, List.of()));
  }

  @Given("a Pact file for interaction {int} is to be verified from a Pact broker")
  public void pactFileFromBroker(int n) throws Exception {
    if (broker == null) {
      broker = new FakeBroker();
    }
    broker.add(
        n,
        new Pact(
            Pacticipant.of("c" + n),
            Pacticipant.of(PROVIDER),
            List.of(interaction(n, List.of())),
            spec(),
            Map.of()),
        spec() == PactSpecification.V4 ? PactSpecification.V4 : PactSpecification.V3);
    brokerPacts.add(n);
  }

  @Given("publishing of verification results is enabled")
  public void publishingEnabled() {
    publish = true;
  }

  @Given(
      "a Pact file for interaction {int} is to be verified with a provider state {string} defined")
  public void pactFileWithState(int n, String state) {
    addPact(interaction(n, List.of(ProviderState.of(state))));
  }

  @Given(
      "a Pact file for interaction {int} is to be verified with the following provider states defined:")
  public void pactFileWithStates(int n, DataTable table) {
    List<ProviderState> states = new ArrayList<>();
    for (Map<String, String> row : table.asMaps()) {
      Map<String, JsonNode> params = new LinkedHashMap<>();
      String json = row.get("Parameters");
      if (json != null && !json.isBlank()) {
        Json.parse(json).properties().forEach(e -> params.put(e.getKey(), e.getValue()));
      }
      states.add(ProviderState.of(row.get("State Name"), params));
    }
    addPact(interaction(n, states));
  }

  @Given("a Pact file for interaction {int} is to be verified, but is marked pending")
  public void pactFilePending(int n) {
    HttpInteraction i = interaction(n, List.of());
    addPact(i.withCommon(i.common().withPending(true)));
  }

  @Given("a Pact file for interaction {int} is to be verified with the following comments:")
  public void pactFileWithComments(int n, DataTable table) {
    HttpInteraction i = interaction(n, List.of());
    addPact(i.withCommon(i.common().withComments(comments(table))));
  }

  private static Map<String, JsonNode> comments(DataTable table) {
    Map<String, JsonNode> comments = new LinkedHashMap<>();
    ArrayNode text = Json.nodes().arrayNode();
    for (Map<String, String> row : table.asMaps()) {
      if (row.get("type").equals("testname")) {
        comments.put("testname", Json.nodes().stringNode(row.get("comment")));
      } else {
        text.add(row.get("comment"));
      }
    }
    if (!text.isEmpty()) {
      comments.put("text", text);
    }
    return comments;
  }

  @Given("a provider state callback is configured")
  public void stateCallbackConfigured() {
    stateHandler =
        new StateChangeHandler() {
          @Override
          public Map<String, ?> setup(String state, Map<String, Object> params) {
            stateCalls.add(new StateCall("setup", state, params));
            return Map.of();
          }

          @Override
          public void teardown(String state, Map<String, Object> params) {
            stateCalls.add(new StateCall("teardown", state, params));
          }
        };
  }

  @Given("a provider state callback is configured, but will return a failure")
  public void stateCallbackFails() {
    stateHandler =
        new StateChangeHandler() {
          @Override
          public Map<String, ?> setup(String state, Map<String, Object> params) {
            stateCalls.add(new StateCall("setup", state, params));
            throw new IllegalStateException("the state callback failed on purpose");
          }

          @Override
          public void teardown(String state, Map<String, Object> params) {
            stateCalls.add(new StateCall("teardown", state, params));
          }
        };
  }

  @Given("a request filter is configured to make the following changes:")
  public void requestFilter(DataTable table) {
    filterHeaders = Cells.headers(table.asMaps().get(0).get("headers"));
  }

  // ---- message providers
  // -------------------------------------------------------------------------

  @Given("a provider is started that can generate the {string} message with {string}")
  public void messageProvider(String name, String body) {
    messages.put(name, new Produced(BodyCell.parse(body, null), Map.of()));
  }

  @Given(
      "a provider is started that can generate the {string} message with {string} and the following metadata:")
  public void messageProviderWithMetadata(String name, String body, DataTable table) {
    Map<String, JsonNode> metadata = new LinkedHashMap<>();
    for (Map<String, String> row : table.asMaps()) {
      metadata.put(row.get("key"), metadataValue(row.get("value")));
    }
    messages.put(name, new Produced(BodyCell.parse(body, null), metadata));
  }

  private static JsonNode metadataValue(String value) {
    String v = value.trim();
    return v.startsWith("JSON:") ? Json.parse(v.substring(5).trim()) : Json.nodes().stringNode(v);
  }

  private static AsyncMessageInteraction message(
      String name, MessageContents contents, List<ProviderState> states) {
    return new AsyncMessageInteraction(InteractionCommon.of(name, states), contents);
  }

  private static MessageContents contents(String body) {
    return MessageContents.of(BodyCell.parse(body, null).body());
  }

  @Given("a Pact file for {string}:{string} is to be verified")
  public void messagePact(String name, String body) {
    addPact(message(name, contents(body), List.of()));
  }

  @Given("a Pact file for {string}:{string} is to be verified with provider state {string}")
  public void messagePactWithState(String name, String body, String state) {
    addPact(message(name, contents(body), List.of(ProviderState.of(state))));
  }

  @Given("a Pact file for {string}:{string} is to be verified with the following metadata:")
  public void messagePactWithMetadata(String name, String body, DataTable table) {
    Map<String, JsonNode> metadata = new LinkedHashMap<>();
    for (Map<String, String> row : table.asMaps()) {
      metadata.put(row.get("key"), metadataValue(row.get("value")));
    }
    addPact(message(name, contents(body).withMetadata(metadata), List.of()));
  }

  @Given("a Pact file for {string} is to be verified with the following:")
  public void messagePactWithTheFollowing(String name, DataTable table) {
    Map<String, String> values = table.asMap(String.class, String.class);
    MessageContents contents = contents(values.get("body"));
    if (values.containsKey("matching rules")) {
      MatchingRules rules = PactFragments.matchingRules(values.get("matching rules"), spec());
      contents = contents.withMatchingRules(rules);
    }
    if (values.containsKey("metadata")) {
      Map<String, JsonNode> metadata = new LinkedHashMap<>();
      for (String entry : values.get("metadata").split(";")) {
        int eq = entry.indexOf('=');
        metadata.put(entry.substring(0, eq).trim(), metadataValue(entry.substring(eq + 1)));
      }
      contents = contents.withMetadata(metadata);
    }
    addPact(message(name, contents, List.of()));
  }

  @Given("a Pact file for {string}:{string} is to be verified, but is marked pending")
  public void messagePactPending(String name, String body) {
    AsyncMessageInteraction m = message(name, contents(body), List.of());
    addPact(m.withCommon(m.common().withPending(true)));
  }

  @Given("a Pact file for {string}:{string} is to be verified with the following comments:")
  public void messagePactWithComments(String name, String body, DataTable table) {
    AsyncMessageInteraction m = message(name, contents(body), List.of());
    addPact(m.withCommon(m.common().withComments(comments(table))));
  }

  // ---- the verification
  // --------------------------------------------------------------------------

  @When("the verification is run")
  public void theVerificationIsRun() {
    ProviderVerifier verifier =
        ProviderVerifier.forProvider(PROVIDER)
            .output(new PrintStream(console, true, StandardCharsets.UTF_8));
    if (provider != null) {
      verifier.baseUrl(provider.url());
    }
    if (!pacts.isEmpty()) {
      verifier.pactsFrom(PactSource.of(pacts.toArray(Pact[]::new)));
    }
    if (broker != null) {
      verifier.pactsFrom(
          BrokerPactSource.of(
              dev.accord.broker.client.PactBrokerClient.builder()
                  .baseUrl(broker.url())
                  .environment(Map.of())
                  .systemProperties(Map.of())
                  .maxAttempts(1)
                  .build()));
      if (publish) {
        verifier.publishResults("1.0.0", null, null);
      }
    }
    if (stateHandler != null) {
      verifier.stateHandler(stateHandler);
    }
    if (filterHeaders != null) {
      verifier.requestFilter(
          r -> {
            var request = r;
            for (var e : filterHeaders.entrySet()) {
              request =
                  request.withHeaders(
                      Headers.with(request.headers(), e.getKey(), String.join(", ", e.getValue())));
            }
            return request;
          });
    }
    if (!messages.isEmpty()) {
      verifier.messageProducer(
          (description, state) -> {
            Produced p = messages.get(description);
            if (p == null) {
              return null;
            }
            Message m = Message.of(p.body().body().asBytes());
            if (p.body().contentType() != null) {
              m = m.withMetadata("contentType", p.body().contentType());
            }
            for (var e : p.metadata().entrySet()) {
              m = m.withMetadata(e.getKey(), e.getValue());
            }
            return m;
          });
    }
    report = verifier.verify();
  }

  private String output() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Then("the verification will be successful")
  public void successful() {
    assertThat(report.passed()).as(output()).isTrue();
  }

  @Then("the verification will NOT be successful")
  public void notSuccessful() {
    assertThat(report.passed()).as(output()).isFalse();
  }

  @Then("the verification results will contain a {string} error")
  public void resultsContainError(String error) {
    assertThat(report.results().stream().flatMap(r -> r.failures().stream()).map(Failure::summary))
        .as(output())
        .contains(error);
  }

  @Then("there will be a pending {string} error")
  public void pendingError(String error) {
    assertThat(
            report.results().stream()
                .filter(InteractionResult::pending)
                .flatMap(r -> r.failures().stream())
                .map(Failure::summary))
        .as(output())
        .contains(error);
  }

  @Then("a verification result will NOT be published back")
  public void notPublished() {
    assertThat(broker.results).isEmpty();
  }

  @Then("^a successful verification result will be published back for interaction \\{(\\d+)\\}$")
  public void publishedSuccess(int n) {
    assertThat(broker.results.get(n))
        .as(output())
        .singleElement()
        .satisfies(r -> assertThat(r.path("success").asBoolean()).isTrue());
  }

  @Then("^a failed verification result will be published back for the interaction \\{(\\d+)\\}$")
  public void publishedFailure(int n) {
    assertThat(broker.results.get(n))
        .as(output())
        .singleElement()
        .satisfies(r -> assertThat(r.path("success").asBoolean()).isFalse());
  }

  private List<StateCall> calls(String action) {
    synchronized (stateCalls) {
      return stateCalls.stream().filter(c -> c.action().equals(action)).toList();
    }
  }

  @Then("the provider state callback will be called before the verification is run")
  public void calledBefore() {
    assertThat(calls("setup")).as(output()).isNotEmpty();
  }

  @Then("the provider state callback will be called after the verification is run")
  public void calledAfter() {
    assertThat(calls("teardown")).as(output()).isNotEmpty();
  }

  @Then(
      "the provider state callback will receive a setup call with {string} as the provider state parameter")
  public void setupCallWith(String state) {
    assertThat(calls("setup")).extracting(StateCall::state).contains(state);
  }

  @Then(
      "the provider state callback will receive a teardown call {string} as the provider state parameter")
  public void teardownCallWith(String state) {
    assertThat(calls("teardown")).extracting(StateCall::state).contains(state);
  }

  @Then("the provider state callback will NOT receive a teardown call")
  public void noTeardown() {
    assertThat(calls("teardown")).isEmpty();
  }

  @Then(
      "the provider state callback will receive a setup call with {string} and the following parameters:")
  public void setupCallWithParams(String state, DataTable table) {
    assertParams(calls("setup"), state, table);
  }

  @Then(
      "the provider state callback will receive a teardown call {string} and the following parameters:")
  public void teardownCallWithParams(String state, DataTable table) {
    assertParams(calls("teardown"), state, table);
  }

  private static void assertParams(List<StateCall> calls, String state, DataTable table) {
    Map<String, String> expected = table.asMaps().get(0);
    StateCall call =
        calls.stream()
            .filter(c -> c.state().equals(state))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no call for state '" + state + "' in " + calls));
    ObjectNode expectedParams = Json.nodes().objectNode();
    expected.forEach((k, v) -> expectedParams.set(k, Json.parse(v)));
    assertThat(Json.toTree(call.params())).isEqualTo(expectedParams);
  }

  @Then(
      "a warning will be displayed that there was no provider state callback configured for provider state {string}")
  public void warningNoCallback(String state) {
    assertThat(output())
        .contains(
            "no provider state handler is configured, so the state '" + state + "' is not set up");
  }

  @Then("the request to the provider will contain the header {string}")
  public void requestContainsHeader(String header) {
    int colon = header.indexOf(':');
    String name = header.substring(0, colon).trim();
    String value = header.substring(colon + 1).trim();
    assertThat(provider.receivedHeaders)
        .anySatisfy(
            h ->
                assertThat(h.entrySet())
                    .anySatisfy(
                        e -> {
                          assertThat(e.getKey()).isEqualToIgnoringCase(name);
                          assertThat(e.getValue()).contains(value);
                        }));
  }

  @Then("the comment {string} will have been printed to the console")
  public void commentPrinted(String comment) {
    assertThat(output()).contains("comment: " + comment);
  }

  @Then("the {string} will displayed as the original test name")
  public void originalTestName(String name) {
    assertThat(output()).contains("original test name: " + name);
  }
}
