package dev.accord.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.accord.pact.json.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same command line given to the standard Pact CLI ({@code ACCORD_PACT_CLI}) and to accord
 * makes the same significant requests to a fake broker and exits the same way: a pipeline switches
 * by changing the command name.
 */
class PactCliParityTest {
  private final WireMockServer broker = new WireMockServer(options().dynamicPort());
  @TempDir Path dir;
  private String pactCli;

  @BeforeEach
  void start() {
    pactCli = System.getenv("ACCORD_PACT_CLI");
    if (pactCli == null || pactCli.isBlank() || !Files.isExecutable(Path.of(pactCli))) {
      if ("true".equals(System.getenv("CI"))) {
        fail(
            "ACCORD_PACT_CLI must point at the standard Pact CLI (pact) in CI; got '"
                + pactCli
                + "'");
      }
      assumeTrue(
          false,
          "Skipping: set ACCORD_PACT_CLI to the standard Pact CLI (e.g. $HOME/.cache/accord-tools/node_modules/.bin/pact)");
    }
    broker.start();
    String b = url();
    broker.stubFor(
        get(urlEqualTo("/"))
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{"
                        + "\"pb:publish-contracts\":{\"href\":\""
                        + b
                        + "/contracts/publish\"},"
                        + "\"pb:pacticipants\":{\"href\":\""
                        + b
                        + "/pacticipants\"},"
                        + "\"pb:pacticipant\":{\"href\":\""
                        + b
                        + "/pacticipants/{pacticipant}\",\"templated\":true},"
                        + "\"pb:pacticipant-version\":{\"href\":\""
                        + b
                        + "/pacticipants/{pacticipant}/versions/{version}\",\"templated\":true},"
                        + "\"pb:environments\":{\"href\":\""
                        + b
                        + "/environments\"},"
                        + "\"pb:environment\":{\"href\":\""
                        + b
                        + "/environments/{uuid}\",\"templated\":true}}}")));
  }

  @AfterEach
  void stop() {
    broker.stop();
  }

  private String url() {
    return "http://localhost:" + broker.port();
  }

  private static ResponseDefinitionBuilder hal(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/hal+json;charset=utf-8")
        .withBody(body);
  }

  record Exchange(String method, String url, String body) {}

  record Outcome(int exitCode, List<Exchange> requests) {}

  private Outcome pact(String... args) throws IOException, InterruptedException {
    broker.resetRequests();
    List<String> command = new ArrayList<>(List.of(pactCli, "broker"));
    command.addAll(List.of(args));
    command.addAll(List.of("--broker-base-url", url()));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("PACT_DO_NOT_TRACK", "true");
    pb.environment().remove("PACT_BROKER_BASE_URL");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("pact CLI finished").isTrue();
    return new Outcome(p.exitValue(), significant(output));
  }

  private Outcome accord(String... args) {
    broker.resetRequests();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--broker-base-url", url()));
    CliRun.Result result = new CliRun(Map.of(), dir).run(all.toArray(String[]::new));
    return new Outcome(result.exitCode(), significant(result.err()));
  }

  /** Writes and the matrix queries, in order; index reads and HAL navigation GETs may differ. */
  private List<Exchange> significant(String output) {
    List<ServeEvent> events = new ArrayList<>(broker.getAllServeEvents());
    Collections.reverse(events);
    List<Exchange> out = new ArrayList<>();
    for (ServeEvent e : events) {
      var r = e.getRequest();
      String method = r.getMethod().getName();
      String decoded = URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8);
      if (!method.equals("GET") || decoded.startsWith("/matrix")) {
        out.add(new Exchange(method, decoded, r.getBodyAsString()));
      }
    }
    assertThat(out).as("requests made; CLI output:\n" + output).isNotEmpty();
    return out;
  }

  private void matrix(String deployable) {
    broker.stubFor(
        get(urlPathEqualTo("/matrix"))
            .willReturn(
                hal(
                    200,
                    "{\"summary\":{\"deployable\":"
                        + deployable
                        + ",\"reason\":\"r\",\"success\":0,\"failed\":0,\"unknown\":0},\"notices\":[],"
                        + "\"matrix\":[{\"consumer\":{\"name\":\"orders-service\",\"version\":{\"number\":\"1a2b\"}},"
                        + "\"provider\":{\"name\":\"products-service\",\"version\":{\"number\":\"9f8e\"}},"
                        + "\"verificationResult\":{\"success\":"
                        + ("null".equals(deployable) ? "null" : deployable)
                        + ",\"_links\":{\"self\":{\"href\":\""
                        + url()
                        + "/verification-results/1\"}}}}]}")));
  }

  private void assertSameRequestsAndExit(String... args) throws Exception {
    Outcome theirs = pact(args);
    Outcome ours = accord(args);
    assertThat(ours.exitCode())
        .as("exit code for " + String.join(" ", args))
        .isEqualTo(theirs.exitCode());
    assertThat(ours.requests())
        .extracting(Exchange::method, Exchange::url)
        .as(String.join(" ", args))
        .isEqualTo(
            theirs.requests().stream()
                .map(x -> org.assertj.core.groups.Tuple.tuple(x.method(), x.url()))
                .toList());
  }

  @Test
  void canIDeployAsksTheSameMatrixQuestionAndExitsTheSameWay() throws Exception {
    matrix("true");
    assertSameRequestsAndExit(
        "can-i-deploy",
        "--pacticipant",
        "orders-service",
        "--version",
        "1a2b",
        "--to-environment",
        "production");
    assertSameRequestsAndExit(
        "can-i-deploy",
        "-a",
        "orders-service",
        "-e",
        "1a2b",
        "-a",
        "products-service",
        "--latest",
        "main");
    assertSameRequestsAndExit(
        "can-i-deploy",
        "-a",
        "orders-service",
        "--latest",
        "--ignore",
        "legacy",
        "--version",
        "3",
        "--to",
        "prod");
    assertSameRequestsAndExit(
        "can-i-merge", "--pacticipant", "orders-service", "--version", "1a2b");
    matrix("false");
    assertSameRequestsAndExit(
        "can-i-deploy",
        "--pacticipant",
        "orders-service",
        "--version",
        "1a2b",
        "--to-environment",
        "production");
    assertSameRequestsAndExit(
        "can-i-deploy",
        "--pacticipant",
        "orders-service",
        "--version",
        "1a2b",
        "--to-environment",
        "production",
        "--dry-run");
    matrix("null");
    assertSameRequestsAndExit(
        "can-i-deploy",
        "--pacticipant",
        "orders-service",
        "--version",
        "1a2b",
        "--to-environment",
        "production");
  }

  @Test
  void recordDeploymentAndCreateEnvironmentSendTheSameWrites() throws Exception {
    broker.stubFor(
        get(urlEqualTo("/pacticipants/orders-service/versions/1a2b"))
            .willReturn(
                hal(
                    200,
                    "{\"number\":\"1a2b\",\"_links\":{\"pb:record-deployment\":[{\"name\":\"production\",\"href\":\""
                        + url()
                        + "/pacticipants/orders-service/versions/1a2b/deployed-versions/environment/u1\"}],"
                        + "\"pb:record-release\":[{\"name\":\"production\",\"href\":\""
                        + url()
                        + "/pacticipants/orders-service/versions/1a2b/released-versions/environment/u1\"}]}}")));
    broker.stubFor(
        post(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/pacticipants/.*"))
            .willReturn(
                hal(
                    201,
                    "{\"uuid\":\"d1\",\"currentlyDeployed\":true,\"_links\":{\"self\":{\"href\":\""
                        + url()
                        + "/deployed-versions/d1\"}}}")));
    broker.stubFor(
        post(urlEqualTo("/environments"))
            .willReturn(
                hal(
                    201,
                    "{\"uuid\":\"u9\",\"name\":\"uat\",\"displayName\":\"UAT\",\"production\":false}")));

    assertSameRequestsAndExit(
        "record-deployment",
        "--pacticipant",
        "orders-service",
        "--version",
        "1a2b",
        "--environment",
        "production");
    assertSameRequestsAndExit(
        "record-deployment",
        "-a",
        "orders-service",
        "-e",
        "1a2b",
        "--environment",
        "production",
        "--application-instance",
        "blue");
    assertSameRequestsAndExit(
        "record-release", "-a", "orders-service", "-e", "1a2b", "--environment", "production");
    assertSameRequestsAndExit("create-environment", "--name", "uat", "--display-name", "UAT");

    Outcome theirs =
        pact(
            "record-deployment",
            "-a",
            "orders-service",
            "-e",
            "1a2b",
            "--environment",
            "production",
            "--application-instance",
            "blue");
    Outcome ours =
        accord(
            "record-deployment",
            "-a",
            "orders-service",
            "-e",
            "1a2b",
            "--environment",
            "production",
            "--application-instance",
            "blue");
    assertThat(Json.parse(ours.requests().get(0).body()))
        .isEqualTo(Json.parse(theirs.requests().get(0).body()));
  }

  @Test
  void versionTagsAndBranchesAreWrittenToTheSameUrls() throws Exception {
    broker.stubFor(
        get(urlEqualTo("/pacticipants/orders-service/versions/1a2b"))
            .willReturn(hal(200, "{\"number\":\"1a2b\"}")));
    broker.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put(
                com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/pacticipants/.*"))
            .willReturn(hal(201, "{\"name\":\"x\"}")));

    assertSameRequestsAndExit(
        "create-version-tag", "-a", "orders-service", "-e", "1a2b", "-t", "prod");
    assertSameRequestsAndExit(
        "create-or-update-version", "-a", "orders-service", "-e", "1a2b", "--branch", "main");
    assertSameRequestsAndExit(
        "create-or-update-version", "-a", "orders-service", "-e", "1a2b", "-t", "prod");
    assertSameRequestsAndExit("create-or-update-version", "-a", "orders-service", "-e", "1a2b");
  }

  @Test
  void publishSendsTheSameContractFields() throws Exception {
    Files.writeString(
        dir.resolve("orders-service-products-service.json"),
        "{\"consumer\":{\"name\":\"orders-service\"},\"provider\":{\"name\":\"products-service\"},"
            + "\"interactions\":[{\"description\":\"get a product\",\"request\":{\"method\":\"GET\",\"path\":\"/products/1\"},"
            + "\"response\":{\"status\":200}}],\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}");
    broker.stubFor(
        post(urlEqualTo("/contracts/publish"))
            .willReturn(
                hal(
                    200,
                    "{\"notices\":[{\"type\":\"success\",\"text\":\"published\"}],\"_embedded\":{\"pacticipant\":{\"name\":\"orders-service\"},"
                        + "\"version\":{\"number\":\"1a2b\"}},\"logs\":[],\"_links\":{\"pb:contracts\":[{\"href\":\""
                        + url()
                        + "/pacts/x\"}]}}")));
    broker.stubFor(any(urlPathEqualTo("/unused")).willReturn(hal(404, "{}")));

    String[] args = {
      "publish",
      ".",
      "--consumer-app-version",
      "1a2b",
      "--branch",
      "main",
      "--tag",
      "dev",
      "--build-url",
      "http://ci/1"
    };
    Outcome theirs = pact(args);
    Outcome ours = accord(args);

    assertThat(ours.exitCode()).isEqualTo(theirs.exitCode()).isZero();
    ObjectNode theirBody = (ObjectNode) Json.parse(theirs.requests().get(0).body());
    ObjectNode ourBody = (ObjectNode) Json.parse(ours.requests().get(0).body());
    JsonNode theirContent = contentWithoutMetadata(theirBody);
    JsonNode ourContent = contentWithoutMetadata(ourBody);
    assertThat(ourBody).isEqualTo(theirBody);
    assertThat(ourContent.get("interactions")).isEqualTo(theirContent.get("interactions"));
  }

  /**
   * Removes and returns the decoded pact; the Pact CLI re-serialises it and adds its own metadata.
   */
  private static JsonNode contentWithoutMetadata(ObjectNode body) {
    ObjectNode contract = (ObjectNode) body.get("contracts").get(0);
    JsonNode content =
        Json.parse(
            new String(
                Base64.getDecoder().decode(contract.get("content").asString()),
                StandardCharsets.UTF_8));
    contract.remove("content");
    return content;
  }
}
