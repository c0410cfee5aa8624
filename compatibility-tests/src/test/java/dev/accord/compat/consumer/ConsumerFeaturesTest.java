package dev.accord.compat.consumer;

import dev.accord.compat.shared.FeatureRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The HTTP and message consumer features of the Pact compatibility suite, against consumer-dsl's
 * mock provider.
 */
class ConsumerFeaturesTest {

  @TestFactory
  Stream<DynamicNode> consumerFeatures() {
    return FeatureRunner.run(
        List.of(
            "V1/http_consumer.feature",
            "V2/http_consumer.feature",
            "V3/http_consumer.feature",
            "V4/http_consumer.feature",
            "V3/message_consumer.feature",
            "V4/message_consumer.feature",
            "V4/synchronous_message_consumer.feature"),
        "dev.accord.compat.consumer");
  }
}
