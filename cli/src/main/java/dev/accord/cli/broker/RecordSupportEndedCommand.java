package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.get;

import dev.accord.broker.client.Release;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord record-support-ended}. */
public final class RecordSupportEndedCommand extends BrokerCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new RecordSupportEndedCommand(),
            "record-support-ended",
            "Records that a released version is no longer supported in an environment.",
            "",
            "  accord record-support-ended --pacticipant mobile-app --version 2.3.0 --environment production",
            "");
    spec.addOption(pacticipantOption("The application"));
    spec.addOption(versionOption("The version no longer supported").required(true).build());
    spec.addOption(environmentOption());
    spec.addOption(outputOption(Outputs.Text.class, "text", "text|json", "text (default) or json"));
    Options.help(spec);
    return spec;
  }

  private RecordSupportEndedCommand() {}

  @Override
  public Integer call() {
    String pacticipant = get(spec, "--pacticipant");
    String version = get(spec, "--version");
    String environment = get(spec, "--environment");
    Outputs.Text output = get(spec, "--output");
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
