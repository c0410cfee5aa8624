package dev.accord.cli.broker;

import dev.accord.broker.client.PacticipantVersion;
import dev.accord.cli.AccordCommand;
import dev.accord.pact.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
    name = "describe-version",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Describes a version of an application: its branches and tags. Without --version, the latest version.",
      "",
      "  accord describe-version --pacticipant orders-service --version 1a2b3c",
      "  accord describe-version --pacticipant orders-service --latest prod",
      ""
    })
public final class DescribeVersionCommand extends BrokerCommand {

  @Option(
      names = {"-a", "--pacticipant"},
      required = true,
      paramLabel = "PACTICIPANT",
      description = "The application")
  String pacticipant;

  @Option(
      names = {"-e", "--version"},
      paramLabel = "VERSION",
      description = "The version number")
  String version;

  @Option(
      names = {"-l", "--latest"},
      arity = "0..1",
      paramLabel = "TAG",
      description = "The latest version; with TAG, the latest with that tag")
  String latest;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "table|json",
      description = "table (default) or json")
  Outputs.Tabular output = Outputs.Tabular.table;

  @Override
  public Integer call() {
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
