package dev.accord.broker.providercontract;

/**
 * The provider's own test of its implementation against its document, as {@code
 * selfVerificationResults} sent it. {@code published} is false when the contract came without one:
 * such a contract never counts as verified.
 *
 * @param content the results file, decoded (any text: a JUnit report, Accord's JSON report, a log),
 *     or null
 */
record SelfVerification(
    boolean published,
    boolean success,
    String content,
    String contentType,
    String format,
    String verifier,
    String verifierVersion) {

  static final SelfVerification NONE =
      new SelfVerification(false, false, null, null, null, null, null);
}
