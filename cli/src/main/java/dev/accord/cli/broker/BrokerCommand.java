package dev.accord.cli.broker;

import dev.accord.broker.client.Notice;
import dev.accord.broker.client.PactBrokerClient;
import dev.accord.cli.AccordCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every broker command shares: connection flags, output streams, the root command's context.
 */
abstract class BrokerCommand implements Callable<Integer> {

  /** The connection flags; {@link BrokerOptions#addTo} adds them to the command's spec. */
  final BrokerOptions broker = new BrokerOptions();

  @Spec CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  AccordCommand root() {
    return (AccordCommand) spec.root().userObject();
  }

  PactBrokerClient client() {
    return broker.client(root().environment(), err());
  }

  void printNotices(List<Notice> notices) {
    for (Notice n : notices) {
      out().println(prefix(n.type()) + n.text());
    }
  }

  private static String prefix(String type) {
    return switch (type == null ? "" : type) {
      case "error", "danger" -> "[error] ";
      case "warning", "warn" -> "[warning] ";
      default -> "";
    };
  }
}
