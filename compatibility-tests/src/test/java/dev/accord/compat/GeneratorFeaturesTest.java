package dev.accord.compat;

import dev.accord.compat.shared.FeatureRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The generator features of the Pact compatibility suite, against pact-core's {@code Generation}.
 */
class GeneratorFeaturesTest {

  @TestFactory
  Stream<DynamicNode> generatorFeatures() {
    return FeatureRunner.run(
        List.of("V3/generators.feature", "V3/http_generators.feature", "V4/generators.feature"),
        "dev.accord.compat.generators");
  }
}
