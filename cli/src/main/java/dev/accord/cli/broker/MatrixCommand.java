package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.each;
import static dev.accord.cli.internal.Options.flag;
import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.isSet;
import static dev.accord.cli.internal.Options.value;

import dev.accord.broker.client.CanIDeployQuery;
import dev.accord.broker.client.DeployDecision;
import dev.accord.broker.client.DeployDecision.Verdict;
import dev.accord.broker.client.MatrixRow;
import dev.accord.broker.client.MatrixSelector;
import dev.accord.broker.client.PactBrokerClient;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import dev.accord.pact.json.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * can-i-deploy and can-i-merge: selectors read in command-line order, polling, table or JSON, exit
 * codes. Their options are declared in code ({@link dev.accord.cli.internal.Options}).
 */
abstract class MatrixCommand extends BrokerCommand {

  enum Output {
    table,
    json
  }

  final List<MatrixSelector> selectors = new ArrayList<>();

  private Output output;
  private int retryWhileUnknown;
  private int retryInterval;
  private boolean dryRun;

  /**
   * The spec of {@code command}, named {@code name}: its description, the selector flags every
   * matrix command reads (--pacticipant, --version) and then those {@code command} adds through
   * {@link #selectorOptions()}, the output and retry flags last; the broker flags are added on
   * registration ({@link BrokerOptions#addTo}).
   */
  static CommandSpec spec(MatrixCommand command, String name, String... description) {
    CommandSpec spec = BrokerCommand.spec(command, name, description);
    spec.addOption(
        each(
                String.class,
                "PACTICIPANT",
                "An application to check; --version and the other selector flags that follow apply"
                    + " to it. Repeat for each application.",
                command::pacticipant,
                "-a",
                "--pacticipant")
            .build());
    spec.addOption(
        each(
                String.class,
                "VERSION",
                "The version of the --pacticipant before it",
                command::version,
                "-e",
                "--version")
            .build());
    command.selectorOptions().forEach(spec::addOption);
    spec.addOption(
        value(
                Output.class,
                "table|json",
                "table (default, for people) or json (the broker's matrix, for machines)",
                "-o",
                "--output")
            .build());
    spec.addOption(
        value(
                int.class,
                "TIMES",
                "Ask again up to TIMES times while the answer is unknown (verification results still"
                    + " missing)",
                "--retry-while-unknown")
            .build());
    spec.addOption(
        value(int.class, "SECONDS", "Seconds between retries (default 10)", "--retry-interval")
            .build());
    spec.addOption(
        flag(
            "Print the answer but always exit 0. Also enabled by PACT_BROKER_CAN_I_DEPLOY_DRY_RUN=true",
            "--dry-run"));
    Options.help(spec);
    return spec;
  }

  /** The selector flags this command reads besides --pacticipant and --version. */
  List<OptionSpec> selectorOptions() {
    return List.of();
  }

  void pacticipant(String name) {
    if (name != null) {
      selectors.add(MatrixSelector.of(name));
      afterPacticipant();
    }
  }

  void version(String version) {
    if (version != null) {
      applyVersion(version);
    }
  }

  void afterPacticipant() {}

  void applyVersion(String version) {
    replaceLast("--version " + version, s -> s.withVersion(version));
  }

  // picocli wraps exceptions thrown from option setters, so usage errors are kept until call()
  private String usageError;

  void replaceLast(String flag, java.util.function.UnaryOperator<MatrixSelector> change) {
    if (selectors.isEmpty()) {
      if (usageError == null) {
        usageError =
            flag
                + " must follow the --pacticipant it belongs to, e.g. --pacticipant orders-service "
                + flag;
      }
      return;
    }
    selectors.set(selectors.size() - 1, change.apply(selectors.get(selectors.size() - 1)));
  }

  abstract CanIDeployQuery query();

