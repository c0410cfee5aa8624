package dev.accord.cli.broker;

import dev.accord.cli.AccordCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "create-version-tag",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Tags a version of an application (legacy: prefer branches and record-deployment).",
      "",
      "  accord create-version-tag --pacticipant orders-service --version 1a2b3c --tag prod",
      ""
    })
public final class CreateVersionTagCommand extends BrokerCommand {

  @Option(
      names = {"-a", "--pacticipant"},
      required = true,
      paramLabel = "PACTICIPANT",
      description = "The application")
  String pacticipant;

  @Option(
      names = {"-e", "--version"},
      required = true,
      paramLabel = "VERSION",
      description = "The version to tag")
  String version;

  @Option(
      names = {"-t", "--tag"},
      paramLabel = "TAG",
      split = ",",
      description = "Tags (comma-separated or repeated)")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--auto-create-version",
      description = "Create the version if the broker does not know it")
  boolean autoCreateVersion;

  @Option(
      names = {"-g", "--tag-with-git-branch"},
      description = "Also tag with the current git branch")
  boolean tagWithGitBranch;

  @Override
  public Integer call() {
    List<String> all = new ArrayList<>(tags);
    if (tagWithGitBranch) {
      all.add(
          new VersionProperties(root().environment(), root().workingDirectory())
              .branch()
              .map(VersionProperties.Detected::value)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--tag-with-git-branch: the git branch could not be detected; pass --tag BRANCH")));
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("No tag given: pass --tag TAG (or --tag-with-git-branch)");
    }
    client().createVersionTags(pacticipant, version, all, autoCreateVersion);
    for (String tag : all) {
      out().println("Tagged " + pacticipant + " version " + version + " with '" + tag + "'");
    }
    return AccordCommand.OK;
  }
}
