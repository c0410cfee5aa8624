package dev.accord.compat.provider;

import dev.accord.compat.shared.FeatureRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The HTTP and message provider features of the Pact compatibility suite, against
 * provider-verifier.
 */
class ProviderFeaturesTest {

  @TestFactory
  Stream<DynamicNode> providerFeatures() {
    return FeatureRunner.run(
        List.of(
            "V1/http_provider.feature",
            "V2/http_provider.feature",
            "V3/http_provider.feature",
            "V4/http_provider.feature",
            "V3/message_provider.feature",
            "V4/message_provider.feature"),
        "dev.accord.compat.provider");
  }
}
