package dev.accord.broker.client;

import java.util.List;

/**
 * The broker's answer to can-i-deploy or can-i-merge: the verdict, its reasons and the rows behind
 * it.
 *
 * @param deployable yes, no, or unknown (a verification is missing)
 * @param reason the broker's reasons, one per line
 * @param success rows verified successfully
 * @param failed rows whose verification failed
 * @param unknown rows without a verification
 * @param notices the reasons with their types ({@code success}, {@code error}, {@code warning},
 *     ...)
 * @param rows the matrix rows
 * @param json the broker's response, for {@code --output json}
 */
public record DeployDecision(
    Verdict deployable,
    String reason,
    int success,
    int failed,
    int unknown,
    List<Notice> notices,
    List<MatrixRow> rows,
    String json) {

  public DeployDecision {
    notices = List.copyOf(notices);
    rows = List.copyOf(rows);
  }

  /** The three possible answers. */
  public enum Verdict {
    YES,
    NO,
    /** Some verification result is missing: nobody knows yet. */
    UNKNOWN
  }
}
