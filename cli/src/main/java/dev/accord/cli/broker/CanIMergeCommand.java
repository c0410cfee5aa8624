package dev.accord.cli.broker;

import dev.accord.broker.client.CanIDeployQuery;
import dev.accord.cli.AccordCommand;
import picocli.CommandLine.Command;

@Command(
    name = "can-i-merge",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Checks whether a version is compatible with the latest main-branch version of every application it"
          + " integrates with: exit 0 for yes, 1 for no or unknown.",
      "",
      "  accord can-i-merge --pacticipant orders-service --version 1a2b3c",
      ""
    })
public final class CanIMergeCommand extends MatrixCommand {
  @Override
  CanIDeployQuery query() {
    return CanIDeployQuery.of(selectors).withMainBranch();
  }
}