  @Override
  public Integer call() {
    Output chosen = get(spec, "--output");
    output = chosen == null ? Output.table : chosen;
    Integer retries = get(spec, "--retry-while-unknown");
    retryWhileUnknown = retries == null ? 0 : retries;
    Integer interval = get(spec, "--retry-interval");
    retryInterval = interval == null ? 10 : interval;
    dryRun = isSet(spec, "--dry-run");
    if (usageError != null) {
      throw new ParameterException(spec.commandLine(), usageError);
    }
    if (selectors.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "Missing --pacticipant, e.g. --pacticipant orders-service --version 1a2b3c");
    }
    boolean dry =
        dryRun
            || "true"
                .equalsIgnoreCase(root().environment().get("PACT_BROKER_CAN_I_DEPLOY_DRY_RUN"));
    CanIDeployQuery query = query();
    PactBrokerClient client = client();
    DeployDecision decision = client.canIDeploy(query);
    for (int retry = 1;
        decision.deployable() == Verdict.UNKNOWN && retry <= retryWhileUnknown;
        retry++) {
      err()
          .println(
              "Verification results are missing; asking again in "
                  + retryInterval
                  + " s (retry "
                  + retry
                  + " of "
                  + retryWhileUnknown
                  + ")");
      err().flush();
      try {
        root().sleeper().sleep(Duration.ofSeconds(retryInterval));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AccordCommand.CommandFailure(
            "Interrupted while waiting for verification results");
      }
      decision = client.canIDeploy(query);
    }
    if (output == Output.json) {
      out()
          .println(
              Json.mapper()
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(Json.parse(decision.json())));
    } else {
      printTable(decision);
    }
    if (dry) {
      err()
          .println(
              "Dry run: exiting 0 whatever the answer (it was "
                  + decision.deployable().name().toLowerCase()
                  + ").");
      return AccordCommand.OK;
    }
    return decision.deployable() == Verdict.YES ? AccordCommand.OK : AccordCommand.FAILURE;
  }

  private void printTable(DeployDecision decision) {
    PrintWriter out = out();
    List<String> resultUrls = new ArrayList<>();
    if (!decision.rows().isEmpty()) {
      Table table =
          new Table("CONSUMER", "C.VERSION", "PROVIDER", "P.VERSION", "SUCCESS?", "RESULT#");
      for (MatrixRow row : decision.rows()) {
        String resultNumber = "";
        if (row.verificationUrl().isPresent()) {
          resultUrls.add(
              row.verificationUrl().get()
                  + " ("
                  + (row.success().orElse(false) ? "success" : "failure")
                  + ")");
          resultNumber = String.valueOf(resultUrls.size());
        }
        String success = row.success().map(String::valueOf).orElse("???");
        table.row(
            row.consumer(),
            row.consumerVersion(),
            row.provider(),
            row.providerVersion().orElse("???"),
            row.ignored() ? success + " [ignored]" : success,
            resultNumber);
      }
      table.print(out);
      out.println();
    }
    if (!resultUrls.isEmpty()) {
      out.println("VERIFICATION RESULTS");
      out.println("--------------------");
      for (int i = 0; i < resultUrls.size(); i++) {
        out.println((i + 1) + ". " + resultUrls.get(i));
      }
      out.println();
    }
    if (!decision.notices().isEmpty()) {
      printNotices(decision.notices());
    } else if (!decision.reason().isBlank()) {
      out.println(decision.reason());
    }
    out.println();
    switch (decision.deployable()) {
      case YES -> out.println("✅ Computer says yes \\o/");
      case NO -> {
        out.println("❌ Computer says no ¯\\_(ツ)_/¯");
        out.println();
        boolean failedVerification =
            decision.rows().stream()
                .anyMatch(r -> !r.ignored() && r.success().equals(java.util.Optional.of(false)));
        out.println(
            failedVerification
                ? "What to do next: the reasons above name the interactions and fields that broke (the failed verification result"
                    + " above has every detail); fix the consumer's expectations or the provider, then publish and verify again."
                : "What to do next: the reasons above say what is missing; check the pacticipant names and version numbers"
                    + " (usually the git SHA) against what was published to the broker.");
      }
      case UNKNOWN -> {
        out.println("❌ Computer says no ¯\\_(ツ)_/¯ (unknown: a verification result is missing)");
        out.println();
        out.println(
            "What to do next: the reasons above name what is missing. Usually the provider has not verified this pact"
                + " yet, or published its result under another version. Check that the provider's CI verifies pacts from the broker with --publish and"
                + " --provider-version set to its git SHA, and that the versions in the target environment are recorded"
                + " with record-deployment. To wait for a verification that is running: --retry-while-unknown 30 --retry-interval 10.");
      }
    }
  }
}
