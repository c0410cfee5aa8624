package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.flag;
import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.isSet;
import static dev.accord.cli.internal.Options.list;
import static dev.accord.cli.internal.Options.parameters;
import static dev.accord.cli.internal.Options.positional;
import static dev.accord.cli.internal.Options.value;

import dev.accord.broker.client.Contract;
import dev.accord.broker.client.Contracts;
import dev.accord.broker.client.PublishRequest;
import dev.accord.broker.client.PublishedContract;
import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord publish}. */
public final class PublishCommand extends BrokerCommand {

  enum Output {
    text,
    json
  }

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CommandSpec spec =
        spec(
            new PublishCommand(),
            "publish",
            "Publishes pact files to the broker under a consumer version (ideally the git SHA) and branch.",
            "",
            "  accord publish target/pacts --consumer-app-version $(git rev-parse HEAD) --branch $(git branch --show-current)",
            "  accord publish target/pacts --auto-detect-version-properties",
            "");
    spec.addPositional(
        parameters(
                String.class,
                "PACT_FILES_DIRS_OR_GLOBS",
                "Pact files, directories (their *.json files) or globs such as 'target/pacts/*.json'")
            .build());
    spec.addOption(
        value(
                String.class,
                "VERSION",
                "The consumer version to publish under; use the git SHA",
                "-a",
                "--consumer-app-version")
            .build());
    spec.addOption(
        value(String.class, "BRANCH", "The consumer version's git branch", "--branch").build());
    spec.addOption(
        flag(
            "Take the version, branch and build URL from CI variables (GitHub Actions, GitLab, Jenkins, CircleCI,"
                + " Buildkite, Travis, Bitbucket, Azure DevOps, AppVeyor) or git, when not given",
            "-r",
            "--auto-detect-version-properties"));
    spec.addOption(tagsOption("Tags for the consumer version (comma-separated or repeated)"));
    spec.addOption(
        flag("Also tag the consumer version with the current git branch", "--tag-with-git-branch"));
    spec.addOption(
        value(String.class, "URL", "The CI build that produced the pacts", "--build-url").build());
    spec.addOption(
        flag(
            "Merge with a pact already published for this version instead of replacing it",
            "--merge"));
    spec.addOption(outputOption(Output.class, "text", "text|json", "text (default) or json"));
    spec.addOption(
        flag(
            "Read every pact with Accord's pact reader before publishing; an invalid pact stops the publish",
            "--validate"));
    spec.addOption(
        flag(
            "With --validate: what the reader would ignore or assume (warnings) is an error too",
            "--strict"));
    Options.standardHelp(spec);
    return spec;
  }

  private PublishCommand() {}

  private boolean strict;

  @Override
  public Integer call() {
    strict = isSet(spec, "--strict");
    List<Path> files = resolve(positional(spec, 0));
    VersionProperties detected =
        new VersionProperties(root().environment(), root().workingDirectory());
    String version = get(spec, "--consumer-app-version");
    String branchName = get(spec, "--branch");
    String build = get(spec, "--build-url");
    if (isSet(spec, "--auto-detect-version-properties")) {
      if (version == null) {
        Optional<VersionProperties.Detected> d = detected.commit();
        if (d.isPresent()) {
          version = d.get().value();
          err().println("consumer version " + version + " (from " + d.get().source() + ")");
        }
      }
      if (branchName == null) {
        Optional<VersionProperties.Detected> d = detected.branch();
        if (d.isPresent()) {
          branchName = d.get().value();
          err().println("branch " + branchName + " (from " + d.get().source() + ")");
        }
      }
      if (build == null) {
        Optional<VersionProperties.Detected> d = detected.buildUrl();
        if (d.isPresent()) {
          build = d.get().value();
          err().println("build URL " + build + " (from " + d.get().source() + ")");
        }
      }
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException(
          "Missing the consumer version: pass --consumer-app-version $(git rev-parse HEAD), or"
              + " --auto-detect-version-properties inside a git checkout or a CI build.");
    }
    List<String> allTags = new ArrayList<>(list(spec, "--tag"));
    if (isSet(spec, "--tag-with-git-branch")) {
      String gitBranch =
          branchName != null
              ? branchName
              : detected
                  .branch()
                  .map(VersionProperties.Detected::value)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "--tag-with-git-branch: the git branch could not be detected; pass --tag BRANCH"));
      allTags.add(gitBranch);
    }
    List<Contract> contracts = Contracts.read(files);
    if (isSet(spec, "--validate") || strict) {
      validate(contracts);
    }
    PublishRequest request =
        PublishRequest.of(version, contracts)
            .withBranch(branchName)
            .withTags(allTags)
            .withBuildUrl(build)
            .withMerge(isSet(spec, "--merge"));
    List<PublishedContract> published = client().publishContracts(request);
    if (get(spec, "--output") == Output.json) {
      StringBuilder json = new StringBuilder("[");
      for (PublishedContract p : published) {
        if (json.length() > 1) {
          json.append(',');
        }
        var node = Json.mapper().createObjectNode();
        node.put("consumer", p.consumer())
            .put("provider", p.provider())
            .put("consumerVersion", p.consumerVersion());
        p.pactUrl().ifPresent(u -> node.put("pactUrl", u));
        var notices = node.putArray("notices");
        p.notices().forEach(n -> notices.addObject().put("type", n.type()).put("text", n.text()));
        json.append(Json.write(node));
      }
      out().println(json.append(']'));
      return AccordCommand.OK;
    }
    for (PublishedContract p : published) {
      StringBuilder line =
          new StringBuilder("Published the pact between ")
              .append(p.consumer())
              .append(" and ")
              .append(p.provider())
              .append(" under ")
              .append(p.consumer())
              .append(" version ")
              .append(p.consumerVersion());
      if (branchName != null) {
        line.append(", branch ").append(branchName);
      }
      if (!allTags.isEmpty()) {
        line.append(", tags ").append(String.join(", ", allTags));
      }
      if (p.viaLegacyEndpoint()) {
        line.append(" (legacy endpoint: the broker has no /contracts/publish)");
      }
      out().println(line);
      p.pactUrl().ifPresent(u -> out().println("  " + u));
      for (var n : p.notices()) {
        out().println("  " + n.text());
      }
    }
    return AccordCommand.OK;
  }

  private void validate(List<Contract> contracts) {
    List<String> problems = new ArrayList<>();
    for (Contract c : contracts) {
      try {
        PactReader.Result result = PactReader.readWithWarnings(c.json(), c.source());
        for (PactReader.Warning w : result.warnings()) {
          if (strict) {
            problems.add(w.toString());
          } else {
            err().println("warning: " + w);
          }
        }
      } catch (PactFormatException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new AccordCommand.CommandFailure(
          "Nothing was published: "
              + problems.size()
              + " problem(s) in the pacts"
              + (strict ? " (--strict)" : "")
              + ":\n  "
              + String.join("\n  ", problems));
    }
  }

  private List<Path> resolve(List<String> arguments) {
    List<Path> out = new ArrayList<>();
    Path cwd = root().workingDirectory();
    for (String arg : arguments) {
      if (arg.contains("*") || arg.contains("?") || arg.contains("{")) {
        out.addAll(glob(cwd, arg));
      } else {
        Path p = cwd.resolve(arg);
        if (!Files.exists(p)) {
          throw new IllegalArgumentException(
              "Pact file or directory not found: " + p + " (from argument '" + arg + "')");
        }
        out.add(p);
      }
    }
    return out;
  }

  private static List<Path> glob(Path cwd, String pattern) {
    // walk from the longest directory prefix without wildcards
    String normalized = pattern.replace('\\', '/');
    int firstWildcard = firstWildcard(normalized);
    int slash = normalized.lastIndexOf('/', firstWildcard);
    Path base = slash < 0 ? cwd : cwd.resolve(normalized.substring(0, slash + 1));
    PathMatcher matcher =
        FileSystems.getDefault().getPathMatcher("glob:" + cwd.resolve(normalized).normalize());
    List<Path> matches = new ArrayList<>();
    if (Files.isDirectory(base)) {
      try (Stream<Path> walk = Files.walk(base)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> matcher.matches(p.normalize()))
            .sorted()
            .forEach(matches::add);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "Cannot search " + base + " for '" + pattern + "': " + e.getMessage(), e);
      }
    }
    if (matches.isEmpty()) {
      throw new IllegalArgumentException(
          "No pact files match '" + pattern + "' (searched from " + base + ")");
    }
    return matches;
  }

  private static int firstWildcard(String s) {
    int min = s.length();
    for (char c : new char[] {'*', '?', '{', '['}) {
      int i = s.indexOf(c);
      if (i >= 0 && i < min) {
        min = i;
      }
    }
    return min;
  }
}
