package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.get;

import dev.accord.broker.client.Deployment;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord record-deployment}. */
public final class RecordDeploymentCommand extends BrokerCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new RecordDeploymentCommand(),
            "record-deployment",
            "Records that a version is now deployed to an environment (replacing the version deployed there before).",
            "",
            "  accord record-deployment --pacticipant orders-service --version 1a2b3c --environment production",
            "");
    spec.addOption(pacticipantOption("The application deployed"));
    spec.addOption(versionOption("The version deployed").required(true).build());
    spec.addOption(environmentOption());
    spec.addOption(
        applicationInstanceOption(
            "The instance deployed to (blue/green, a region ...), when several versions run side by side"));
    spec.addOption(outputOption(Outputs.Text.class, "text", "text|json", "text (default) or json"));
    Options.help(spec);
    return spec;
  }

  private RecordDeploymentCommand() {}

  @Override
  public Integer call() {
    String pacticipant = get(spec, "--pacticipant");
    String version = get(spec, "--version");
    String environment = get(spec, "--environment");
    String applicationInstance = get(spec, "--application-instance");
    Deployment d =
        client().recordDeployment(pacticipant, version, environment, applicationInstance);
    Outputs.Text output = get(spec, "--output");
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
