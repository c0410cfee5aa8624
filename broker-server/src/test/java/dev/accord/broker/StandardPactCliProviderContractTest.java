package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bi-directional contract testing with the standard Pact CLI ({@code @pact-foundation/pact-cli})
 * against our broker: {@code pact pactflow publish-provider-contract} publishes an OpenAPI document
 * with its self-verification, then {@code pact broker can-i-deploy} says yes for a consumer whose
 * pact fits the document and no, naming the incompatibility, for one whose pact does not. Skipped
 * without the CLI; fails under CI=true without it.
 */
class StandardPactCliProviderContractTest {
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

  private StandardPactCliInteropTest.Result run(String... args) throws Exception {
    return StandardPactCliInteropTest.run(broker.baseUrl, dir, args);
  }

  private static String pact(String consumer, String path) {
    return "{\"consumer\":{\"name\":\""
        + consumer
        + "\"},\"provider\":{\"name\":\"Things\"},"
        + "\"interactions\":[{\"description\":\"get thing 1\",\"request\":{\"method\":\"GET\",\"path\":\""
        + path
        + "\"},"
        + "\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"id\":1,\"name\":\"x\"}}}],"
        + "\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}";
  }

  private Path pactDir(String consumer, String path) throws Exception {
    Path d = Files.createDirectories(dir.resolve(consumer));
    Files.writeString(d.resolve(consumer + "-Things.json"), pact(consumer, path));
    return d;
  }

  @Test
  void publishProviderContractThenCanIDeploySaysYesForAFittingPactAndNoNamingTheIncompatibility()
      throws Exception {
    assertThat(run("broker", "create-environment", "--name", "production", "--production").exit())
        .isZero();
    Files.writeString(
        dir.resolve("spec.yaml"),
        ProviderContractsAcceptanceTest.DOCUMENT.replace("title: Things", "title: Things API"));
    Files.writeString(dir.resolve("report.json"), "{\"cases\":4,\"failures\":0}");

    StandardPactCliInteropTest.Result published =
        run(
            "pactflow",
            "publish-provider-contract",
            "spec.yaml",
            "--provider",
            "Things",
            "--provider-app-version",
            "abc123",
            "--branch",
            "main",
            "--content-type",
            "application/yaml",
            "--verification-success",
            "--verifier",
            "accord",
            "--verification-results",
            "report.json");
    assertThat(published.exit()).as(published.output()).isZero();
    assertThat(published.output())
        .contains("Published provider contract for Things version abc123 (new content)");
    assertThat(
            broker.count(
                "provider_contract_publication WHERE self_verification_success AND verifier = 'accord' "
                    + "AND self_verification_content = '{\"cases\":4,\"failures\":0}'"))
        .isEqualTo(1);

    StandardPactCliInteropTest.Result deployed =
        run(
            "broker",
            "record-deployment",
            "-a",
            "Things",
            "-e",
            "abc123",
            "--environment",
            "production");
    assertThat(deployed.exit()).as(deployed.output()).isZero();

    StandardPactCliInteropTest.Result fits =
        run(
            "broker",
            "publish",
            pactDir("Web", "/thing/1").toString(),
            "-a",
            "web-1",
            "--branch",
            "main");
    assertThat(fits.exit()).as(fits.output()).isZero();
    StandardPactCliInteropTest.Result misfits =
        run(
            "broker",
            "publish",
            pactDir("Mobile", "/things/1").toString(),
            "-a",
            "mobile-1",
            "--branch",
            "main");
    assertThat(misfits.exit()).as(misfits.output()).isZero();

    StandardPactCliInteropTest.Result yes =
        run("broker", "can-i-deploy", "-a", "Web", "-e", "web-1", "--to-environment", "production");
    assertThat(yes.exit()).as(yes.output()).isZero();
    assertThat(yes.output()).contains("Computer says yes").contains("verified bi-directionally");

    StandardPactCliInteropTest.Result no =
        run(
            "broker",
            "can-i-deploy",
            "-a",
            "Mobile",
            "-e",
            "mobile-1",
            "--to-environment",
            "production");
    assertThat(no.exit()).as(no.output()).isEqualTo(1);
    assertThat(no.output())
        .contains("Computer says no")
        .contains(
            "The pact between Mobile (mobile-1) and Things (abc123) is not compatible with the provider contract")
        .contains("request.path-or-method.unknown in 'get thing 1'");
  }
}
