package dev.accord.broker.matrix;

import dev.accord.broker.pact.ContentRef;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.verification.Verification;
import dev.accord.broker.version.Version;
import java.util.List;

/**
 * The answer to can-i-deploy: {@code deployable} is TRUE, FALSE or null (unknown), always with the reasons and the
 * matrix rows it was computed from.
 */
public record DeployDecision(Boolean deployable, List<Reason> reasons, List<Row> rows, int success, int failed, int unknown, int ignored,
    boolean ignoresGiven) {

  /** One sentence of explanation; {@code type} is success, error, warning or info (the notice types the CLI colours). */
  public record Reason(String type, String text) {}

  /** A consumer version's pact with a provider, and the verification by one provider version (or none). */
  public record Row(Pacticipant consumer, Version consumerVersion, Pacticipant provider, Version providerVersion,
      PactPublication publication,
      ContentRef content, Verification verification, boolean ignored) {
    Boolean success() {
      return verification == null ? null : verification.isSuccess();
    }
  }
}
