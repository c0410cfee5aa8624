package dev.accord.broker.client;

/**
 * What the broker answered to a published verification result.
 *
 * @param url the verification result's URL ({@code Location} or {@code _links.self})
 * @param success the outcome the broker recorded
 */
public record PublishedVerification(String url, boolean success) {}
