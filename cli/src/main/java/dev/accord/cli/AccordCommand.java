package dev.accord.cli;

import dev.accord.broker.client.BrokerException;
import dev.accord.cli.broker.BrokerOptions;
import dev.accord.cli.broker.CanIDeployCommand;
import dev.accord.cli.broker.CanIMergeCommand;
import dev.accord.cli.broker.CreateEnvironmentCommand;
import dev.accord.cli.broker.CreateOrUpdatePacticipantCommand;
import dev.accord.cli.broker.CreateOrUpdateVersionCommand;
import dev.accord.cli.broker.CreateVersionTagCommand;
import dev.accord.cli.broker.DescribeVersionCommand;
import dev.accord.cli.broker.ListEnvironmentsCommand;
import dev.accord.cli.broker.PublishCommand;
import dev.accord.cli.broker.RecordDeploymentCommand;
import dev.accord.cli.broker.RecordReleaseCommand;
import dev.accord.cli.broker.RecordSupportEndedCommand;
import dev.accord.cli.broker.RecordUndeploymentCommand;
import dev.accord.cli.internal.Options;
import dev.accord.cli.openapi.CompareOpenApiCommand;
import dev.accord.cli.openapi.ExploreCommand;
import dev.accord.cli.openapi.VerifyOpenApiCommand;
import dev.accord.cli.stub.StubCommand;
import dev.accord.cli.verify.VerifyCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code accord} command: contract publishing, deploy gates and verification from a terminal or
 * a CI pipeline. Flags and environment variables follow the standard Pact CLI ({@code pact broker
 * ...}), so a pipeline switches by changing the command.
 *
 * <pre>
 * java -jar accord.jar publish target/pacts --consumer-app-version $(git rev-parse HEAD) --branch main
 * java -jar accord.jar can-i-deploy --pacticipant orders-service --version $(git rev-parse HEAD) --to-environment production
 * </pre>
 *
 * Exit codes: 0 success (can-i-deploy: yes), 1 failure (can-i-deploy: no or unknown), 2 usage
 * error.
 *
 * <p>Every command declares its options in code ({@link Options}), a {@code public static
 * CommandSpec spec()} per command registered in {@link #command(String)}: picocli reads no
 * annotation in a run that names a command.
 */
public final class AccordCommand implements Runnable {

  /** Exit code for success, and for can-i-deploy "yes". */
  public static final int OK = 0;

  /** Exit code for a failure, and for can-i-deploy "no" or "unknown". */
  public static final int FAILURE = 1;

  /** Exit code for a usage error (unknown flag, missing value). */
  public static final int USAGE = 2;

  /**
   * Every command's name, in the order {@code accord --help} lists them. A command line that names
   * one builds only that one (see {@link #commandLine(AccordCommand, String...)}): a run pays for
   * every class it loads.
   */
  static final List<String> NAMES =
      List.of(
          "publish",
          "verify",
          "stub",
          "compare-openapi",
          "verify-openapi",
          "explore",
          "can-i-deploy",
          "can-i-merge",
          "record-deployment",
          "record-undeployment",
          "record-release",
          "record-support-ended",
          "create-environment",
          "list-environments",
          "describe-version",
          "create-or-update-pacticipant",
          "create-or-update-version",
          "create-version-tag",
          "generate-completion");

  /**
   * The command named, or null for none. Every command but picocli's generate-completion declares
   * its options in code ({@link Options}); only the one named is built, so a run that names one
   * command loads no other command's class (a {@code java -jar verify} loaded 1,758 classes with a
   * map of class literals, 1,738 then).
   */
  static CommandSpec command(String name) {
    return switch (name) {
      case "publish" -> PublishCommand.spec();
      case "verify" -> VerifyCommand.spec();
      case "stub" -> StubCommand.spec();
      case "compare-openapi" -> CompareOpenApiCommand.spec();
      case "verify-openapi" -> VerifyOpenApiCommand.spec();
      case "explore" -> ExploreCommand.spec();
      case "can-i-deploy" -> CanIDeployCommand.spec();
      case "can-i-merge" -> CanIMergeCommand.spec();
      case "record-deployment" -> RecordDeploymentCommand.spec();
      case "record-undeployment" -> RecordUndeploymentCommand.spec();
      case "record-release" -> RecordReleaseCommand.spec();
      case "record-support-ended" -> RecordSupportEndedCommand.spec();
      case "create-environment" -> CreateEnvironmentCommand.spec();
      case "list-environments" -> ListEnvironmentsCommand.spec();
      case "describe-version" -> DescribeVersionCommand.spec();
      case "create-or-update-pacticipant" -> CreateOrUpdatePacticipantCommand.spec();
      case "create-or-update-version" -> CreateOrUpdateVersionCommand.spec();
      case "create-version-tag" -> CreateVersionTagCommand.spec();
      // picocli's own, annotated: read only for the completion script and the full listing
      case "generate-completion" ->
          CommandSpec.forAnnotatedObject(new AutoComplete.GenerateCompletion());
      default -> null;
    };
  }

  /** Every command by name, in the order {@code accord --help} lists them (builds them all). */
  static Map<String, CommandSpec> commands() {
    Map<String, CommandSpec> commands = new LinkedHashMap<>();
    for (String name : NAMES) {
      commands.put(name, command(name));
    }
    return Collections.unmodifiableMap(commands);
  }

  /** Waits between can-i-deploy polls; tests record the waits instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final Sleeper sleeper;

  private CommandSpec spec;

  /** The process environment and working directory, real sleeps. */
  public AccordCommand() {
    this(System.getenv(), Path.of("").toAbsolutePath(), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * @param environment the environment variables the commands read (PACT_BROKER_BASE_URL, CI
   *     variables ...)
   * @param workingDirectory where relative paths and git commands run
   * @param sleeper how to wait between polls
   */
  public AccordCommand(Map<String, String> environment, Path workingDirectory, Sleeper sleeper) {
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
    this.sleeper = sleeper;
  }

  private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
  private static final String DISABLE_CLOSURES = "picocli.disable.closures";
  private static final String INFLATION_THRESHOLD = "sun.reflect.inflationThreshold";

  public static void main(String[] args) {
    // no option is a java.sql or java.time type: picocli need not look up (load, reflect on) the
    // 17 converters it registers for them in every command line it builds
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, "java[.]sql[.].*,java[.]time[.].*");
    }
    // no annotation holds a Groovy closure: picocli need not look for groovy.lang.Closure, a class
    // lookup that misses and so opens the jar (16,000 entries, ~10 ms), which a run whose classes
    // all come from the launcher's class archive otherwise never does
    if (System.getProperty(DISABLE_CLOSURES) == null) {
      System.setProperty(DISABLE_CLOSURES, "true");
    }
    // Java 17's reflection writes and defines an accessor class for a constructor called more than
    // 15 times: picocli's annotations are proxies made through one constructor, once per option, so
    // every annotated verify and can-i-deploy spun one (1-4 ms); only picocli's generate-completion
    // is annotated now, read for the full listing and the script; Java 18+ ignores this property
    if (System.getProperty(INFLATION_THRESHOLD) == null) {
      System.setProperty(INFLATION_THRESHOLD, "1000");
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(new AccordCommand(), out, err, args));
  }

  /**
   * Runs one command line and returns its exit code; output goes to {@code out} and {@code err}.
   */
  public static int run(AccordCommand command, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(command, args);
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The configured picocli command line with every command (exit codes, error handling, repeatable
   * selector flags).
   */
  public static CommandLine commandLine(AccordCommand command) {
    return commandLine(command, new String[0]);
  }

  /**
   * The configured picocli command line for {@code args}: when the first argument names a command,
   * with that command only (what it parses and how it fails is the same, the other commands'
   * classes are not loaded); {@code accord --version} alone, with none; otherwise (no command,
   * {@code --help}, an unknown word, generate-completion) with every command, for the listing, the
   * closest-word suggestions and the completion script.
   */
  public static CommandLine commandLine(AccordCommand command, String... args) {
    CommandLine cli = new CommandLine(command.spec());
    // generate-completion writes a script for every command, so it needs them all
    CommandSpec named =
        args.length > 0 && !args[0].equals("generate-completion") ? command(args[0]) : null;
    if (named != null) {
      cli.addSubcommand(args[0], named);
    } else if (!isVersionRequest(args)) {
      commands().forEach(cli::addSubcommand);
    }
    cli.getSubcommands().values().forEach(BrokerOptions::addTo);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // can-i-deploy reads "--pacticipant A --version 1 --pacticipant B --latest" in order, through
    // setters
    for (String name : new String[] {"can-i-deploy", "can-i-merge"}) {
      CommandLine sub = cli.getSubcommands().get(name);
      if (sub != null) {
        sub.getCommandSpec().parser().overwrittenOptionsAllowed(true);
      }
    }
    // an unknown word is a usage error even beside --help, which would otherwise print help and
    // exit 0
    cli.setExecutionStrategy(
        parseResult -> {
          for (CommandLine.ParseResult level = parseResult;
              level != null;
              level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
              throw new CommandLine.UnmatchedArgumentException(
                  level.commandSpec().commandLine(), level.unmatched());
            }
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    cli.setParameterExceptionHandler(AccordCommand::usageError);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof BrokerException
              || ex instanceof IllegalArgumentException
              || ex instanceof IllegalStateException
              || ex instanceof CommandFailure) {
            err.println("Error: " + ex.getMessage());
          } else {
            err.println("Error: " + ex);
            ex.printStackTrace(err);
          }
          err.flush();
          return FAILURE;
        });
    return cli;
  }

  /** {@code accord --version} (or {@code -V}) and nothing else: no command need be built. */
  private static boolean isVersionRequest(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /**
   * A usage error: what was wrong, the closest known word for an unknown one, and where the usage
   * is; exit 2.
   */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    String path = commandLine.getCommandSpec().qualifiedName();
    // an unknown option explains a missing required one ("--pacticipnt web"): name the cause first
    List<String> unmatchedWords =
        ex instanceof CommandLine.UnmatchedArgumentException u
            ? u.getUnmatched()
            : commandLine.getUnmatchedArguments();
    if (!unmatchedWords.isEmpty()) {
      String word = unmatchedWords.get(0);
      List<String> suggestions =
          new CommandLine.UnmatchedArgumentException(commandLine, unmatchedWords).getSuggestions();
      boolean option = word.startsWith("-");
      boolean command =
          !option && commandLine.getParent() == null && !commandLine.getSubcommands().isEmpty();
      if (command) {
        err.println(
            "Unknown command '"
                + word
                + "'."
                + closest(" The closest known command: ", suggestions));
      } else if (option) {
        err.println(
            "Unknown option: '"
                + word
                + "' for "
                + path
                + "."
                + closest(" The closest known option: ", suggestions));
      } else {
        err.println("Unexpected argument '" + word + "' for " + path + ".");
      }
      err.println(
          command ? "accord --help lists the commands." : path + " --help lists its options.");
    } else {
      err.println(ex.getMessage());
      err.println(path + " --help lists its options.");
    }
    err.flush();
    return USAGE;
  }

  private static String closest(String lead, List<String> suggestions) {
    return suggestions.isEmpty() ? "" : lead + suggestions.get(0);
  }

  /** The root command: its name, description, help and version options; commands are added. */
  private CommandSpec spec() {
    spec = CommandSpec.wrapWithoutInspection(this).name("accord");
    spec.usageMessage().description("Consumer-driven contract testing, compatible with Pact.");
    Options.standardHelp(spec);
    return spec;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing a command: accord <command> ... (see accord --help)");
  }

  /** The environment variables commands read. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Where relative paths and git commands are resolved. */
  public Path workingDirectory() {
    return workingDirectory;
  }

  /** How to wait between polls. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** A command failure with a message for the user (exit code 1, no stack trace). */
  public static final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
      super(message);
    }
  }
}
