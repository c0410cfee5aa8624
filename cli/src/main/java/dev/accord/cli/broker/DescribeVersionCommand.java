package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.value;

import dev.accord.broker.client.PacticipantVersion;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import dev.accord.pact.json.Json;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code accord describe-version}. */
public final class DescribeVersionCommand extends BrokerCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new DescribeVersionCommand(),
            "describe-version",
            "Describes a version of an application: its branches and tags. Without --version, the latest version.",
            "",
            "  accord describe-version --pacticipant orders-service --version 1a2b3c",
            "  accord describe-version --pacticipant orders-service --latest prod",
            "");
    spec.addOption(pacticipantOption("The application"));
    spec.addOption(versionOption("The version number").build());
    spec.addOption(
        value(
                String.class,
                "TAG",
                "The latest version; with TAG, the latest with that tag",
                "-l",
                "--latest")
            .arity("0..1")
            .build());
    spec.addOption(
        outputOption(Outputs.Tabular.class, "table", "table|json", "table (default) or json"));
    Options.help(spec);
    return spec;
  }

  private DescribeVersionCommand() {}

  @Override
  public Integer call() {
    String pacticipant = get(spec, "--pacticipant");
    String version = get(spec, "--version");
    String latest = get(spec, "--latest");
    Outputs.Tabular output = get(spec, "--output");
    if (version != null && latest != null) {
      throw new ParameterException(
          spec.commandLine(), "Use either --version or --latest, not both");
    }
    String tag = latest == null || latest.isEmpty() ? null : latest;
    PacticipantVersion v;
    try {
      v = client().describeVersion(pacticipant, version, tag);
    } catch (dev.accord.broker.client.BrokerException e) {
      if (e.isNotFound()) {
        throw new AccordCommand.CommandFailure(
            "Pacticipant version not found: "
                + pacticipant
                + (version != null
                    ? " version " + version
                    : tag != null ? " latest with tag " + tag : " latest version")
                + " (GET "
                + e.url()
                + " answered 404)");
      }
      throw e;
    }
    if (output == Outputs.Tabular.json) {
      out()
          .println(
              Json.mapper()
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(Json.parse(v.json())));
      return AccordCommand.OK;
    }
    new Table("NAME", "VERSION", "BRANCHES", "TAGS")
        .row(pacticipant, v.number(), String.join(", ", v.branches()), String.join(", ", v.tags()))
        .print(out());
    return AccordCommand.OK;
  }
}
