package dev.accord.cli.internal;

import java.nio.file.Path;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options {@code verify}, {@code verify-openapi} and {@code explore} share, one declaration
 * each so that their names and texts stay the same in every command.
 */
public final class ProviderRunOptions {
  private ProviderRunOptions() {}

  /** {@code --header 'Name: value'} (also {@code --custom-header}), repeatable. */
  public static OptionSpec header() {
    return Options.repeatable(
        String.class,
        "'NAME: VALUE'",
        "Add (or replace) a header on every request to the provider (repeatable).",
        "--header",
        "--custom-header");
  }

  /** {@code --report-dir DIR}, default {@code accord-reports}. */
  public static OptionSpec reportDir() {
    return Options.value(
            Path.class, "DIR", "Where reports go (default ${DEFAULT-VALUE}).", "--report-dir")
        .defaultValue("accord-reports")
        .build();
  }

  /** {@code --seed N} for the generated values of a run. */
  public static OptionSpec seed() {
    return Options.value(
            Long.class, "N", "Seed for generated values, to replay a run exactly.", "--seed")
        .build();
  }

  /** {@code --no-state-change-teardown}. */
  public static OptionSpec noStateChangeTeardown() {
    return Options.flag(
        "Send no teardown calls to the state-change URL.", "--no-state-change-teardown");
  }
}
