package dev.accord.contract.validate;

/**
 * One way a response breaks the document.
 *
 * @param code what kind ({@code response.status.unknown}, {@code response.body.incompatible}, ...
 *     see {@link ResponseValidator})
 * @param path where in the response: a JSON path in the body ({@code $.result.size}), a header
 *     name, or {@code status}
 * @param pointer the JSON pointer of the rule in the document ({@code
 *     /paths/~1result~1{id}/get/responses/200/...})
 * @param message what was expected and what was found, and how to fix it
 */
public record Violation(String code, String path, String pointer, String message) {

  /** Three lines: the code and path, the document pointer, the message. */
  public String describe() {
    return code + " at " + path + "\n  document: #" + pointer + "\n  " + message;
  }
}
