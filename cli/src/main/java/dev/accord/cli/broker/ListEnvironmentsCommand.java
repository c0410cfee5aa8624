package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.get;

import dev.accord.broker.client.Environment;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord list-environments}. */
public final class ListEnvironmentsCommand extends BrokerCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new ListEnvironmentsCommand(),
            "list-environments",
            "Lists the broker's environments.",
            "",
            "  accord list-environments",
            "");
    spec.addOption(
        outputOption(Outputs.Tabular.class, "table", "table|json", "table (default) or json"));
    Options.standardHelp(spec);
    return spec;
  }

  private ListEnvironmentsCommand() {}

  @Override
  public Integer call() {
    Outputs.Tabular output = get(spec, "--output");
    List<Environment> environments = client().environments();
    if (output == Outputs.Tabular.json) {
      out().println(Outputs.jsonArray(environments.stream().map(Outputs::json).toList()));
      return AccordCommand.OK;
    }
    Table table = new Table("UUID", "NAME", "DISPLAY NAME", "PRODUCTION");
    for (Environment e : environments) {
      table.row(e.uuid(), e.name(), e.displayName(), String.valueOf(e.production()));
    }
    table.print(out());
    return AccordCommand.OK;
  }
}
