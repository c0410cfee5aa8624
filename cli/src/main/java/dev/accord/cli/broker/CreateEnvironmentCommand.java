package dev.accord.cli.broker;

import dev.accord.broker.client.Environment;
import dev.accord.broker.client.NewEnvironment;
import dev.accord.cli.AccordCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "create-environment",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Creates an environment that deployments and releases can be recorded to.",
      "",
      "  accord create-environment --name production --display-name Production --production",
      ""
    })
public final class CreateEnvironmentCommand extends BrokerCommand {

  enum Output {
    text,
    json,
    id
  }

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "The name, without spaces (e.g. uat)")
  String name;

  @Option(names = "--display-name", paramLabel = "DISPLAY_NAME", description = "A name for people")
  String displayName;

  @Option(names = "--production", description = "Marks it as a production environment")
  boolean production;

  @Option(names = "--contact-name", paramLabel = "NAME", description = "Who to contact about it")
  String contactName;

  @Option(
      names = "--contact-email-address",
      paramLabel = "EMAIL",
      description = "The contact's e-mail address")
  String contactEmail;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json|id",
      description = "text (default), json, or id (the UUID only)")
  Output output = Output.text;

  @Override
  public Integer call() {
    Environment e =
        client()
            .createEnvironment(
                new NewEnvironment(name, displayName, production, contactName, contactEmail));
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
