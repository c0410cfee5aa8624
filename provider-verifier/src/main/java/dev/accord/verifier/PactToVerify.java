package dev.accord.verifier;

import dev.accord.pact.model.Pact;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pact to verify, as a {@link PactSource} delivered it.
 *
 * @param pact the contract
 * @param origin where it came from (file path, URL, broker link), used in every message about it
 * @param pending a pending pact (broker): its failures are reported but do not fail the
 *     verification
 * @param publishResultsUrl where the broker wants the verification result for this pact, when known
 * @param notices what the source wants the user to read (the broker's notices), printed before
 *     verifying
 */
public record PactToVerify(
    Pact pact,
    String origin,
    boolean pending,
    Optional<String> publishResultsUrl,
    List<String> notices) {

  public PactToVerify {
    Objects.requireNonNull(pact, "pact");
    Objects.requireNonNull(origin, "origin");
    publishResultsUrl = publishResultsUrl == null ? Optional.empty() : publishResultsUrl;
    notices = notices == null ? List.of() : List.copyOf(notices);
  }

  public static PactToVerify of(Pact pact, String origin) {
    return new PactToVerify(pact, origin, false, Optional.empty(), List.of());
  }
}
