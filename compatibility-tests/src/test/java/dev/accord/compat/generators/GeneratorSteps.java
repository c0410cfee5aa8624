package dev.accord.compat.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.accord.compat.shared.HttpParts;
import dev.accord.compat.shared.ScenarioState;
import dev.accord.pact.generators.Generation;
import dev.accord.pact.generators.GeneratorContext;
import dev.accord.pact.generators.GeneratorMode;
import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Steps of {@code V3/generators.feature}, {@code V3/http_generators.feature} and {@code
 * V4/generators.feature}: a request or response with generators is prepared with {@link Generation}
 * and the generated values are checked by type. Random values use the seed of the system property
 * {@code accord.compat.seed} (default 20240601), so a failing scenario can be replayed.
 */
public class GeneratorSteps {
  private static final long SEED = Long.getLong("accord.compat.seed", 20240601L);
  private static final Pattern INDEXED_PART = Pattern.compile("(\\w+)\\[(.*)]");

  private final ScenarioState scenario;
  private HttpRequest request;
  private HttpResponse response;
  private HttpRequest generatedRequest;
  private HttpResponse generatedResponse;
  private GeneratorMode mode = GeneratorMode.PROVIDER;
  private final Map<String, JsonNode> providerState = new LinkedHashMap<>();
  private String mockServerUrl;

  public GeneratorSteps(ScenarioState scenario) {
    this.scenario = scenario;
  }

  @Given("a request configured with the following generators:")
  public void aRequestConfiguredWithGenerators(DataTable table) {
    Map<String, String> row = new LinkedHashMap<>(table.asMaps().get(0));
    row.putIfAbsent("path", "/path/one");
    request = HttpParts.request(row, scenario.specification());
  }

  @Given("a response configured with the following generators:")
  public void aResponseConfiguredWithGenerators(DataTable table) {
    response = HttpParts.response(table.asMaps().get(0), scenario.specification());
  }

  @Given("the generator test mode is set as {string}")
  public void theGeneratorTestModeIs(String value) {
    mode =
        switch (value) {
          case "Consumer" -> GeneratorMode.CONSUMER;
          case "Provider" -> GeneratorMode.PROVIDER;
          default ->
              throw new IllegalArgumentException(
                  "Unknown generator test mode '" + value + "'; use Consumer or Provider");
        };
  }

  @When("the request is prepared for use")
  public void theRequestIsPrepared() {
    generatedRequest = Generation.generateRequest(request, context());
  }

  @When("the response is prepared for use")
  public void theResponseIsPrepared() {
    generatedResponse = Generation.generateResponse(response, context());
  }

  @When("the request is prepared for use with a {string} context:")
  public void theRequestIsPreparedWithContext(String kind, DataTable table) {
    JsonNode json = Json.parse(table.cells().get(0).get(0));
    switch (kind) {
      case "providerState" ->
          json.properties().forEach(e -> providerState.put(e.getKey(), e.getValue()));
      case "mockServer" -> mockServerUrl = json.path("href").asString();
      default ->
          throw new IllegalArgumentException(
              "Unknown generator context '" + kind + "'; use providerState or mockServer");
    }
    theRequestIsPrepared();
  }

  @Then("the body value for {string} will have been replaced with a(n) {string}")
  public void theBodyValueWasReplacedWithA(String path, String type) {
    JsonNode original = bodyValue(originalBody(), path);
    JsonNode generated = bodyValue(generatedBody(), path);
    assertThat(generated).as("generated value at %s", path).isNotEqualTo(original);
    assertType(path, type, generated);
  }

  @Then("the body value for {string} will have been replaced with {string}")
  public void theBodyValueWasReplacedWith(String path, String value) {
    JsonNode original = bodyValue(originalBody(), path);
    JsonNode generated = bodyValue(generatedBody(), path);
    assertThat(generated).as("generated value at %s", path).isNotEqualTo(original);
    assertThat(generated.isString())
        .as("generated value at %s is a string: %s", path, generated)
        .isTrue();
    assertThat(generated.asString()).as("generated value at %s", path).isEqualTo(value);
  }

  @Then("the request {string} will be set as {string}")
  public void theRequestPartWillBeSetAs(String part, String value) {
    if (!part.equals("path")) {
      fail("Unsupported HTTP part '" + part + "'; this step supports 'path'");
    }
    assertThat(generatedRequest.path()).isEqualTo(value);
  }

  @Then("the request {string} will match {string}")
  public void theRequestPartWillMatch(String part, String regex) {
    assertAllMatch(part, requestPart(part), regex);
  }

  @Then("the response {string} will not be {string}")
  public void theResponsePartWillNotBe(String part, String value) {
    assertThat(responsePart(part)).as("response %s", part).doesNotContain(value);
  }

  @Then("the response {string} will match {string}")
  public void theResponsePartWillMatch(String part, String regex) {
    assertAllMatch(part, responsePart(part), regex);
  }

