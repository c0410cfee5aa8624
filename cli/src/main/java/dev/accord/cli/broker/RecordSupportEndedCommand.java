package dev.accord.cli.broker;

import dev.accord.broker.client.Release;
import dev.accord.cli.AccordCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "record-support-ended",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Records that a released version is no longer supported in an environment.",
      "",
      "  accord record-support-ended --pacticipant mobile-app --version 2.3.0 --environment production",
      ""
    })
public final class RecordSupportEndedCommand extends BrokerCommand {

  @Option(
      names = {"-a", "--pacticipant"},
      required = true,
      paramLabel = "PACTICIPANT",
      description = "The application")
  String pacticipant;

  @Option(
      names = {"-e", "--version"},
      required = true,
      paramLabel = "VERSION",
      description = "The version no longer supported")
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
    Release r = client().recordSupportEnded(pacticipant, version, environment);
    if (output == Outputs.Text.json) {
      out().println(Outputs.json(r));
    } else {
      out()
          .println(
              "Recorded support ended for "
                  + pacticipant
                  + " version "
                  + version
                  + " in "
                  + environment
                  + " environment in the Pact Broker.");
    }
    return AccordCommand.OK;
  }
}
