package dev.accord.cli.internal;

import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options declared in code, for the commands a pipeline calls most (the root command, {@code
 * verify}, {@code can-i-deploy} and the broker connection flags). picocli reads an annotated
 * command through reflection: the first annotation read in a process costs its proxy classes and
 * parsers, 40-65 ms of a one-call run, more than the rest of the parser; a command built from
 * {@link OptionSpec}s pays none of it. Usage, errors and parsing are picocli's either way.
 */
public final class Options {
  private Options() {}

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
   * mixinStandardHelpOptions} adds, with its texts.
   */
  public static void standardHelp(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
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

  /** The values of a repeatable option, in command-line order; empty when not given. */
  public static <T> List<T> list(CommandSpec spec, String name) {
    List<T> values = get(spec, name);
    return values == null ? List.of() : values;
  }
}
