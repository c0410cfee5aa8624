package dev.accord.broker.client;

import java.util.Optional;

/**
 * A pact document fetched from the broker.
 *
 * @param url where it was fetched from
 * @param json the document as the broker sent it (the pact plus the broker's {@code _links} and
 *     {@code createdAt}, which pact readers ignore)
 * @param consumerName the consumer, from {@code pb:consumer} or the pact's {@code consumer.name}
 * @param providerName the provider, from {@code pb:provider} or the pact's {@code provider.name}
 * @param consumerVersion the consumer version, from {@code pb:consumer-version}, when the broker
 *     says
 * @param publishVerificationResultsUrl where to POST the verification result ({@code
 *     pb:publish-verification-results}); empty when the broker offers none
 */
public record BrokerPact(
    String url,
    String json,
    String consumerName,
    String providerName,
    Optional<String> consumerVersion,
    Optional<String> publishVerificationResultsUrl) {}
