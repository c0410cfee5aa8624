package dev.accord.cli.broker;

import dev.accord.broker.client.Contract;
import dev.accord.broker.client.Contracts;
import dev.accord.broker.client.PublishRequest;
import dev.accord.broker.client.PublishedContract;
import dev.accord.cli.AccordCommand;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    versionProvider = AccordCommand.Version.class,
    sortOptions = false,
    description = {
      "Publishes pact files to the broker under a consumer version (ideally the git SHA) and branch.",
      "",
      "  accord publish target/pacts --consumer-app-version $(git rev-parse HEAD) --branch $(git branch --show-current)",
      "  accord publish target/pacts --auto-detect-version-properties",
      ""
    })
public final class PublishCommand extends BrokerCommand {

  enum Output {
    text,
    json
  }

  @Parameters(
      paramLabel = "PACT_FILES_DIRS_OR_GLOBS",
      arity = "1..*",
      description =
          "Pact files, directories (their *.json files) or globs such as 'target/pacts/*.json'")
  List<String> paths = new ArrayList<>();

  @Option(
      names = {"-a", "--consumer-app-version"},
      paramLabel = "VERSION",
      description = "The consumer version to publish under; use the git SHA")
  String consumerVersion;

  @Option(
      names = "--branch",
      paramLabel = "BRANCH",
      description = "The consumer version's git branch")
  String branch;

  @Option(
      names = {"-r", "--auto-detect-version-properties"},
      description =
          "Take the version, branch and build URL from CI variables (GitHub Actions, GitLab, Jenkins, CircleCI,"
              + " Buildkite, Travis, Bitbucket, Azure DevOps, AppVeyor) or git, when not given")
  boolean autoDetect;

  @Option(
      names = {"-t", "--tag"},
      paramLabel = "TAG",
      split = ",",
      description = "Tags for the consumer version (comma-separated or repeated)")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--tag-with-git-branch",
      description = "Also tag the consumer version with the current git branch")
  boolean tagWithGitBranch;

  @Option(
      names = "--build-url",
      paramLabel = "URL",
      description = "The CI build that produced the pacts")
  String buildUrl;

  @Option(
      names = "--merge",
      description = "Merge with a pact already published for this version instead of replacing it")
  boolean merge;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json",
      description = "text (default) or json")
  Output output = Output.text;

  @Option(
      names = "--validate",
      description =
          "Read every pact with Accord's pact reader before publishing; an invalid pact stops the publish")
  boolean validate;

  @Option(
      names = "--strict",
      description =
          "With --validate: what the reader would ignore or assume (warnings) is an error too")
  boolean strict;

  @Override
  public Integer call() {
    List<Path> files = resolve(paths);
    VersionProperties detected =
        new VersionProperties(root().environment(), root().workingDirectory());
    String version = consumerVersion;
    String branchName = branch;
    String build = buildUrl;
    if (autoDetect) {
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
    List<String> allTags = new ArrayList<>(tags);
    if (tagWithGitBranch) {
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
    if (validate || strict) {
      validate(contracts);
    }
    PublishRequest request =
        PublishRequest.of(version, contracts)
            .withBranch(branchName)
            .withTags(allTags)
            .withBuildUrl(build)
            .withMerge(merge);
    List<PublishedContract> published = client().publishContracts(request);
    if (output == Output.json) {
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
