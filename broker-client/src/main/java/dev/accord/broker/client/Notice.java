package dev.accord.broker.client;

/**
 * A message from the broker meant for people, as in the {@code notices} of publish and matrix
 * responses.
 *
 * @param type {@code success}, {@code info}, {@code warning}, {@code error}, {@code prompt}, ... as
 *     the broker sent it
 * @param text the message
 */
public record Notice(String type, String text) {}
