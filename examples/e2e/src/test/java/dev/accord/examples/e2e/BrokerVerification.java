package dev.accord.examples.e2e;

import dev.accord.broker.client.ConsumerVersionSelector;
import dev.accord.broker.client.PactBrokerClient;
import dev.accord.verifier.BrokerPactSource;
import dev.accord.verifier.ProviderVerifier;
import dev.accord.verifier.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

// tag::broker[]
/**
 * Verification from the broker, as a provider's CI does it: the pacts the broker selects
 * (pacts-for-verification with the main branch and what is deployed), results published under the
 * provider's git SHA and branch.
 */
final class BrokerVerification {
  record Outcome(VerificationReport report, String output) {}

  private BrokerVerification() {}

  static Outcome verify(
      PactBrokerClient broker, ProviderVerifier verifier, String providerVersion, String branch) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    VerificationReport report =
        verifier
            .pactsFrom(
                BrokerPactSource.of(broker)
                    .selectors(
                        ConsumerVersionSelector.mainBranch(),
                        ConsumerVersionSelector.deployedOrReleased())
                    .providerBranch(branch))
            .publishResults(providerVersion, branch, null)
            .output(new PrintStream(console, true, StandardCharsets.UTF_8))
            .verify();
    return new Outcome(report, console.toString(StandardCharsets.UTF_8));
  }
}
// end::broker[]
