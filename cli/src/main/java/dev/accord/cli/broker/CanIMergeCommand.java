package dev.accord.cli.broker;

import dev.accord.broker.client.CanIDeployQuery;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord can-i-merge}; its options are declared in code ({@link MatrixCommand}). */
public final class CanIMergeCommand extends MatrixCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    return spec(
        new CanIMergeCommand(),
        "can-i-merge",
        "Checks whether a version is compatible with the latest main-branch version of every"
            + " application it integrates with: exit 0 for yes, 1 for no or unknown.",
        "",
        "  accord can-i-merge --pacticipant orders-service --version 1a2b3c",
        "");
  }

  private CanIMergeCommand() {}

  @Override
  CanIDeployQuery query() {
    return CanIDeployQuery.of(selectors).withMainBranch();
  }
}
