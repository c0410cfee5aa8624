package dev.accord.cli.internal;

import dev.accord.broker.client.PactBrokerClient;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Commands, options and positional parameters declared in code: every {@code accord} command is
 * built this way ({@code public static CommandSpec spec()} per command). picocli reads an annotated
 * command through reflection: the first annotation read in a process costs its proxy classes and
 * parsers, 40-65 ms of a one-call run, more than the rest of the parser; a command built from
 * {@link OptionSpec}s pays none of it. Usage, errors and parsing are picocli's either way.
 *
 * <pre>
 * CommandSpec spec = Options.command(new StubCommand(), "stub", "Serve pacts as a stub provider.");
 * spec.addOption(value(int.class, "PORT", "Port (default ${DEFAULT-VALUE}).", "--port")
 *     .defaultValue("8080").build());
 * Options.standardHelp(spec);
 * ...
 * int port = Options.get(spec, "--port");
 * </pre>
 */
public final class Options {
  private Options() {}

  /**
   * The spec of the command {@code userObject} (a {@code Callable} or {@code Runnable}), named
   * {@code name}: its options are listed in the order they are added, after the description's
   * lines.
   */
  public static CommandSpec command(Object userObject, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject).name(name);
    spec.usageMessage().sortOptions(false).description(description);
    return spec;
  }

  /** A flag without a value ({@code --fail-fast}). */
  public static OptionSpec flag(String description, String... names) {
    return flagBuilder(description, names).build();
  }

  /** A flag without a value, to set more of it ({@code order}, ...). */
  public static OptionSpec.Builder flagBuilder(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).description(description);
  }

  /** An option with one value of {@code type}. */
  public static OptionSpec.Builder value(
      Class<?> type, String label, String description, String... names) {
    return OptionSpec.builder(names).type(type).paramLabel(label).description(description);
  }

  /** A repeatable option whose values are kept in order ({@code --pact-file a --pact-file b}). */
  public static OptionSpec repeatable(
      Class<?> type, String label, String description, String... names) {
    return repeatableBuilder(type, label, description, names).build();
  }

  /** A repeatable option, to set more of it ({@code order}, ...). */
  public static OptionSpec.Builder repeatableBuilder(
      Class<?> type, String label, String description, String... names) {
    return OptionSpec.builder(names)
        .type(List.class)
        .auxiliaryTypes(type)
        .paramLabel(label)
        .description(description);
  }

  /**
   * A required positional parameter with one value; {@code index("0")} to place it. Required as
   * picocli makes an annotated one of arity 1 (a builder's parameter is optional by default).
   */
  public static PositionalParamSpec.Builder parameter(
      Class<?> type, String label, String description) {
    return PositionalParamSpec.builder()
        .type(type)
        .paramLabel(label)
        .description(description)
        .required(true);
  }

  /** One or more positional parameters, in order ({@code publish a.json b.json}). */
  public static PositionalParamSpec.Builder parameters(
      Class<?> type, String label, String description) {
    return PositionalParamSpec.builder()
        .type(List.class)
        .auxiliaryTypes(type)
        .paramLabel(label)
        .description(description)
        .arity("1..*")
        .required(true);
  }

  /**
   * An option whose every occurrence is handed to {@code action} as picocli reads it, in
   * command-line order ({@code --pacticipant a --version 1 --pacticipant b}); {@code action} also
   * sees null when picocli resets the option before a parse.
   */
  public static <T> OptionSpec.Builder each(
      Class<T> type, String label, String description, Consumer<T> action, String... names) {
    return OptionSpec.builder(names)
        .type(type)
        .paramLabel(label)
        .description(description)
        .setter(handing(action));
  }

  /** A flag whose every occurrence is handed to {@code action}, as {@link #each} does. */
  public static OptionSpec.Builder eachFlag(
      String description, Consumer<Boolean> action, String... names) {
    return flagBuilder(description, names).setter(handing(action));
  }

  private static <T> ISetter handing(Consumer<T> action) {
    return new ISetter() {
      @Override
      @SuppressWarnings("unchecked")
      public <V> V set(V value) {
        action.accept((T) value);
        return null;
      }
    };
  }

  /**
   * {@code -h, --help} and {@code -V, --version}, the pair picocli's {@code
   * mixinStandardHelpOptions} adds, with its texts; {@code -V} prints accord's version.
   */
  public static void standardHelp(CommandSpec spec) {
    spec.versionProvider(new Version());
    help(spec);
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
  }

  /**
   * {@code -h, --help} only, for a command whose own {@code -e, --version} (a pacticipant's) takes
   * the place of the pair's {@code --version}, as picocli's {@code mixinStandardHelpOptions} leaves
   * it then.
   */
  public static void help(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
  }

  /** The parsed value of the option named {@code name}: its default or null when not given. */
  @SuppressWarnings("unchecked")
  public static <T> T get(CommandSpec spec, String name) {
    return (T) spec.findOption(name).getValue();
  }

  /** Whether the flag named {@code name} was given. */
  public static boolean isSet(CommandSpec spec, String name) {
    Boolean value = get(spec, name);
    return value != null && value;
  }

  /** The parsed value of the positional parameter at {@code index} (0 the first declared). */
  @SuppressWarnings("unchecked")
  public static <T> T positional(CommandSpec spec, int index) {
    return (T) spec.positionalParameters().get(index).getValue();
  }

  /** The values of a repeatable option, in command-line order; empty when not given. */
  public static <T> List<T> list(CommandSpec spec, String name) {
    List<T> values = get(spec, name);
    return values == null ? List.of() : values;
  }

  /** {@code accord --version}, {@code accord <command> -V}. */
  private static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"accord " + PactBrokerClient.VERSION};
    }
  }
}
