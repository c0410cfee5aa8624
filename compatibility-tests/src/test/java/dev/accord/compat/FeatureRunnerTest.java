package dev.accord.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.compat.shared.CompatibilitySuite;
import dev.accord.compat.shared.FeatureRunner;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class FeatureRunnerTest {
  private String saved;

  @BeforeEach
  void pointAtAMissingSuite() {
    saved = System.getProperty(CompatibilitySuite.SHARED_DIR_PROPERTY);
    System.setProperty(CompatibilitySuite.SHARED_DIR_PROPERTY, "/nonexistent/accord-shared");
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(CompatibilitySuite.SHARED_DIR_PROPERTY);
    } else {
      System.setProperty(CompatibilitySuite.SHARED_DIR_PROPERTY, saved);
    }
  }

  @Test
  void aMissingSuiteFailsOnCiAndIsSkippedWithAMessageElsewhere() {
    List<DynamicNode> nodes =
        FeatureRunner.run(List.of("V3/generators.feature"), "dev.accord.compat.generators")
            .toList();
    assertThat(nodes).singleElement().isInstanceOf(DynamicTest.class);
    DynamicTest test = (DynamicTest) nodes.get(0);
    Class<? extends Throwable> expected =
        "true".equalsIgnoreCase(System.getenv("CI"))
            ? AssertionFailedError.class
            : TestAbortedException.class;
    assertThatThrownBy(() -> test.getExecutable().execute())
        .isInstanceOf(expected)
        .hasMessageContaining(
            "The Pact compatibility suite is missing: expected it at /nonexistent/accord-shared/"
                + "pact-compatibility-suite (system property accord.shared.dir). Features not run: [V3/generators.feature]");
  }
}
