package dev.accord.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code accord} in-process with a given environment, capturing output and exit code. */
final class CliRun {
  record Result(int exitCode, String out, String err) {}

  final List<Duration> sleeps = new ArrayList<>();
  private final Map<String, String> env;
  private final Path workingDirectory;

  CliRun(Map<String, String> env, Path workingDirectory) {
    this.env = env;
    this.workingDirectory = workingDirectory;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        AccordCommand.run(
            new AccordCommand(env, workingDirectory, sleeps::add),
            new PrintWriter(out),
            new PrintWriter(err),
            args);
    return new Result(
        code,
        out.toString().replace(System.lineSeparator(), "\n"),
        err.toString().replace(System.lineSeparator(), "\n"));
  }
}
