package dev.accord.cli.broker;

import dev.accord.cli.AccordCommand;
import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "create-or-update-version",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Creates a version of an application if needed and records its branch and tags.",
      "",
      "  accord create-or-update-version --pacticipant products-service --version 9f8e7d --branch main",
      ""
    })
public final class CreateOrUpdateVersionCommand extends BrokerCommand {

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
      description = "The version")
  String version;

  @Option(names = "--branch", paramLabel = "BRANCH", description = "The version's branch")
  String branch;

  @Option(
      names = {"-t", "--tag"},
      paramLabel = "TAG",
      split = ",",
      description = "Tags (comma-separated or repeated)")
  List<String> tags = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json",
      description = "text (default) or json")
  Outputs.Text output = Outputs.Text.text;

  @Override
  public Integer call() {
    client().createOrUpdateVersion(pacticipant, version, branch, tags);
    if (output == Outputs.Text.json) {
      var node = Json.mapper().createObjectNode();
      node.put("pacticipant", pacticipant).put("version", version).put("branch", branch);
      var t = node.putArray("tags");
      tags.forEach(t::add);
      out().println(Json.write(node));
    } else {
      out()
          .println(
              "Created or updated "
                  + pacticipant
                  + " version "
                  + version
                  + (branch == null ? "" : " on branch " + branch)
                  + (tags.isEmpty() ? "" : " with tags " + String.join(", ", tags)));
    }
    return AccordCommand.OK;
  }
}
