package dev.accord.cli.broker;

import dev.accord.broker.client.Deployment;
import dev.accord.cli.AccordCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "record-undeployment",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Records that an application is no longer deployed to an environment (e.g. it was decommissioned).",
      "",
      "  accord record-undeployment --pacticipant orders-service --environment production",
      ""
    })
public final class RecordUndeploymentCommand extends BrokerCommand {

  @Option(
      names = {"-a", "--pacticipant"},
      required = true,
      paramLabel = "PACTICIPANT",
      description = "The application undeployed")
  String pacticipant;

  @Option(
      names = "--environment",
      required = true,
      paramLabel = "ENVIRONMENT",
      description = "The environment's name")
  String environment;

  @Option(
      names = {"--application-instance", "--target"},
      paramLabel = "INSTANCE",
      description = "The instance undeployed from")
  String applicationInstance;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json",
      description = "text (default) or json")
  Outputs.Text output = Outputs.Text.text;

  @Override
  public Integer call() {
    List<Deployment> undeployed =
        client().recordUndeployment(pacticipant, environment, applicationInstance);
    if (output == Outputs.Text.json) {
      out().println(Outputs.jsonArray(undeployed.stream().map(Outputs::json).toList()));
      return AccordCommand.OK;
    }
    for (Deployment d : undeployed) {
      out()
          .println(
              "Recorded undeployment of "
                  + pacticipant
                  + " version "
                  + d.version()
                  + " from "
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