  private GeneratorContext context() {
    GeneratorContext ctx =
        new GeneratorContext(
            mode,
            providerState,
            Optional.ofNullable(mockServerUrl),
            SEED,
            Clock.systemDefaultZone());
    return ctx;
  }

  private List<String> requestPart(String part) {
    if (part.equals("path")) {
      return List.of(generatedRequest.path());
    }
    Matcher m = INDEXED_PART.matcher(part);
    if (m.matches() && m.group(1).equals("header")) {
      return generatedRequest.header(m.group(2)).orElse(List.of());
    }
    if (m.matches() && m.group(1).equals("queryParameter")) {
      return generatedRequest.query().getOrDefault(m.group(2), List.of());
    }
    throw new IllegalArgumentException(
        "Unsupported request part '" + part + "'; use path, header[NAME] or queryParameter[NAME]");
  }

  private List<String> responsePart(String part) {
    if (part.equals("status")) {
      return List.of(Integer.toString(generatedResponse.status()));
    }
    Matcher m = INDEXED_PART.matcher(part);
    if (m.matches() && m.group(1).equals("header")) {
      return generatedResponse.header(m.group(2)).orElse(List.of());
    }
    throw new IllegalArgumentException(
        "Unsupported response part '" + part + "'; use status or header[NAME]");
  }

  private static void assertAllMatch(String part, List<String> values, String regex) {
    assertThat(values).as("values of %s", part).isNotEmpty();
    assertThat(values).as("values of %s", part).allMatch(v -> v.matches(regex), "match " + regex);
  }

  private Body originalBody() {
    return request != null && generatedRequest != null ? request.body() : response.body();
  }

  private Body generatedBody() {
    return generatedRequest != null ? generatedRequest.body() : generatedResponse.body();
  }

  private Generators generators() {
    return generatedRequest != null ? request.generators() : response.generators();
  }

  private static JsonNode bodyValue(Body body, String path) {
    JsonNode value = body.asJson().at(pointer(path));
    assertThat(value.isMissingNode()).as("body has a value at %s: %s", path, body).isFalse();
    return value;
  }

  /** {@code $.a[0].b} to the JSON pointer {@code /a/0/b}. */
  private static JsonPointer pointer(String path) {
    String p = path.startsWith("$") ? path.substring(1) : path;
    StringBuilder sb = new StringBuilder();
    for (String segment : p.replace("[", ".").replace("]", "").split("\\.")) {
      if (!segment.isEmpty()) {
        sb.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
      }
    }
    return JsonPointer.compile(sb.toString());
  }

  private void assertType(String path, String type, JsonNode value) {
    String text = value.isString() ? value.asString() : Json.write(value);
    String description = "generated value " + value + " at " + path + " is a " + type;
    switch (type) {
      case "integer" -> assertThat(value.isIntegralNumber()).as(description).isTrue();
      case "decimal number" ->
          assertThat(value.isNumber() && text.matches("-?\\d+\\.\\d+")).as(description).isTrue();
      case "hexadecimal number" ->
          assertThat(value.isString() && text.matches("[0-9a-fA-F]+")).as(description).isTrue();
      case "random string" ->
          assertThat(value.isString() && text.matches("[a-zA-Z0-9]+")).as(description).isTrue();
      case "string from the regex" -> {
        Generator g = generators().category(Category.BODY).get(path);
        assertThat(g).as("a Regex generator at %s", path).isInstanceOf(Generator.Regex.class);
        assertThat(value.isString() && text.matches(((Generator.Regex) g).regex()))
            .as(description)
            .isTrue();
      }
      case "date" ->
          assertThat(value.isString() && text.matches("\\d{4}-\\d{2}-\\d{2}"))
              .as(description)
              .isTrue();
      case "time" ->
          assertThat(value.isString() && text.matches("\\d{2}:\\d{2}:\\d{2}"))
              .as(description)
              .isTrue();
      case "date-time" ->
          assertThat(
                  value.isString()
                      && text.matches(
                          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?"))
              .as(description)
              .isTrue();
      case "UUID", "lower-case-hyphenated UUID" ->
          assertThat(
                  value.isString()
                      && text.matches(
                          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
              .as(description)
              .isTrue();
      case "upper-case-hyphenated UUID" ->
          assertThat(
                  value.isString()
                      && text.matches(
                          "[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"))
              .as(description)
              .isTrue();
      case "simple UUID" ->
          assertThat(value.isString() && text.matches("[0-9a-f]{32}")).as(description).isTrue();
      case "URN UUID" ->
          assertThat(
                  value.isString()
                      && text.matches(
                          "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
              .as(description)
              .isTrue();
      case "boolean" -> assertThat(value.isBoolean()).as(description).isTrue();
      default ->
          fail(
              "Unknown value type '"
                  + type
                  + "' in the feature; this step knows integer, decimal number,"
                  + " hexadecimal number, random string, string from the regex, date, time, date-time, the UUID formats"
                  + " and boolean");
    }
  }
}
