package dev.accord.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CanIDeployCommandTest {
  private final WireMockServer broker = new WireMockServer(options().dynamicPort());
  private CliRun accord;

  private static final String QUERY =
      "/matrix?q%5B%5D%5Bpacticipant%5D=orders-service&q%5B%5D%5Bversion%5D=1a2b&latestby=cvpv&environment=production";

  @BeforeEach
  void start() {
    broker.start();
    accord =
        new CliRun(
            Map.of("PACT_BROKER_BASE_URL", "http://localhost:" + broker.port()), Path.of("."));
  }

  @AfterEach
  void stop() {
    broker.stop();
  }

  private String url() {
    return "http://localhost:" + broker.port();
  }

  private void matrix(String deployable, String reason, String row) {
    broker.stubFor(
        get(urlEqualTo(QUERY))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/hal+json;charset=utf-8")
                    .withBody(
                        "{\"summary\":{\"deployable\":"
                            + deployable
                            + ",\"reason\":\""
                            + reason
                            + "\",\"success\":1,\"failed\":0,\"unknown\":0},"
                            + "\"notices\":[{\"type\":\""
                            + ("true".equals(deployable) ? "success" : "error")
                            + "\",\"text\":\""
                            + reason
                            + "\"}],"
                            + "\"matrix\":["
                            + row
                            + "]}")));
  }

  private String row(String providerVersion, String success) {
    String result =
        success == null
            ? "null"
            : "{\"success\":"
                + success
                + ",\"_links\":{\"self\":{\"href\":\""
                + url()
                + "/verification-results/42\"}}}";
    return "{\"consumer\":{\"name\":\"orders-service\",\"version\":{\"number\":\"1a2b\"}},"
        + "\"provider\":{\"name\":\"products-service\",\"version\":"
        + (providerVersion == null ? "null" : "{\"number\":\"" + providerVersion + "\"}")
        + "},"
        + "\"verificationResult\":"
        + result
        + "}";
  }

  private static final String[] ARGS = {
    "can-i-deploy",
    "--pacticipant",
    "orders-service",
    "--version",
    "1a2b",
    "--to-environment",
    "production"
  };

  @Test
  void yesPrintsTheTableAndExits0() {
    matrix(
        "true",
        "All required verification results are published and successful",
        row("9f8e", "true"));

    CliRun.Result result = accord.run(ARGS);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "CONSUMER       | C.VERSION | PROVIDER         | P.VERSION | SUCCESS? | RESULT#\n"
                + "---------------|-----------|------------------|-----------|----------|--------\n"
                + "orders-service | 1a2b      | products-service | 9f8e      | true     | 1\n"
                + "\n"
                + "VERIFICATION RESULTS\n"
                + "--------------------\n"
                + "1. "
                + url()
                + "/verification-results/42 (success)\n"
                + "\n"
                + "All required verification results are published and successful\n"
                + "\n"
                + "✅ Computer says yes \\o/\n");
    broker.verify(getRequestedFor(urlEqualTo(QUERY)));
  }

  @Test
  void noNamesTheFailedVerificationAndExits1() {
    matrix(
        "false",
        "The verification for the pact between orders-service (1a2b) and products-service (9f8e) failed: see "
            + url()
            + "/verification-results/42\\n  - Interaction \\\"a request for a product\\\" failed:\\n      body $.name: Expected 'Widget' but was missing"
            + "\\nFix the provider or the pact, then verify again.",
        row("9f8e", "false"));

    CliRun.Result result = accord.run(ARGS);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            "CONSUMER       | C.VERSION | PROVIDER         | P.VERSION | SUCCESS? | RESULT#\n"
                + "---------------|-----------|------------------|-----------|----------|--------\n"
                + "orders-service | 1a2b      | products-service | 9f8e      | false    | 1\n"
                + "\n"
                + "VERIFICATION RESULTS\n"
                + "--------------------\n"
                + "1. "
                + url()
                + "/verification-results/42 (failure)\n"
                + "\n"
                + "[error] The verification for the pact between orders-service (1a2b) and products-service (9f8e) failed: see "
                + url()
                + "/verification-results/42\n"
                + "  - Interaction \"a request for a product\" failed:\n"
                + "      body $.name: Expected 'Widget' but was missing\n"
                + "Fix the provider or the pact, then verify again.\n"
                + "\n"
                + "❌ Computer says no ¯\\_(ツ)_/¯\n"
                + "\n"
                + "What to do next: the reasons above name the interactions and fields that broke (the failed verification result"
                + " above has every detail); fix the consumer's expectations or the provider, then publish and verify again.\n");

    CliRun.Result json =
        accord.run(
            "can-i-deploy",
            "-a",
            "orders-service",
            "-e",
            "1a2b",
            "--to-environment",
            "production",
            "-o",
            "json");

    assertThat(json.exitCode()).isEqualTo(1);
    dev.accord.pact.json.Json.parse(json.out())
        .path("notices")
        .forEach(
            n ->
                assertThat(n.path("text").asString())
                    .contains(
                        "  - Interaction \"a request for a product\" failed:\n      body $.name: Expected 'Widget' but was missing\n"));
    assertThat(
            dev.accord.pact.json.Json.parse(json.out()).path("summary").path("reason").asString())
        .contains("body $.name: Expected 'Widget' but was missing");
  }

  @Test
  void unknownExplainsTheMissingVerificationAndExits1() {
    matrix(
        "null",
        "There is no verified pact between orders-service (1a2b) and products-service (9f8e)",
        row("9f8e", null));

    CliRun.Result result = accord.run(ARGS);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            "CONSUMER       | C.VERSION | PROVIDER         | P.VERSION | SUCCESS? | RESULT#\n"
                + "---------------|-----------|------------------|-----------|----------|--------\n"
                + "orders-service | 1a2b      | products-service | 9f8e      | ???      |\n"
                + "\n"
                + "[error] There is no verified pact between orders-service (1a2b) and products-service (9f8e)\n"
                + "\n"
                + "❌ Computer says no ¯\\_(ツ)_/¯ (unknown: a verification result is missing)\n"
                + "\n"
                + "What to do next: the reasons above name what is missing. Usually the provider has not verified this pact yet, or published its result under another version."
                + " Check that the provider's CI verifies pacts from the broker with --publish and --provider-version set to its"
                + " git SHA, and that the versions in the target environment are recorded with record-deployment. To wait for a"
                + " verification that is running: --retry-while-unknown 30 --retry-interval 10.\n");
  }

  @Test
  void jsonOutputPrintsTheBrokersMatrixAndKeepsTheExitCode() {
    matrix("false", "failed", row("9f8e", "false"));

    CliRun.Result no =
        accord.run(
            "can-i-deploy",
            "-a",
            "orders-service",
            "-e",
            "1a2b",
            "--to-environment",
            "production",
            "-o",
            "json");

    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(no.out())
        .startsWith(
            "{\n  \"summary\" : {\n    \"deployable\" : false,\n    \"reason\" : \"failed\",");
    assertThat(no.out()).contains("\"matrix\" : [ {");

    matrix("true", "ok", row("9f8e", "true"));
    CliRun.Result yes =
        accord.run(
            "can-i-deploy",
            "-a",
            "orders-service",
            "-e",
            "1a2b",
            "--to-environment",
            "production",
            "--output",
            "json");
    assertThat(yes.exitCode()).isZero();
    assertThat(yes.out()).contains("\"deployable\" : true");
  }

  @Test
  void retriesWhileUnknownThenAnswers() {
    broker.stubFor(
        get(urlEqualTo(QUERY))
            .inScenario("verify")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"summary\":{\"deployable\":null,\"reason\":\"missing\"},\"matrix\":[]}"))
            .willSetStateTo("verified"));
    broker.stubFor(
        get(urlEqualTo(QUERY))
            .inScenario("verify")
            .whenScenarioStateIs("verified")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"summary\":{\"deployable\":true,\"reason\":\"All required verification results are published and successful\"},\"matrix\":[]}")));

    CliRun.Result result =
        accord.run(
            "can-i-deploy",
            "-a",
            "orders-service",
            "-e",
            "1a2b",
            "--to-environment",
            "production",
            "--retry-while-unknown",
            "3",
            "--retry-interval",
            "2");

    assertThat(result.exitCode()).isZero();
    assertThat(accord.sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(result.err())
        .isEqualTo("Verification results are missing; asking again in 2 s (retry 1 of 3)\n");
    assertThat(result.out()).endsWith("✅ Computer says yes \\o/\n");
    broker.verify(2, getRequestedFor(urlEqualTo(QUERY)));
  }

  @Test
  void dryRunExits0WhateverTheAnswer() {
    matrix("false", "failed", row("9f8e", "false"));

    CliRun.Result result =
        accord.run(
            "can-i-deploy",
            "-a",
            "orders-service",
            "-e",
            "1a2b",
            "--to-environment",
            "production",
            "--dry-run");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("❌ Computer says no");
    assertThat(result.err()).isEqualTo("Dry run: exiting 0 whatever the answer (it was no).\n");
  }

  @Test
  void severalSelectorsIgnoresAndLatestTagsAreReadInOrder() {
    String query =
        "/matrix?q%5B%5D%5Bpacticipant%5D=web&q%5B%5D%5Bversion%5D=1&q%5B%5D%5Bpacticipant%5D=api&q%5B%5D%5Blatest%5D=true"
            + "&q%5B%5D%5Btag%5D=prod&ignore%5B%5D%5Bpacticipant%5D=legacy&ignore%5B%5D%5Bversion%5D=3&latestby=cvpv";
    broker.stubFor(
        get(urlEqualTo(query))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"summary\":{\"deployable\":true,\"reason\":\"ok\"},\"matrix\":[]}")));

    CliRun.Result result =
        accord.run(
            "can-i-deploy",
            "--pacticipant",
            "web",
            "--version",
            "1",
            "--pacticipant",
            "api",
            "--latest",
            "prod",
            "--ignore",
            "legacy",
            "--version",
            "3");

    assertThat(result.exitCode()).as(result.err()).isZero();
    broker.verify(getRequestedFor(urlEqualTo(query)));
  }

  @Test
  void aVersionBeforeAnyPacticipantIsAUsageError() {
    CliRun.Result result = accord.run("can-i-deploy", "--version", "1", "--pacticipant", "web");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "--version 1 must follow the --pacticipant it belongs to, e.g. --pacticipant orders-service --version 1\n");
  }

  @Test
  void anUnknownPacticipantShowsTheBrokersErrorAndExits1() {
    broker.stubFor(
        get(urlPathEqualTo("/matrix"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/hal+json")
                    .withBody("{\"errors\":[\"Pacticipant orders-service not found\"]}")));

    CliRun.Result result = accord.run(ARGS);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: GET "
                + url()
                + QUERY
                + " failed: 400 Bad Request\n"
                + "  Pacticipant orders-service not found\n");
  }

  @Test
  void canIMergeAsksAgainstTheMainBranch() {
    String query =
        "/matrix?q%5B%5D%5Bpacticipant%5D=web&q%5B%5D%5Bversion%5D=1&latestby=cvp&latest=true&mainBranch=true";
    broker.stubFor(
        get(urlEqualTo(query))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"summary\":{\"deployable\":false,\"reason\":\"failed\"},\"matrix\":[]}")));

    CliRun.Result result = accord.run("can-i-merge", "--pacticipant", "web", "--version", "1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("❌ Computer says no");
    broker.verify(getRequestedFor(urlEqualTo(query)));
  }

  @Test
  void noWithoutAFailedVerificationPointsAtTheReasons() {
    matrix(
        "false",
        "No pacts or verifications have been published for version 1a2b of orders-service",
        "");

    CliRun.Result result = accord.run(ARGS);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            "[error] No pacts or verifications have been published for version 1a2b of orders-service\n"
                + "\n"
                + "❌ Computer says no ¯\\_(ツ)_/¯\n"
                + "\n"
                + "What to do next: the reasons above say what is missing; check the pacticipant names and version numbers"
                + " (usually the git SHA) against what was published to the broker.\n");
  }

  @Test
  void aRepeatedEnvironmentIsAUsageErrorNotSilentlyTheLastOne() {
    CliRun.Result result =
        accord.run(
            "can-i-deploy",
            "-a",
            "web",
            "-e",
            "1",
            "--to-environment",
            "test",
            "--to-environment",
            "production");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("--to-environment given twice (test, production): give one environment\n");
  }
}
