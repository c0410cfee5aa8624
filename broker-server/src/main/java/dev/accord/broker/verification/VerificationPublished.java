package dev.accord.broker.verification;

import dev.accord.broker.pact.PactContent;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.version.Version;

/**
 * Published synchronously inside the transaction that records a verification result (see {@code
 * ContractPublished}).
 */
public record VerificationPublished(
    Verification verification,
    Pacticipant provider,
    Pacticipant consumer,
    Version providerVersion,
    PactContent content) {}
