package dev.accord.cli.broker;

import dev.accord.broker.client.PacticipantDetails;
import dev.accord.broker.client.SavedPacticipant;
import dev.accord.cli.AccordCommand;
import dev.accord.pact.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "create-or-update-pacticipant",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Creates an application (pacticipant) in the broker, or updates the given fields of an existing one.",
      "",
      "  accord create-or-update-pacticipant --name orders-service --main-branch main --repository-url https://github.com/acme/orders",
      ""
    })
public final class CreateOrUpdatePacticipantCommand extends BrokerCommand {

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "The application's name")
  String name;

  @Option(names = "--display-name", paramLabel = "DISPLAY_NAME", description = "A name for people")
  String displayName;

  @Option(
      names = "--main-branch",
      paramLabel = "BRANCH",
      description = "Its main branch (used by mainBranch selectors and can-i-merge)")
  String mainBranch;

  @Option(names = "--repository-url", paramLabel = "URL", description = "Its source repository")
  String repositoryUrl;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json",
      description = "text (default) or json")
  Outputs.Text output = Outputs.Text.text;

  @Override
  public Integer call() {
    SavedPacticipant saved =
        client()
            .createOrUpdatePacticipant(
                new PacticipantDetails(name, displayName, mainBranch, repositoryUrl));
    if (output == Outputs.Text.json) {
      out()
          .println(
              saved.json().isBlank()
                  ? "{}"
                  : Json.mapper()
                      .writerWithDefaultPrettyPrinter()
                      .writeValueAsString(Json.parse(saved.json())));
    } else {
      out()
          .println(
              "Pacticipant '"
                  + name
                  + "' "
                  + (saved.created() ? "created" : "updated")
                  + " successfully");
    }
    return AccordCommand.OK;
  }
}
