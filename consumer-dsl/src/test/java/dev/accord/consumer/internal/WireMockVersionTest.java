package dev.accord.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.Version;
import org.junit.jupiter.api.Test;

/**
 * consumer-dsl's tests run twice, on the WireMock release the build uses and on the one before it
 * (consumer-dsl's POM, execution {@code previous-wiremock}): this pins that each run really has the
 * release it claims on its classpath, so the second run cannot silently test the first release
 * again.
 */
class WireMockVersionTest {

  @Test
  void theTestsRunOnTheWireMockReleaseTheirExecutionNames() {
    String expected = System.getProperty("accord.expected.wiremock.version");
    assertThat(expected)
        .as("system property accord.expected.wiremock.version, set by consumer-dsl's POM")
        .isNotBlank();

    assertThat(Version.getCurrentVersion())
        .as("WireMock on the test classpath")
        .isEqualTo(expected);
  }
}
