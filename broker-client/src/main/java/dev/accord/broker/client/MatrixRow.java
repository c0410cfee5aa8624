package dev.accord.broker.client;

import java.util.Optional;

/**
 * One row of the matrix: a pact between two versions and its verification, if any.
 *
 * @param consumer consumer name
 * @param consumerVersion consumer version number
 * @param provider provider name
 * @param providerVersion provider version number, empty when no provider version verified it
 * @param success the verification outcome, empty when not verified
 * @param verificationUrl the verification result's URL, when verified
 * @param ignored true when an ignore selector excluded it from the verdict
 */
public record MatrixRow(
    String consumer,
    String consumerVersion,
    String provider,
    Optional<String> providerVersion,
    Optional<Boolean> success,
    Optional<String> verificationUrl,
    boolean ignored) {}
