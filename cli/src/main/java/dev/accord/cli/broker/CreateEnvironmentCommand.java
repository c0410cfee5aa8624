package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.flag;
import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.isSet;
import static dev.accord.cli.internal.Options.value;

import dev.accord.broker.client.Environment;
import dev.accord.broker.client.NewEnvironment;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord create-environment}. */
public final class CreateEnvironmentCommand extends BrokerCommand {

  enum Output {
    text,
    json,
    id
  }

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new CreateEnvironmentCommand(),
            "create-environment",
            "Creates an environment that deployments and releases can be recorded to.",
            "",
            "  accord create-environment --name production --display-name Production --production",
            "");
    spec.addOption(
        value(String.class, "NAME", "The name, without spaces (e.g. uat)", "--name")
            .required(true)
            .build());
    spec.addOption(
        value(String.class, "DISPLAY_NAME", "A name for people", "--display-name").build());
    spec.addOption(flag("Marks it as a production environment", "--production"));
    spec.addOption(
        value(String.class, "NAME", "Who to contact about it", "--contact-name").build());
    spec.addOption(
        value(String.class, "EMAIL", "The contact's e-mail address", "--contact-email-address")
            .build());
    spec.addOption(
        outputOption(
            Output.class, "text", "text|json|id", "text (default), json, or id (the UUID only)"));
    Options.standardHelp(spec);
    return spec;
  }

  private CreateEnvironmentCommand() {}

  @Override
  public Integer call() {
    Output output = get(spec, "--output");
    Environment e =
        client()
            .createEnvironment(
                new NewEnvironment(
                    get(spec, "--name"),
                    get(spec, "--display-name"),
                    isSet(spec, "--production"),
                    get(spec, "--contact-name"),
                    get(spec, "--contact-email-address")));
    switch (output) {
      case id -> out().println(e.uuid());
      case json -> out().println(Outputs.json(e));
      default ->
          out()
              .println(
                  "Created " + e.name() + " environment in the Pact Broker with UUID " + e.uuid());
    }
    return AccordCommand.OK;
  }
}
