package dev.accord.contract.conformance;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.generate.RequestValues;
import dev.accord.pact.model.ProviderState;
import java.util.List;

/**
 * One case: an operation, one of its documented responses, the provider states that make the
 * provider answer it, and the request values given for it.
 *
 * @param operation the operation
 * @param status the documented response key ({@code 200}, {@code 2XX}, {@code default})
 * @param states the states to prepare, in order; empty for none
 * @param values request values given by a cases file ({@code ${name}} placeholders not yet filled)
 * @param origin where the state came from: {@code x-provider-state}, {@code cases file <location>,
 *     cases[i]}, or {@code none}
 */
public record ConformanceCase(
    ApiOperation operation,
    String status,
    List<ProviderState> states,
    RequestValues values,
    String origin) {

  public ConformanceCase {
    states = List.copyOf(states);
  }

  /** {@code getStatus (GET /status/{id}) -> 200, given 'job 42 is ready'}. */
  public String displayName() {
    String given =
        states.isEmpty()
            ? ""
            : ", given "
                + String.join(" and ", states.stream().map(s -> "'" + s.name() + "'").toList());
    return operation.displayName() + " -> " + status + given;
  }
}
