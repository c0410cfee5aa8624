package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GIVEN a mistyped command or option in a pipeline, WHEN accord runs it, THEN it exits 2 naming
 * what it does not know and the closest known word, never printing help and passing with 0.
 */
class UnknownArgumentsTest {
  @TempDir Path dir;

  private CliRun.Result run(String... args) {
    return new CliRun(Map.of("PACT_BROKER_BASE_URL", "http://127.0.0.1:9"), dir).run(args);
  }

  @Test
  void anUnknownCommandWithHelpIsAUsageErrorNotTheTopLevelHelp() {
    CliRun.Result result = run("verfy", "--help");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "Unknown command 'verfy'. The closest known command: verify\n"
                + "accord --help lists the commands.\n");
  }

  @Test
  void aMistypedCommandNamesTheClosestOne() {
    CliRun.Result result = run("can-i-deplooy", "--pacticipant", "web");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("Unknown command 'can-i-deplooy'. The closest known command: can-i-deploy\n");
  }

  @Test
  void aMistypedOptionNamesTheClosestOneForEveryCommand() {
    for (String command :
        new String[] {"can-i-deploy", "publish", "verify", "stub", "record-deployment"}) {
      CliRun.Result result = run(command, "--pacticipnt", "web", "--help");

      assertThat(result.exitCode()).as(command + result.err()).isEqualTo(2);
      assertThat(result.err()).as(command).startsWith("Unknown option: '--pacticipnt'");
    }
    CliRun.Result result = run("can-i-deploy", "--pacticipnt", "orders-service");
    assertThat(result.err())
        .isEqualTo(
            "Unknown option: '--pacticipnt' for accord can-i-deploy. The closest known option:"
                + " --pacticipant\naccord can-i-deploy --help lists its options.\n");
  }

  @Test
  void helpOfAKnownCommandStillExits0() {
    CliRun.Result result = run("can-i-deploy", "--help");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Usage: accord can-i-deploy");
  }
}
