package dev.accord.cli.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The version, branch and build URL of the code being built, from CI environment variables, else
 * from git. Each value says where it came from.
 */
final class VersionProperties {

  record Detected(String value, String source) {}

  private static final List<String[]> COMMIT =
      List.of(
          new String[] {"GITHUB_SHA", "GitHub Actions"},
          new String[] {"CI_COMMIT_SHA", "GitLab CI"},
          new String[] {"BUILDKITE_COMMIT", "Buildkite"},
          new String[] {"CIRCLE_SHA1", "CircleCI"},
          new String[] {"TRAVIS_COMMIT", "Travis CI"},
          new String[] {"BITBUCKET_COMMIT", "Bitbucket Pipelines"},
          new String[] {"BUILD_SOURCEVERSION", "Azure DevOps"},
          new String[] {"APPVEYOR_REPO_COMMIT", "AppVeyor"},
          new String[] {"GIT_COMMIT", "Jenkins"});

  private static final List<String[]> BRANCH =
      List.of(
          new String[] {"GITHUB_HEAD_REF", "GitHub Actions (pull request)"},
          new String[] {"GITHUB_REF_NAME", "GitHub Actions"},
          new String[] {"CI_COMMIT_REF_NAME", "GitLab CI"},
          new String[] {"BUILDKITE_BRANCH", "Buildkite"},
          new String[] {"CIRCLE_BRANCH", "CircleCI"},
          new String[] {"TRAVIS_BRANCH", "Travis CI"},
          new String[] {"BITBUCKET_BRANCH", "Bitbucket Pipelines"},
          new String[] {"BUILD_SOURCEBRANCHNAME", "Azure DevOps"},
          new String[] {"APPVEYOR_REPO_BRANCH", "AppVeyor"},
          new String[] {"GIT_BRANCH", "Jenkins"});

  private final Map<String, String> env;
  private final Path workingDirectory;

  VersionProperties(Map<String, String> env, Path workingDirectory) {
    this.env = env;
    this.workingDirectory = workingDirectory;
  }

  Optional<Detected> commit() {
    return fromEnv(COMMIT).or(() -> git("rev-parse", "HEAD"));
  }

  Optional<Detected> branch() {
    return fromEnv(BRANCH)
        .map(d -> new Detected(d.value().replaceFirst("^origin/", ""), d.source()))
        .or(() -> git("rev-parse", "--abbrev-ref", "HEAD").filter(d -> !d.value().equals("HEAD")));
  }

  Optional<Detected> buildUrl() {
    String server = env.get("GITHUB_SERVER_URL");
    if (server != null
        && env.get("GITHUB_REPOSITORY") != null
        && env.get("GITHUB_RUN_ID") != null) {
      return Optional.of(
          new Detected(
              server
                  + "/"
                  + env.get("GITHUB_REPOSITORY")
                  + "/actions/runs/"
                  + env.get("GITHUB_RUN_ID"),
              "GitHub Actions"));
    }
    return fromEnv(
        List.of(
            new String[] {"CI_JOB_URL", "GitLab CI"},
            new String[] {"BUILDKITE_BUILD_URL", "Buildkite"},
            new String[] {"CIRCLE_BUILD_URL", "CircleCI"},
            new String[] {"TRAVIS_BUILD_WEB_URL", "Travis CI"},
            new String[] {"BUILD_URL", "Jenkins"}));
  }

  private Optional<Detected> fromEnv(List<String[]> candidates) {
    for (String[] c : candidates) {
      String v = env.get(c[0]);
      if (v != null && !v.isBlank()) {
        return Optional.of(new Detected(v.trim(), "$" + c[0] + ", " + c[1]));
      }
    }
    return Optional.empty();
  }

  private Optional<Detected> git(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(false)
              .start();
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 && !output.isEmpty()
          ? Optional.of(new Detected(output, "git " + String.join(" ", args)))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
