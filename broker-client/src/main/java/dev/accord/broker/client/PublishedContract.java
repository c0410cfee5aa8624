package dev.accord.broker.client;

import java.util.List;
import java.util.Optional;

/**
 * What the broker answered for one published pact.
 *
 * @param consumer the consumer
 * @param provider the provider
 * @param consumerVersion the consumer version it was published under
 * @param pactUrl the published pact's URL, when the broker says
 * @param notices the broker's notices (e.g. which webhooks fired, whether the content changed)
 * @param viaLegacyEndpoint true when the broker lacked {@code /contracts/publish} and the pact was
 *     PUT to {@code pb:publish-pact}
 */
public record PublishedContract(
    String consumer,
    String provider,
    String consumerVersion,
    Optional<String> pactUrl,
    List<Notice> notices,
    boolean viaLegacyEndpoint) {

  public PublishedContract {
    notices = List.copyOf(notices);
  }
}
