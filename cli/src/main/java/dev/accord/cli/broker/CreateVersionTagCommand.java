package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.flag;
import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.isSet;
import static dev.accord.cli.internal.Options.list;

import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord create-version-tag}. */
public final class CreateVersionTagCommand extends BrokerCommand {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new CreateVersionTagCommand(),
            "create-version-tag",
            "Tags a version of an application (legacy: prefer branches and record-deployment).",
            "",
            "  accord create-version-tag --pacticipant orders-service --version 1a2b3c --tag prod",
            "");
    spec.addOption(pacticipantOption("The application"));
    spec.addOption(versionOption("The version to tag").required(true).build());
    spec.addOption(tagsOption("Tags (comma-separated or repeated)"));
    spec.addOption(
        flag("Create the version if the broker does not know it", "--auto-create-version"));
    spec.addOption(flag("Also tag with the current git branch", "-g", "--tag-with-git-branch"));
    Options.help(spec);
    return spec;
  }

  private CreateVersionTagCommand() {}

  @Override
  public Integer call() {
    String pacticipant = get(spec, "--pacticipant");
    String version = get(spec, "--version");
    List<String> all = new ArrayList<>(list(spec, "--tag"));
    if (isSet(spec, "--tag-with-git-branch")) {
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
    client().createVersionTags(pacticipant, version, all, isSet(spec, "--auto-create-version"));
    for (String tag : all) {
      out().println("Tagged " + pacticipant + " version " + version + " with '" + tag + "'");
    }
    return AccordCommand.OK;
  }
}
