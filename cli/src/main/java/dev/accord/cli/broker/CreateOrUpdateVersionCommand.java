package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.list;
import static dev.accord.cli.internal.Options.value;

import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import dev.accord.pact.json.Json;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord create-or-update-version}. */
public final class CreateOrUpdateVersionCommand extends BrokerCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new CreateOrUpdateVersionCommand(),
            "create-or-update-version",
            "Creates a version of an application if needed and records its branch and tags.",
            "",
            "  accord create-or-update-version --pacticipant products-service --version 9f8e7d --branch main",
            "");
    spec.addOption(pacticipantOption("The application"));
    spec.addOption(versionOption("The version").required(true).build());
    spec.addOption(value(String.class, "BRANCH", "The version's branch", "--branch").build());
    spec.addOption(tagsOption("Tags (comma-separated or repeated)"));
    spec.addOption(outputOption(Outputs.Text.class, "text", "text|json", "text (default) or json"));
    Options.help(spec);
    return spec;
  }

  private CreateOrUpdateVersionCommand() {}

  @Override
  public Integer call() {
    String pacticipant = get(spec, "--pacticipant");
    String version = get(spec, "--version");
    String branch = get(spec, "--branch");
    List<String> tags = list(spec, "--tag");
    Outputs.Text output = get(spec, "--output");
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
