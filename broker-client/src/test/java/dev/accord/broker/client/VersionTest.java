package dev.accord.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The version sent in the User-Agent and in verifiedBy is the build's, filled in by the build. */
class VersionTest {
  @Test
  void isTheProjectVersionFilledInByTheBuild() {
    // "dev" when the template was compiled unfiltered; "${project.version}" with no fallback
    assertThat(PactBrokerClient.VERSION).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("$");
  }
}
