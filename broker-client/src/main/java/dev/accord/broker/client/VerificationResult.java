package dev.accord.broker.client;

import java.util.List;

/**
 * A provider's verification of one pact, to publish with {@link
 * PactBrokerClient#publishVerificationResults(String, VerificationResult)}.
 *
 * <pre>{@code
 * VerificationResult result = VerificationResult.of("products", gitSha, true)
 *     .withBranch("main")
 *     .withBuildUrl("https://ci.example.com/build/42")
 *     .withTestResults(results);
 * }</pre>
 *
 * @param provider the provider's name (needed to record the branch and tags of its version)
 * @param providerVersion the provider version that was verified, ideally the git SHA
 * @param success whether every interaction passed
 * @param branch the provider version's branch, or null
 * @param tags tags to put on the provider version (legacy; prefer branches)
 * @param buildUrl the CI build that ran the verification, or null
 * @param testResults per-interaction outcomes
 * @param coverage what the verification covered, as a JSON object (Accord's {@code coverage}:
 *     counts, provider states, endpoints), or null; standard Pact brokers ignore it
 */
public record VerificationResult(
    String provider,
    String providerVersion,
    boolean success,
    String branch,
    List<String> tags,
    String buildUrl,
    List<TestResult> testResults,
    String coverage) {

  public VerificationResult {
    if (provider == null || provider.isBlank()) {
      throw new IllegalArgumentException("A verification result needs the provider's name");
    }
    if (providerVersion == null || providerVersion.isBlank()) {
      throw new IllegalArgumentException(
          "A verification result needs the provider version (use the git SHA, e.g. --provider-version $(git rev-parse HEAD))");
    }
    tags = List.copyOf(tags);
    testResults = List.copyOf(testResults);
  }

  /** A result without branch, tags, build URL or per-interaction results. */
  public static VerificationResult of(String provider, String providerVersion, boolean success) {
    return new VerificationResult(
        provider, providerVersion, success, null, List.of(), null, List.of(), null);
  }

  public VerificationResult withBranch(String branch) {
    return new VerificationResult(
        provider, providerVersion, success, branch, tags, buildUrl, testResults, coverage);
  }

  public VerificationResult withTags(List<String> tags) {
    return new VerificationResult(
        provider, providerVersion, success, branch, tags, buildUrl, testResults, coverage);
  }

  public VerificationResult withBuildUrl(String buildUrl) {
    return new VerificationResult(
        provider, providerVersion, success, branch, tags, buildUrl, testResults, coverage);
  }

  public VerificationResult withTestResults(List<TestResult> testResults) {
    return new VerificationResult(
        provider, providerVersion, success, branch, tags, buildUrl, testResults, coverage);
  }

  /** Adds the coverage, a JSON object sent as the result's {@code coverage} field. */
  public VerificationResult withCoverage(String coverageJson) {
    return new VerificationResult(
        provider, providerVersion, success, branch, tags, buildUrl, testResults, coverageJson);
  }
}
