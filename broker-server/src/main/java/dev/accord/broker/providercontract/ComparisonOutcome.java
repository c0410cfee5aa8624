package dev.accord.broker.providercontract;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The stored comparison of one pact content with one provider contract content (pact ⊆ OpenAPI, by
 * {@code dev.accord.contract.comparison.PactComparison}).
 *
 * @param errors the incompatibilities: each makes the pair incompatible
 * @param warnings findings worth reading that do not
 * @param notices what was not compared and why (message interactions)
 */
public record ComparisonOutcome(
    boolean compatible,
    int interactionsCompared,
    List<Finding> errors,
    List<Finding> warnings,
    List<String> notices,
    LocalDateTime comparedAt) {

  /**
   * One incompatibility: swagger-mock-validator's code, the interaction, where in the pact and the
   * document, and why.
   */
  public record Finding(
      String code, String interaction, String pactPath, String documentPointer, String message) {
    /**
     * One line for can-i-deploy reasons: {@code request.body.incompatible in 'get a product'
     * ($.interactions[0]...; #/paths/...): why}.
     */
    public String line() {
      return code
          + " in '"
          + interaction
          + "' (pact "
          + pactPath
          + ", document #"
          + documentPointer
          + "): "
          + message;
    }
  }
}
