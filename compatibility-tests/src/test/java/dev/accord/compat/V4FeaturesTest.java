package dev.accord.compat;

import dev.accord.compat.shared.FeatureRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** {@code V4/v4.feature}: general V4 features (several interaction kinds in one pact file). */
class V4FeaturesTest {

  @TestFactory
  Stream<DynamicNode> v4Features() {
    return FeatureRunner.run(List.of("V4/v4.feature"), "dev.accord.compat.v4");
  }
}
