package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.get;

import dev.accord.broker.client.Release;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord record-release}. */
public final class RecordReleaseCommand extends BrokerCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new RecordReleaseCommand(),
            "record-release",
            "Records that a version is released to an environment (mobile apps, libraries: several can be supported at once).",
            "",
            "  accord record-release --pacticipant mobile-app --version 2.4.0 --environment production",
            "");
    spec.addOption(pacticipantOption("The application released"));
    spec.addOption(versionOption("The version released").required(true).build());
    spec.addOption(environmentOption());
    spec.addOption(outputOption(Outputs.Text.class, "text", "text|json", "text (default) or json"));
    Options.help(spec);
    return spec;
  }

  private RecordReleaseCommand() {}

  @Override
  public Integer call() {
    String pacticipant = get(spec, "--pacticipant");
    String version = get(spec, "--version");
    String environment = get(spec, "--environment");
    Outputs.Text output = get(spec, "--output");
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
