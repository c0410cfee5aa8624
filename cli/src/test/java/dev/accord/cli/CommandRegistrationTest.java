package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.broker.client.PactBrokerClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * GIVEN a command line that names a command, WHEN accord builds its parser, THEN only that command
 * is built (a one-call run loads no other command's classes); without one, every command is there
 * for the help and suggestions.
 */
class CommandRegistrationTest {
  @TempDir Path dir;

  private static AccordCommand root() {
    return new AccordCommand(Map.of(), Path.of("."), d -> {});
  }

  @Test
  void everyCommandIsDeclaredInCodeUnderTheNameItIsRegisteredWith() {
    AccordCommand.commands()
        .forEach(
            (name, spec) -> {
              assertThat(spec.name()).isEqualTo(name);
              // picocli's own completion command is the one annotated command left
              assertThat(spec.userObject().getClass().isAnnotationPresent(Command.class))
                  .as(name + " is annotated")
                  .isEqualTo(name.equals("generate-completion"));
            });
  }

  @Test
  void everyCommandWithoutAVersionOfItsOwnPrintsAccordsVersionForDashV() {
    // GIVEN the commands whose -e, --version is a pacticipant's version take no -V
    List<String> pacticipantVersion =
        List.of(
            "can-i-deploy",
            "can-i-merge",
            "record-deployment",
            "record-release",
            "record-support-ended",
            "describe-version",
            "create-or-update-version",
            "create-version-tag");
    for (String name : AccordCommand.NAMES) {
      if (name.equals("generate-completion")) {
        continue;
      }
      // WHEN -V is given
      CliRun.Result result = new CliRun(Map.of(), dir).run(name, "-V");

      // THEN it prints accord's version, or is an unknown option
      if (pacticipantVersion.contains(name)) {
        assertThat(result.exitCode()).as(name).isEqualTo(2);
        assertThat(result.err()).as(name).startsWith("Unknown option: '-V'");
      } else {
        assertThat(result.exitCode()).as(name + result.err()).isZero();
        assertThat(result.out()).as(name).isEqualTo("accord " + PactBrokerClient.VERSION + "\n");
      }
    }
  }

  @Test
  void noOptionOrParameterIsOfATypeWhoseConverterMainLeavesOut() {
    // main() tells picocli not to register its java.sql and java.time converters (start-up time)
    CommandLine cli = AccordCommand.commandLine(root(), "--help");
    java.util.List<String> offending = new java.util.ArrayList<>();
    for (CommandLine sub : cli.getSubcommands().values()) {
      for (CommandLine.Model.ArgSpec arg : sub.getCommandSpec().args()) {
        java.util.List<Class<?>> types = new java.util.ArrayList<>(java.util.List.of(arg.type()));
        types.addAll(java.util.List.of(arg.auxiliaryTypes()));
        for (Class<?> type : types) {
          String name = type.getName();
          if (name.startsWith("java.sql.") || name.startsWith("java.time.")) {
            offending.add(sub.getCommandName() + " " + arg + ": " + name);
          }
        }
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void aCommandLineNamingACommandBuildsThatCommandOnly() {
    CommandLine cli =
        AccordCommand.commandLine(root(), "can-i-deploy", "--pacticipant", "web", "--version", "1");

    assertThat(cli.getSubcommands()).containsOnlyKeys("can-i-deploy");
    assertThat(
            cli.getSubcommands()
                .get("can-i-deploy")
                .getCommandSpec()
                .parser()
                .overwrittenOptionsAllowed())
        .isTrue();
  }

  @Test
  void withoutACommandEveryCommandIsListedInOrder() {
    CommandLine cli = AccordCommand.commandLine(root(), "--help");

    assertThat(cli.getSubcommands().keySet()).containsExactlyElementsOf(AccordCommand.NAMES);
    CliRun.Result help = new CliRun(Map.of(), dir).run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("  publish ", "  can-i-deploy ", "  create-version-tag ");
  }

  @Test
  void aCommandsOwnHelpIsTheSameWhetherBuiltAloneOrWithTheOthers() {
    String alone = new CliRun(Map.of(), dir).run("record-deployment", "--help").out();
    String all =
        AccordCommand.commandLine(root())
            .getSubcommands()
            .get("record-deployment")
            .getUsageMessage();

    assertThat(alone).isEqualTo(all.replace(System.lineSeparator(), "\n"));
  }

  @Test
  void aVersionRequestAloneBuildsNoCommandAndPrintsTheVersion() {
    assertThat(AccordCommand.commandLine(root(), "--version").getSubcommands()).isEmpty();
    assertThat(AccordCommand.commandLine(root(), "-V").getSubcommands()).isEmpty();
    // beside anything else, the usual rules apply (an unknown word still gets its suggestions)
    assertThat(AccordCommand.commandLine(root(), "--version", "verfy").getSubcommands())
        .hasSize(AccordCommand.NAMES.size());

    CliRun.Result version = new CliRun(Map.of(), dir).run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).matches("accord \\S+\\R");
  }
}
