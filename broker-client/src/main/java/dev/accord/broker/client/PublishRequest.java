package dev.accord.broker.client;

import java.util.List;

/**
 * Pacts to publish under one consumer version, for {@link
 * PactBrokerClient#publishContracts(PublishRequest)}.
 *
 * <pre>{@code
 * PublishRequest request = PublishRequest.of(gitSha, Contracts.read(List.of(Path.of("target/pacts"))))
 *     .withBranch("main")
 *     .withBuildUrl(System.getenv("BUILD_URL"));
 * }</pre>
 *
 * @param consumerVersion the consumer version, ideally the git SHA
 * @param contracts the pacts; all consumers named in them get this version
 * @param branch the consumer version's branch, or null
 * @param tags tags for the consumer version (legacy; prefer branches)
 * @param buildUrl the CI build that produced the pacts, or null
 * @param merge ask the broker to merge with a pact already published for this version instead of
 *     replacing it ({@code onConflict: merge})
 */
public record PublishRequest(
    String consumerVersion,
    List<Contract> contracts,
    String branch,
    List<String> tags,
    String buildUrl,
    boolean merge) {

  public PublishRequest {
    if (consumerVersion == null || consumerVersion.isBlank()) {
      throw new IllegalArgumentException(
          "Publishing pacts needs the consumer version (--consumer-app-version), ideally the git SHA: $(git rev-parse HEAD)");
    }
    contracts = List.copyOf(contracts);
    tags = List.copyOf(tags);
  }

  public static PublishRequest of(String consumerVersion, List<Contract> contracts) {
    return new PublishRequest(consumerVersion, contracts, null, List.of(), null, false);
  }

  public PublishRequest withBranch(String branch) {
    return new PublishRequest(consumerVersion, contracts, branch, tags, buildUrl, merge);
  }

  public PublishRequest withTags(List<String> tags) {
    return new PublishRequest(consumerVersion, contracts, branch, tags, buildUrl, merge);
  }

  public PublishRequest withBuildUrl(String buildUrl) {
    return new PublishRequest(consumerVersion, contracts, branch, tags, buildUrl, merge);
  }

  public PublishRequest withMerge(boolean merge) {
    return new PublishRequest(consumerVersion, contracts, branch, tags, buildUrl, merge);
  }
}
