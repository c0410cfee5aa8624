package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard Pact CLI ({@code @pact-foundation/pact-cli}) against our broker: publish, verify
 * with the standard verifier (pacts-for-verification) publishing results, record-deployment,
 * can-i-deploy yes, then no after a breaking change.
 */
class StandardPactCliInteropTest {
  static RunningBroker broker;
  static String cli;
  static HttpServer provider;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    findCli();
    broker = RunningBroker.onPostgres();
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/",
        exchange -> {
          byte[] body =
              exchange.getRequestURI().getPath().equals("/provider-states")
                  ? "{}".getBytes(StandardCharsets.UTF_8)
                  : "{\"id\":1,\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    provider.start();
  }

  /**
   * Sets {@link #cli}; skips the calling test class when the CLI is missing, and fails under
   * CI=true.
   */
  static void findCli() {
    String configured = System.getenv("ACCORD_PACT_CLI");
    cli =
        configured != null && !configured.isBlank()
            ? configured
            : System.getProperty("user.home") + "/.cache/accord-tools/node_modules/.bin/pact";
    boolean present = Files.isExecutable(Path.of(cli));
    if ("true".equals(System.getenv("CI")) && !present) {
      throw new IllegalStateException(
          "CI=true but the standard Pact CLI is missing at "
              + cli
              + ": install it with npm install --prefix $HOME/.cache/accord-tools @pact-foundation/pact-cli (as .ci/run does) or set ACCORD_PACT_CLI");
    }
    assumeTrue(
        present,
        "Skipping: the standard Pact CLI is not installed at "
            + cli
            + " (set ACCORD_PACT_CLI); CI runs this test");
  }

  @AfterAll
  static void stop() {
    if (provider != null) {
      provider.stop(0);
    }
    if (broker != null) {
      broker.close();
    }
  }

  record Result(int exit, String output) {}

  static Result run(Path workDir, String... args) throws Exception {
    return run(broker.baseUrl, workDir, args);
  }

  /** Runs the standard CLI with PACT_BROKER_BASE_URL set to {@code brokerUrl}. */
  static Result run(String brokerUrl, Path workDir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(cli);
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().put("PACT_DO_NOT_TRACK", "true");
    pb.environment().put("PACT_BROKER_BASE_URL", brokerUrl);
    pb.environment().put("PACT_BROKER_HTTP_RETRIES", "1");
    pb.environment().remove("PACT_BROKER_TOKEN");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("pact " + String.join(" ", args) + " did not finish:\n" + out);
    }
    return new Result(p.exitValue(), out);
  }

  private Path pactDir(String name, String responseName) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("Web-Api.json"), RunningBroker.pact("Web", "Api", responseName));
    return d;
  }

  private Result verify(String providerVersion) throws Exception {
    return run(
        dir,
        "verifier",
        "--broker-url",
        broker.baseUrl,
        "--provider-name",
        "Api",
        "--hostname",
        "127.0.0.1",
        "--port",
        String.valueOf(provider.getAddress().getPort()),
        "--state-change-url",
        "http://127.0.0.1:" + provider.getAddress().getPort() + "/provider-states",
        "--consumer-version-selectors",
        "{\"mainBranch\":true}",
        "--consumer-version-selectors",
        "{\"deployedOrReleased\":true}",
        "--provider-version",
        providerVersion,
        "--provider-branch",
        "main",
        "--publish");
  }

  @Test
  void publishVerifyRecordDeploymentAndCanIDeployYesThenNoAfterABreakingChange() throws Exception {
    Result created =
        run(
            dir,
            "broker",
            "create-or-update-pacticipant",
            "--name",
            "Web",
            "--main-branch",
            "main");
    assertThat(created.exit()).as(created.output()).isZero();
    assertThat(
            run(dir, "broker", "create-environment", "--name", "production", "--production").exit())
        .isZero();

    Result published =
        run(
            dir,
            "broker",
            "publish",
            pactDir("v1", "x").toString(),
            "-a",
            "web-1",
            "--branch",
            "main");
    assertThat(published.exit()).as(published.output()).isZero();
    assertThat(published.output())
        .contains("Created pact for Web version web-1 and provider Api")
        .doesNotContain("Warning");

    Result verified = verify("api-1");
    assertThat(verified.exit()).as(verified.output()).isZero();
    assertThat(verified.output())
        .contains("latest version of Web from the main branch 'main' (web-1)")
        .contains("has a matching body");
    assertThat(broker.count("verification WHERE success")).isEqualTo(1);

    Result deployed =
        run(
            dir,
            "broker",
            "record-deployment",
            "-a",
            "Api",
            "-e",
            "api-1",
            "--environment",
            "production");
    assertThat(deployed.exit()).as(deployed.output()).isZero();

    Result yes =
        run(
            dir,
            "broker",
            "can-i-deploy",
            "-a",
            "Web",
            "-e",
            "web-1",
            "--to-environment",
            "production");
    assertThat(yes.exit()).as(yes.output()).isZero();
    assertThat(yes.output()).contains("Computer says yes");

    Result breaking =
        run(
            dir,
            "broker",
            "publish",
            pactDir("v2", "renamed").toString(),
            "-a",
            "web-2",
            "--branch",
            "main");
    assertThat(breaking.exit()).as(breaking.output()).isZero();
    Result failedVerification = verify("api-1");
    assertThat(failedVerification.exit()).as(failedVerification.output()).isNotZero();

    Result no =
        run(
            dir,
            "broker",
            "can-i-deploy",
            "-a",
            "Web",
            "-e",
            "web-2",
            "--to-environment",
            "production");
    assertThat(no.exit()).as(no.output()).isEqualTo(1);
    assertThat(no.output())
        .contains("Computer says no")
        .contains("The verification for the pact between Web (web-2) and Api (api-1) failed")
        // the reason names what broke, from the testResults the standard verifier published (the
        // CLI folds the lines)
        .containsPattern(
            "- Interaction \"get thing\" failed:\\s+body \\$\\.name: Expected 'x' \\(String\\) to be equal to 'renamed' \\(String\\)");
  }
}
