package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.each;
import static dev.accord.cli.internal.Options.eachFlag;

import dev.accord.broker.client.CanIDeployQuery;
import dev.accord.broker.client.MatrixSelector;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** {@code accord can-i-deploy}; its options are declared in code ({@link #spec()}). */
public final class CanIDeployCommand extends MatrixCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    return spec(
        new CanIDeployCommand(),
        "can-i-deploy",
        "Checks whether the given application versions are compatible with the versions they will"
            + " meet: exit 0 for yes, 1 for no or unknown (a verification result is missing).",
        "",
        "  accord can-i-deploy --pacticipant orders-service --version 1a2b3c --to-environment"
            + " production",
        "  accord can-i-deploy --pacticipant orders-service --version 1a2b3c --pacticipant"
            + " products-service --latest main",
        "");
  }

  private CanIDeployCommand() {}

  @Override
  List<OptionSpec> selectorOptions() {
    return List.of(
        each(
                String.class,
                "TAG",
                "The latest version of the --pacticipant before it; with TAG, the latest version"
                    + " with that tag",
                this::latest,
                "-l",
                "--latest")
            .arity("0..1")
            .build(),
        each(
                String.class,
                "TAG",
                "Versions with this tag, of the --pacticipant before it",
                this::tag,
                "--tag")
            .build(),
        each(
                String.class,
                "BRANCH",
                "Versions on this branch (with --latest: its head), of the --pacticipant before it",
                this::branch,
                "--branch")
            .build(),
        eachFlag(
                "Versions of the main branch of the --pacticipant before it",
                this::mainBranch,
                "--main-branch")
            .build(),
        each(
                String.class,
                "PACTICIPANT",
                "Leave this application out of the verdict; a --version after it ignores only that"
                    + " version. Also PACT_BROKER_CAN_I_DEPLOY_IGNORE (comma-separated names)",
                this::ignore,
                "--ignore")
            .build(),
        each(
                String.class,
                "ENVIRONMENT",
                "The environment to deploy to",
                this::toEnvironment,
                "--to-environment")
            .build(),
        each(
                String.class,
                "TAG",
                "Legacy: check against the latest versions with this tag",
                this::toTag,
                "--to")
            .build());
  }

  private final List<MatrixSelector> ignores = new ArrayList<>();
  private boolean lastWasIgnore;

  void latest(String tag) {
    if (tag != null) {
      replaceLast("--latest", s -> tag.isEmpty() ? s.withLatest() : s.withLatestTag(tag));
    }
  }

  void tag(String tag) {
    if (tag != null) {
      replaceLast("--tag " + tag, s -> s.withTag(tag));
    }
  }

  void branch(String branch) {
    if (branch != null) {
      replaceLast("--branch " + branch, s -> s.withBranch(branch));
    }
  }

  void mainBranch(Boolean mainBranch) {
    if (mainBranch != null && mainBranch) {
      replaceLast("--main-branch", MatrixSelector::withMainBranch);
    }
  }

  void ignore(String name) {
    if (name != null) {
      ignores.add(MatrixSelector.of(name));
      lastWasIgnore = true;
    }
  }

  String toEnvironment;
  String toTag;
  private String repeated;

  // selectors need repeatable flags, so picocli no longer refuses a repeated --to-environment:
  // refuse it here
  void toEnvironment(String environment) {
    if (environment != null) {
      if (toEnvironment != null && repeated == null) {
        repeated =
            "--to-environment given twice ("
                + toEnvironment
                + ", "
                + environment
                + "): give one environment";
      }
      toEnvironment = environment;
    }
  }

  void toTag(String tag) {
    if (tag != null) {
      if (toTag != null && repeated == null) {
        repeated = "--to given twice (" + toTag + ", " + tag + "): give one tag";
      }
      toTag = tag;
    }
  }

  @Override
  void afterPacticipant() {
    lastWasIgnore = false;
  }

  @Override
  void applyVersion(String version) {
    if (lastWasIgnore) {
      int last = ignores.size() - 1;
      ignores.set(last, ignores.get(last).withVersion(version));
    } else {
      super.applyVersion(version);
    }
  }

  @Override
  CanIDeployQuery query() {
    if (repeated != null) {
      throw new ParameterException(spec.commandLine(), repeated);
    }
    if (toEnvironment != null && toTag != null) {
      throw new ParameterException(
          spec.commandLine(), "Use either --to-environment or --to, not both");
    }
    CanIDeployQuery query = CanIDeployQuery.of(selectors);
    for (MatrixSelector ignored : ignores) {
      query = query.ignoring(ignored);
    }
    String envIgnore = root().environment().get("PACT_BROKER_CAN_I_DEPLOY_IGNORE");
    if (envIgnore != null) {
      for (String name : envIgnore.split(",")) {
        if (!name.isBlank()) {
          query = query.ignoring(MatrixSelector.of(name.trim()));
        }
      }
    }
    if (toEnvironment != null) {
      query = query.withEnvironment(toEnvironment);
    }
    if (toTag != null) {
      query = query.withTag(toTag);
    }
    return query;
  }
}
