package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One step of a sequence before it runs: the operation, the transition it follows from an earlier
 * step (or none), and the values generated for what the transition does not give. Replaying the
 * same steps sends the same requests.
 *
 * @param source the index of the step it follows, -1 for a first call
 * @param generated generated values by parameter key ({@code query.page}); those the transition
 *     gives are not used
 * @param generatedBody the generated body, or null
 */
record PlannedStep(
    ApiOperation operation,
    Transition via,
    int source,
    Map<String, JsonNode> generated,
    JsonNode generatedBody) {

  PlannedStep withSource(int newSource) {
    return new PlannedStep(operation, via, newSource, generated, generatedBody);
  }
}
