package dev.accord.compat.shared;

import dev.accord.pact.model.PactSpecification;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/**
 * Per-scenario facts every step class may need, injected by PicoContainer: the specification
 * version of the running feature (from its folder, {@code features/V3/...}).
 */
public final class ScenarioState {
  private PactSpecification specification = PactSpecification.V4;
  private String featureUri = "";

  @Before(order = 0)
  public void remember(Scenario scenario) {
    featureUri = scenario.getUri().toString();
    if (featureUri.contains("/V1/")) {
      specification = PactSpecification.V1;
    } else if (featureUri.contains("/V2/")) {
      specification = PactSpecification.V2;
    } else if (featureUri.contains("/V3/")) {
      specification = PactSpecification.V3;
    } else {
      specification = PactSpecification.V4;
    }
  }

  /** The Pact specification version of the feature being run. */
  public PactSpecification specification() {
    return specification;
  }

  public String featureUri() {
    return featureUri;
  }
}
