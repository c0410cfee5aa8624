package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.broker.StandardPactCliInteropTest.Result;
import dev.accord.pact.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The standard Pact CLI ({@code pact broker ...}) on the resources whose shape its consumer
 * contracts pin: environments found by name (record-undeployment), pacticipants with their latest
 * version, the latest pacts, can-i-deploy's hints.
 */
class StandardPactCliContractsTest {
  static RunningBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    StandardPactCliInteropTest.findCli();
    broker = RunningBroker.onPostgres();
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private Result run(String... args) throws Exception {
    return StandardPactCliInteropTest.run(broker.baseUrl, dir, args);
  }

  private static void publish(String consumer, String version, String provider) {
    assertThat(
            broker
                .post("/contracts/publish", publishBody(consumer, version, "main", provider, "x"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void recordUndeploymentFindsTheEnvironmentByName() throws Exception {
    // GIVEN Api 1 recorded as deployed to production
    publish("CliWeb", "w1", "CliApi");
    assertThat(run("broker", "create-environment", "--name", "production", "--production").exit())
        .isZero();
    broker.put("/pacticipants/CliApi/versions/a1", "{}");
    Result deployed =
        run(
            "broker",
            "record-deployment",
            "-a",
            "CliApi",
            "-e",
            "a1",
            "--environment",
            "production");
    assertThat(deployed.exit()).as(deployed.output()).isZero();

    // WHEN the CLI records its undeployment by environment name
    Result undeployed =
        run("broker", "record-undeployment", "-a", "CliApi", "--environment", "production");

    // THEN it found the environment and the broker has nothing of CliApi deployed there any more
    // (other tests of this
    // class leave their own deployments, so the count is CliApi's only)
    assertThat(undeployed.exit()).as(undeployed.output()).isZero();
    assertThat(undeployed.output()).contains("production");
    assertThat(
            broker.count(
                "deployed_version d JOIN pacticipant p ON p.id = d.pacticipant_id"
                    + " WHERE p.name = 'CliApi' AND d.undeployed_at IS NULL"))
        .isZero();
  }

  @Test
  void describePacticipantAndListPacticipantsShowTheLatestVersion() throws Exception {
    publish("CliDescribed", "d1", "CliDescribedApi");
    publish("CliDescribed", "d2", "CliDescribedApi");

    Result described =
        run("broker", "describe-pacticipant", "--name", "CliDescribed", "--output", "json");
    Result listed = run("broker", "list-pacticipants", "--output", "json");

    assertThat(described.exit()).as(described.output()).isZero();
    JsonNode one = Json.parse(described.output().substring(described.output().indexOf('{')));
    assertThat(one.path("_embedded").path("latest-version").path("number").asString())
        .isEqualTo("d2");
    assertThat(listed.exit()).as(listed.output()).isZero();
    assertThat(listed.output()).contains("CliDescribed");
  }

  @Test
  void listLatestPactVersionsReadsTheLatestPacts() throws Exception {
    publish("CliLatest", "l1", "CliLatestApi");
    publish("CliLatest", "l2", "CliLatestApi");

    Result r = run("broker", "list-latest-pact-versions");

    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("CliLatest").contains("l2").doesNotContain("l1");
  }

  @Test
  void canIDeployNeverTellsToDeployAProviderVersionWhoseVerificationFailed() throws Exception {
    // GIVEN the only verification of the pact, by CliStock bad1, failed, and CliStock new1 is in
    // gate-prod
    publish("CliCart", "c1", "CliStock");
    JsonNode pact =
        Json.parse(broker.get("/pacts/provider/CliStock/consumer/CliCart/version/c1").body());
    broker.post(
        pact.path("_links").path("pb:publish-verification-results").path("href").asString(),
        "{\"providerApplicationVersion\":\"bad1\",\"success\":false}");
    assertThat(run("broker", "create-environment", "--name", "gate-prod").exit()).isZero();
    broker.put("/pacticipants/CliStock/versions/new1", "{}");
    assertThat(
            run(
                    "broker",
                    "record-deployment",
                    "-a",
                    "CliStock",
                    "-e",
                    "new1",
                    "--environment",
                    "gate-prod")
                .exit())
        .isZero();

    // WHEN
    Result r =
        run("broker", "can-i-deploy", "-a", "CliCart", "-e", "c1", "--to-environment", "gate-prod");

    // THEN the CLI prints the hint that names bad1 as failed (it folds long lines)
    assertThat(r.exit()).as(r.output()).isNotZero();
    String flat = r.output().replaceAll("\\s+", " ");
    assertThat(flat)
        .contains(
            "No version of CliStock has verified it successfully: the verification by CliStock version(s) bad1 FAILED, "
                + "so do not deploy those")
        .doesNotContain("deploy a verified version");
  }

  @Test
  void createWebhookWithAConsumerLabelScopesTheWebhookByLabel() throws Exception {
    Result r =
        run(
            "broker",
            "create-webhook",
            "https://ci.example.com/build",
            "-X",
            "POST",
            "--consumer-label",
            "mobile",
            "--description",
            "mobile consumers",
            "--contract-content-changed");

    assertThat(r.exit()).as(r.output()).isZero();
    JsonNode hooks = Json.parse(broker.get("/webhooks").body());
    JsonNode created = null;
    for (JsonNode w : hooks.path("_embedded").path("webhooks")) {
      if (w.path("description").asString().equals("mobile consumers")) {
        created = w;
      }
    }
    assertThat(created).as(hooks.toString()).isNotNull();
    assertThat(created.path("consumer").path("label").asString()).isEqualTo("mobile");
  }
}
