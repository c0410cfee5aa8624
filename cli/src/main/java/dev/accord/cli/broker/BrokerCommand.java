package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.repeatableBuilder;
import static dev.accord.cli.internal.Options.value;

import dev.accord.broker.client.Notice;
import dev.accord.broker.client.PactBrokerClient;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every broker command shares: connection flags, output streams, the root command's context,
 * and the options several commands declare alike ({@code --pacticipant}, {@code --version}, ...).
 * Each command declares its options in code, in a {@code public static CommandSpec spec()}.
 */
abstract class BrokerCommand implements Callable<Integer> {

  /** The connection flags; {@link BrokerOptions#addTo} adds them to the command's spec. */
  final BrokerOptions broker = new BrokerOptions();

  /** This command's spec, set by {@link #spec(BrokerCommand, String, String...)}. */
  CommandSpec spec;

  /**
   * The spec of {@code command}, named {@code name}; the command adds its options, then its help
   * options. The broker flags are added on registration ({@link BrokerOptions#addTo}).
   */
  static CommandSpec spec(BrokerCommand command, String name, String... description) {
    CommandSpec spec = Options.command(command, name, description);
    command.spec = spec;
    return spec;
  }

  /** {@code -a, --pacticipant}, required. */
  static OptionSpec pacticipantOption(String description) {
    return value(String.class, "PACTICIPANT", description, "-a", "--pacticipant")
        .required(true)
        .build();
  }

  /** {@code -e, --version}, a pacticipant's version. */
  static OptionSpec.Builder versionOption(String description) {
    return value(String.class, "VERSION", description, "-e", "--version");
  }

  /** {@code --environment}, required. */
  static OptionSpec environmentOption() {
    return value(String.class, "ENVIRONMENT", "The environment's name", "--environment")
        .required(true)
        .build();
  }

  /** {@code --application-instance} (or {@code --target}). */
  static OptionSpec applicationInstanceOption(String description) {
    return value(String.class, "INSTANCE", description, "--application-instance", "--target")
        .build();
  }

  /** {@code -t, --tag}, comma-separated or repeated. */
  static OptionSpec tagsOption(String description) {
    return repeatableBuilder(String.class, "TAG", description, "-t", "--tag")
        .splitRegex(",")
        .build();
  }

  /** {@code -o, --output}, one of {@code type}'s constants, {@code defaultValue} when not given. */
  static OptionSpec outputOption(
      Class<? extends Enum<?>> type, String defaultValue, String label, String description) {
    return value(type, label, description, "-o", "--output").defaultValue(defaultValue).build();
  }

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
