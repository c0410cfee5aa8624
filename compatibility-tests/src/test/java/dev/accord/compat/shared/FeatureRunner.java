package dev.accord.compat.shared;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs feature files of the compatibility suite with the Cucumber JUnit Platform engine and replays
 * each scenario's outcome as a JUnit dynamic test, so Surefire counts and reports every scenario.
 *
 * <p>Why not a {@code @Suite} class: the features are read from {@code
 * <accord.shared.dir>/pact-compatibility-suite} (a system property), which selector annotations
 * cannot express, and copying them into the build would duplicate upstream files. Each runner names
 * its features and its glue packages; {@code dev.accord.compat.shared} is always on the glue, so
 * step phrases that two groups both define never clash.
 *
 * <p>Scenarios tagged {@code @wip} upstream are excluded (reported as skipped); any other scenario
 * that does not pass (failed, undefined, pending, ambiguous or skipped) fails its dynamic test.
 * When the suite directory is missing, the run fails if the environment variable {@code CI} is
 * {@code true} and is skipped with a message otherwise.
 *
 * <pre>{@code
 * class GeneratorFeaturesTest {
 *   @TestFactory
 *   Stream<DynamicNode> features() {
 *     return FeatureRunner.run(List.of("V3/generators.feature"), "dev.accord.compat.generators");
 *   }
 * }
 * }</pre>
 */
public final class FeatureRunner {
  private static final String SHARED_GLUE = "dev.accord.compat.shared";
  private static final String WIP_FILTER = "not @wip";

  /** How the Cucumber engine reports a scenario its tag filter left out. */
  private static final String WIP_FILTER_REASON = "'cucumber.filter.tags=";

  private static final String SKIPPED =
      "The scenario was skipped, which fails the build: only scenarios tagged @wip"
          + " upstream may be left out. Reason: ";

  private FeatureRunner() {}

  public static Stream<DynamicNode> run(List<String> features, String... gluePackages) {
    Optional<Path> root = CompatibilitySuite.root();
    if (root.isEmpty()) {
      String message =
          "The Pact compatibility suite is missing: expected it at "
              + CompatibilitySuite.expectedLocation()
              + " (system property "
              + CompatibilitySuite.SHARED_DIR_PROPERTY
              + "). Features not run: "
              + features;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        return Stream.of(
            DynamicTest.dynamicTest(
                "compatibility suite is present", () -> Assertions.fail(message)));
      }
      return Stream.of(
          DynamicTest.dynamicTest(
              "compatibility suite is present",
              () -> Assumptions.abort(message + ". Skipped because CI is not 'true'.")));
    }
    List<DynamicNode> missing = new ArrayList<>();
    List<org.junit.platform.engine.DiscoverySelector> selectors = new ArrayList<>();
    for (String feature : features) {
      Path file = root.get().resolve("features").resolve(feature);
      if (Files.isRegularFile(file)) {
        selectors.add(selectFile(file.toFile()));
      } else {
        missing.add(
            DynamicTest.dynamicTest(
                feature,
                () ->
                    Assertions.fail(
                        "Feature file " + file + " is missing from the compatibility suite")));
      }
    }
    StringBuilder glue = new StringBuilder(SHARED_GLUE);
    for (String p : gluePackages) {
      glue.append(',').append(p);
    }
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .filters(EngineFilter.includeEngines("cucumber"))
            .configurationParameter("cucumber.glue", glue.toString())
            .configurationParameter("cucumber.plugin", CompatSummaryPlugin.class.getName())
            .configurationParameter("cucumber.filter.tags", WIP_FILTER)
            .configurationParameter("cucumber.publish.quiet", "true")
            .configurationParameter("cucumber.execution.parallel.enabled", "false")
            .build();
    Recorder recorder = new Recorder();
    if (!selectors.isEmpty()) {
      LauncherFactory.create().execute(request, recorder);
    }
    return Stream.concat(missing.stream(), recorder.nodes().stream());
  }

  private record Outcome(String name, TestExecutionResult result, String skipReason) {}

  /** Records each scenario's result, grouped by feature. */
  private static final class Recorder implements TestExecutionListener {
    private TestPlan plan;
    private final Map<String, List<Outcome>> byFeature = new LinkedHashMap<>();
    private final List<Outcome> containerFailures = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      if (id.isTest()) {
        byFeature
            .computeIfAbsent(feature(id), f -> new ArrayList<>())
            .add(new Outcome(id.getDisplayName(), null, reason));
      }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (id.isTest()) {
        byFeature
            .computeIfAbsent(feature(id), f -> new ArrayList<>())
            .add(new Outcome(id.getDisplayName(), result, null));
      } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
        containerFailures.add(new Outcome(id.getDisplayName() + " (container)", result, null));
      }
    }

    /** The feature ancestor: the child of the engine root. */
    private String feature(TestIdentifier id) {
      TestIdentifier current = id;
      while (true) {
        Optional<TestIdentifier> parent = plan.getParent(current);
        if (parent.isEmpty() || plan.getParent(parent.get()).isEmpty()) {
          return current
              .getSource()
              .map(
                  s ->
                      s instanceof org.junit.platform.engine.support.descriptor.FileSource f
                          ? CompatSummaryPlugin.featureName(f.getFile().toURI().toString())
                          : null)
              .orElse(current.getDisplayName());
        }
        current = parent.get();
      }
    }

    List<DynamicNode> nodes() {
      List<DynamicNode> nodes = new ArrayList<>();
      byFeature.forEach(
          (feature, outcomes) ->
              nodes.add(
                  DynamicContainer.dynamicContainer(
                      feature, outcomes.stream().map(o -> replay(feature, o)))));
      containerFailures.forEach(o -> nodes.add(replay("", o)));
      return nodes;
    }

    private static DynamicTest replay(String feature, Outcome o) {
      String scenario = (feature.isEmpty() ? "" : feature + " > ") + o.name();
      return DynamicTest.dynamicTest(
          o.name(),
          () -> {
            if (o.result() == null
                && o.skipReason() != null
                && o.skipReason().startsWith(WIP_FILTER_REASON)) {
              Assumptions.abort(
                  "Excluded: tagged @wip upstream (not expected to pass in any implementation yet)");
              return;
            }
            if (o.result() == null) {
              Assertions.fail(scenario + ": " + SKIPPED + o.skipReason());
              return;
            }
            switch (o.result().getStatus()) {
              case SUCCESSFUL -> {}
              case ABORTED ->
                  Assertions.fail(
                      scenario
                          + ": "
                          + SKIPPED
                          + o.result().getThrowable().map(Throwable::getMessage).orElse("aborted"),
                      o.result().getThrowable().orElse(null));
              case FAILED -> {
                Throwable t =
                    o.result().getThrowable().orElse(new AssertionError("failed without a reason"));
                throw new AssertionError(scenario + ": " + t.getMessage(), t);
              }
            }
          });
    }
  }
}
