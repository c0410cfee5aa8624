package dev.accord.verifier.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a provider test class through the JUnit Platform launcher, as a build tool would (conditions
 * deactivated, so classes marked {@code @Disabled} for plain test runs run here), and records every
 * test and every failed container.
 */
final class PlatformRun {
  record Outcome(String name, TestExecutionResult.Status status, String message) {}

  private PlatformRun() {}

  static List<Outcome> run(Class<?> testClass) {
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(testClass))
            .configurationParameter("junit.jupiter.conditions.deactivate", "*")
            .build();
    LauncherFactory.create()
        .execute(
            request,
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                  outcomes.add(
                      new Outcome(
                          id.getDisplayName(),
                          result.getStatus(),
                          result.getThrowable().map(Throwable::getMessage).orElse("")));
                }
              }
            });
    return outcomes;
  }
}
