package dev.accord.contract.exploration;

/**
 * One step of a reported sequence.
 *
 * @param number its number in the sequence, from 1
 * @param operation the operation's id (operationId, or {@code METHOD /path})
 * @param via how it follows an earlier step ({@code id = $response.body#/id of step 1}), empty for
 *     a first call
 * @param request what was sent
 * @param response what came back, null when the call failed (timeout, refused connection)
 * @param error why the call failed, null when it answered
 */
public record ExploredStep(
    int number,
    String operation,
    String via,
    ExploredRequest request,
    ExploredResponse response,
    String error) {

  /** {@code 2. deleteBook DELETE /books/1 → 204 (id = $response.body#/id of step 1)}. */
  public String describe(String relativeUrl) {
    return number
        + ". "
        + operation
        + "  "
        + request.method()
        + " "
        + relativeUrl
        + " → "
        + (response != null ? String.valueOf(response.status()) : error)
        + (via.isEmpty() ? "" : "  (" + via + ")");
  }
}
