package dev.accord.cli.broker;

import dev.accord.broker.client.Environment;
import dev.accord.cli.AccordCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "list-environments",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {"Lists the broker's environments.", "", "  accord list-environments", ""})
public final class ListEnvironmentsCommand extends BrokerCommand {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "table|json",
      description = "table (default) or json")
  Outputs.Tabular output = Outputs.Tabular.table;

  @Override
  public Integer call() {
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
