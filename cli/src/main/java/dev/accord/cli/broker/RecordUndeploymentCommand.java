package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.get;

import dev.accord.broker.client.Deployment;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord record-undeployment}. */
public final class RecordUndeploymentCommand extends BrokerCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new RecordUndeploymentCommand(),
            "record-undeployment",
            "Records that an application is no longer deployed to an environment (e.g. it was decommissioned).",
            "",
            "  accord record-undeployment --pacticipant orders-service --environment production",
            "");
    spec.addOption(pacticipantOption("The application undeployed"));
    spec.addOption(environmentOption());
    spec.addOption(applicationInstanceOption("The instance undeployed from"));
    spec.addOption(outputOption(Outputs.Text.class, "text", "text|json", "text (default) or json"));
    Options.standardHelp(spec);
    return spec;
  }

  private RecordUndeploymentCommand() {}

  @Override
  public Integer call() {
    String pacticipant = get(spec, "--pacticipant");
    String environment = get(spec, "--environment");
    String applicationInstance = get(spec, "--application-instance");
    Outputs.Text output = get(spec, "--output");
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
