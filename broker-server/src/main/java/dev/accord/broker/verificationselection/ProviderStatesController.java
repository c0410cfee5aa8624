package dev.accord.broker.verificationselection;

import dev.accord.broker.web.Hal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /pacts/provider/P/provider-states}: the states a provider must support, de-duplicated and
 * sorted by name.
 */
@RestController
class ProviderStatesController {
  private final ProviderStates states;

  ProviderStatesController(ProviderStates states) {
    this.states = states;
  }

  @GetMapping("/pacts/provider/{provider}/provider-states")
  public ResponseEntity<Map<String, Object>> mainBranch(@PathVariable String provider) {
    return answer(states.mainBranch(provider));
  }

  @GetMapping("/pacts/provider/{provider}/provider-states/branch/{branch}")
  public ResponseEntity<Map<String, Object>> branch(
      @PathVariable String provider, @PathVariable String branch) {
    return answer(states.branch(provider, branch));
  }

  @GetMapping("/pacts/provider/{provider}/provider-states/environment/{environment}")
  public ResponseEntity<Map<String, Object>> environment(
      @PathVariable String provider, @PathVariable String environment) {
    return answer(states.environment(provider, environment));
  }

  private static ResponseEntity<Map<String, Object>> answer(
      List<Map<String, Object>> providerStates) {
    return Hal.ok(Map.of("providerStates", providerStates));
  }
}
