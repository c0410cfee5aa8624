package dev.accord.compat;

import dev.accord.compat.shared.FeatureRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The matching features of the Pact compatibility suite, against pact-core's {@code Matching}
 * engine. The suite has no separate V4 HTTP matching feature: V4 matching is {@code
 * V4/matching_rules.feature}.
 */
class MatchingFeaturesTest {

  @TestFactory
  Stream<DynamicNode> matchingFeatures() {
    return FeatureRunner.run(
        List.of(
            "V3/matching_rules.feature", "V3/http_matching.feature", "V4/matching_rules.feature"),
        "dev.accord.compat.matching");
  }
}
