package dev.accord.broker.matrix;

import dev.accord.broker.pact.ContentRef;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.providercontract.BidirectionalResult;
import dev.accord.broker.verification.Verification;
import dev.accord.broker.version.Version;
import java.util.List;

/**
 * The answer to can-i-deploy: {@code deployable} is TRUE, FALSE or null (unknown), always with the
 * reasons and the matrix rows it was computed from.
 */
public record DeployDecision(
    Boolean deployable,
    List<Reason> reasons,
    List<Row> rows,
    int success,
    int failed,
    int unknown,
    int ignored,
    boolean ignoresGiven) {

  /**
   * One sentence of explanation; {@code type} is success, error, warning or info (the notice types
   * the CLI colours).
   */
  public record Reason(String type, String text) {}

  /**
   * A consumer version's pact with a provider, and the verification by one provider version (or
   * none). Without a pact verification, {@code bidirectional} is the provider version's provider
   * contract compared with the pact (or null): a pact verification, when there is one, decides.
   */
  public record Row(
      Pacticipant consumer,
      Version consumerVersion,
      Pacticipant provider,
      Version providerVersion,
      PactPublication publication,
      ContentRef content,
      Verification verification,
      boolean ignored,
      BidirectionalResult bidirectional) {

    public Row(
        Pacticipant consumer,
        Version consumerVersion,
        Pacticipant provider,
        Version providerVersion,
        PactPublication publication,
        ContentRef content,
        Verification verification,
        boolean ignored) {
      this(
          consumer,
          consumerVersion,
          provider,
          providerVersion,
          publication,
          content,
          verification,
          ignored,
          null);
    }

    /**
     * True or false from the pact verification, else from bi-directional contract testing; null
     * when neither exists.
     */
    public Boolean success() {
      return verification != null
          ? Boolean.valueOf(verification.isSuccess())
          : bidirectional != null ? Boolean.valueOf(bidirectional.success()) : null;
    }

    /** Whether the row's outcome comes from a provider contract (no pact verification). */
    public boolean verifiedBidirectionally() {
      return verification == null && bidirectional != null;
    }

    Row withBidirectional(BidirectionalResult result) {
      return new Row(
          consumer,
          consumerVersion,
          provider,
          providerVersion,
          publication,
          content,
          verification,
          ignored,
          result);
    }
  }
}
