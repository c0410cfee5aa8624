package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.value;

import dev.accord.broker.client.PacticipantDetails;
import dev.accord.broker.client.SavedPacticipant;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import dev.accord.pact.json.Json;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord create-or-update-pacticipant}. */
public final class CreateOrUpdatePacticipantCommand extends BrokerCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new CreateOrUpdatePacticipantCommand(),
            "create-or-update-pacticipant",
            "Creates an application (pacticipant) in the broker, or updates the given fields of an existing one.",
            "",
            "  accord create-or-update-pacticipant --name orders-service --main-branch main --repository-url https://github.com/acme/orders",
            "");
    spec.addOption(
        value(String.class, "NAME", "The application's name", "--name").required(true).build());
    spec.addOption(
        value(String.class, "DISPLAY_NAME", "A name for people", "--display-name").build());
    spec.addOption(
        value(
                String.class,
                "BRANCH",
                "Its main branch (used by mainBranch selectors and can-i-merge)",
                "--main-branch")
            .build());
    spec.addOption(value(String.class, "URL", "Its source repository", "--repository-url").build());
    spec.addOption(outputOption(Outputs.Text.class, "text", "text|json", "text (default) or json"));
    Options.standardHelp(spec);
    return spec;
  }

  private CreateOrUpdatePacticipantCommand() {}

  @Override
  public Integer call() {
    String name = get(spec, "--name");
    Outputs.Text output = get(spec, "--output");
    SavedPacticipant saved =
        client()
            .createOrUpdatePacticipant(
                new PacticipantDetails(
                    name,
                    get(spec, "--display-name"),
                    get(spec, "--main-branch"),
                    get(spec, "--repository-url")));
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
