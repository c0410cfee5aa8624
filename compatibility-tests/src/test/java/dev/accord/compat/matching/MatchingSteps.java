package dev.accord.compat.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.compat.shared.Cells;
import dev.accord.compat.shared.HttpParts;
import dev.accord.compat.shared.ScenarioState;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.matching.MismatchType;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Steps of {@code V3/matching_rules.feature}, {@code V3/http_matching.feature} and {@code
 * V4/matching_rules.feature}: an expected request or response is compared with received ones by
 * pact-core's {@link Matching} engine, with no server involved.
 *
 * <p>An expected error matches a mismatch when the paths are equal (header names ignoring case) and
 * the mismatch description contains the error text, or, because some errors in the suite are
 * regular expressions (e.g. {@code 'application/json;\s*charset=UTF-8'}), when the error as a regex
 * is found in it.
 */
public class MatchingSteps {
  private final ScenarioState scenario;
  private HttpRequest expectedRequest;
  private final List<HttpRequest> receivedRequests = new ArrayList<>();
  private final List<String> receivedNames = new ArrayList<>();
  private final List<List<Mismatch>> results = new ArrayList<>();
  private HttpResponse expectedResponse;
  private HttpResponse receivedResponse;
  private List<Mismatch> responseMismatches;

  public MatchingSteps(ScenarioState scenario) {
    this.scenario = scenario;
  }

  @Given("an expected request configured with the following:")
  public void anExpectedRequestConfiguredWith(DataTable table) {
    expectedRequest = HttpParts.request(table.asMaps().get(0), scenario.specification());
  }

  @Given("an expected request with a(n) {string} header of {string}")
  public void anExpectedRequestWithHeader(String name, String value) {
    expectedRequest =
        HttpRequest.of("GET", "/").withHeaders(Map.of(name, Cells.headerValues(value)));
  }

  @Given("a request is received with a(n) {string} header of {string}")
  public void aRequestIsReceivedWithHeader(String name, String value) {
    receivedRequests.add(
        HttpRequest.of("GET", "/").withHeaders(Map.of(name, Cells.headerValues(value))));
    receivedNames.add("request with " + name + ": " + value);
  }

  @Given("a request is received with the following:")
  public void aRequestIsReceivedWith(DataTable table) {
    receivedRequests.add(HttpParts.request(table.asMaps().get(0), scenario.specification()));
    receivedNames.add("request " + table.asMaps().get(0));
  }

  @Given("the following requests are received:")
  public void theFollowingRequestsAreReceived(DataTable table) {
    for (Map<String, String> row : table.asMaps()) {
      receivedRequests.add(HttpParts.request(row, scenario.specification()));
      receivedNames.add(row.getOrDefault("desc", row.toString()));
    }
  }

  @When("the request is compared to the expected one")
  public void theRequestIsCompared() {
    results.add(Matching.matchRequest(expectedRequest, receivedRequests.get(0)));
  }

  @When("the requests are compared to the expected one")
  public void theRequestsAreCompared() {
    for (HttpRequest actual : receivedRequests) {
      results.add(Matching.matchRequest(expectedRequest, actual));
    }
  }

  @Then("the comparison should be OK")
  public void theComparisonShouldBeOk() {
    for (int i = 0; i < results.size(); i++) {
      assertThat(results.get(i)).as("mismatches of %s", receivedNames.get(i)).isEmpty();
    }
  }

  @Then("the comparison should NOT be OK")
  public void theComparisonShouldNotBeOk() {
    for (int i = 0; i < results.size(); i++) {
      assertThat(results.get(i)).as("mismatches of %s", receivedNames.get(i)).isNotEmpty();
    }
  }

  @Then("the mismatches will contain a mismatch with error {string} -> {string}")
  public void theMismatchesWillContain(String path, String error) {
    List<Mismatch> all = results.stream().flatMap(List::stream).toList();
    boolean found = all.stream().anyMatch(m -> pathMatches(m, path) && describes(m, error));
    assertThat(found)
        .as("a mismatch at '%s' with error '%s' among:%n%s", path, error, render(all))
        .isTrue();
  }

  @Given("an expected response configured with the following:")
  public void anExpectedResponseConfiguredWith(DataTable table) {
    expectedResponse = HttpParts.response(table.asMaps().get(0), scenario.specification());
  }

  @Given("a status {int} response is received")
  public void aStatusResponseIsReceived(int status) {
    receivedResponse = HttpResponse.of(status);
  }

  @When("the response is compared to the expected one")
  public void theResponseIsCompared() {
    responseMismatches = Matching.matchResponse(expectedResponse, receivedResponse);
  }

  @Then("the response comparison should be OK")
  public void theResponseComparisonShouldBeOk() {
    assertThat(responseMismatches).as("response mismatches").isEmpty();
  }

  @Then("the response comparison should NOT be OK")
  public void theResponseComparisonShouldNotBeOk() {
    assertThat(responseMismatches).as("response mismatches").isNotEmpty();
  }

  @Then("the response mismatches will contain a {string} mismatch with error {string}")
  public void theResponseMismatchesWillContain(String type, String error) {
    boolean found =
        responseMismatches.stream()
            .anyMatch(m -> m.type().key().equals(type) && describes(m, error));
    assertThat(found)
        .as("a '%s' mismatch with error '%s' among:%n%s", type, error, render(responseMismatches))
        .isTrue();
  }

  private static boolean pathMatches(Mismatch m, String path) {
    return m.type() == MismatchType.HEADER
        ? m.path().equalsIgnoreCase(path)
        : m.path().equals(path);
  }

  private static boolean describes(Mismatch m, String error) {
    if (m.description().contains(error)) {
      return true;
    }
    try {
      return Pattern.compile(error).matcher(m.description()).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  private static String render(List<Mismatch> mismatches) {
    return mismatches.isEmpty()
        ? "  (no mismatches)"
        : mismatches.stream()
            .map(m -> "  [" + m.type().key() + "] '" + m.path() + "' -> " + m.description())
            .collect(Collectors.joining("\n"));
  }
}
