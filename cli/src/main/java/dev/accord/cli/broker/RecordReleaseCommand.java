package dev.accord.cli.broker;

import dev.accord.broker.client.Release;
import dev.accord.cli.AccordCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "record-release",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Records that a version is released to an environment (mobile apps, libraries: several can be supported at once).",
      "",
      "  accord record-release --pacticipant mobile-app --version 2.4.0 --environment production",
      ""
    })
public final class RecordReleaseCommand extends BrokerCommand {

  @Option(
      names = {"-a", "--pacticipant"},
      required = true,
      paramLabel = "PACTICIPANT",
      description = "The application released")
  String pacticipant;

  @Option(
      names = {"-e", "--version"},
      required = true,
      paramLabel = "VERSION",
      description = "The version released")
  String version;

  @Option(
      names = "--environment",
      required = true,
      paramLabel = "ENVIRONMENT",
      description = "The environment's name")
  String environment;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json",
      description = "text (default) or json")
  Outputs.Text output = Outputs.Text.text;

  @Override
  public Integer call() {
    Release r = client().recordRelease(pacticipant, version, environment);
    if (output == Outputs.Text.json) {
      out().println(Outputs.json(r));
    } else {
      out()
          .println(
              "Recorded release of "
                  + pacticipant
                  + " version "
                  + version
                  + " to "
                  + environment
                  + " environment in the Pact Broker.");
    }
    return AccordCommand.OK;
  }
}
