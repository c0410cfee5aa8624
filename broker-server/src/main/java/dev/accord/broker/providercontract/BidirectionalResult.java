package dev.accord.broker.providercontract;

/**
 * What bi-directional contract testing says about one consumer pact content and one provider
 * version: the provider version's contract (document hash), its self-verification, and the
 * comparison of the pact with the document. It counts as a successful verification only when the
 * self-verification was published and passed and the pact is compatible with the document.
 */
public record BidirectionalResult(
    String contractSha,
    boolean selfVerificationPublished,
    boolean selfVerificationSuccess,
    ComparisonOutcome comparison) {

  /** Compatible, and the provider's self-verification was published and passed. */
  public boolean success() {
    return selfVerificationPublished && selfVerificationSuccess && comparison.compatible();
  }
}
