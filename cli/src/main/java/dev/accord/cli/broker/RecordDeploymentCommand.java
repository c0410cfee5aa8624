package dev.accord.cli.broker;

import dev.accord.broker.client.Deployment;
import dev.accord.cli.AccordCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "record-deployment",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Records that a version is now deployed to an environment (replacing the version deployed there before).",
      "",
      "  accord record-deployment --pacticipant orders-service --version 1a2b3c --environment production",
      ""
    })
public final class RecordDeploymentCommand extends BrokerCommand {

  @Option(
      names = {"-a", "--pacticipant"},
      required = true,
      paramLabel = "PACTICIPANT",
      description = "The application deployed")
  String pacticipant;

  @Option(
      names = {"-e", "--version"},
      required = true,
      paramLabel = "VERSION",
      description = "The version deployed")
  String version;

  @Option(
      names = "--environment",
      required = true,
      paramLabel = "ENVIRONMENT",
      description = "The environment's name")
  String environment;

  @Option(
      names = {"--application-instance", "--target"},
      paramLabel = "INSTANCE",
      description =
          "The instance deployed to (blue/green, a region ...), when several versions run side by side")
  String applicationInstance;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json",
      description = "text (default) or json")
  Outputs.Text output = Outputs.Text.text;

  @Override
  public Integer call() {
    Deployment d =
        client().recordDeployment(pacticipant, version, environment, applicationInstance);
    if (output == Outputs.Text.json) {
      out().println(Outputs.json(d));
    } else {
      out()
          .println(
              "Recorded deployment of "
                  + pacticipant
                  + " version "
                  + version
                  + " to "
                  + environment
                  + " environment"
                  + (applicationInstance == null
                      ? ""
                      : " (application instance " + applicationInstance + ")")
                  + " in the Pact Broker.");
    }
    return AccordCommand.OK;
  }
}
