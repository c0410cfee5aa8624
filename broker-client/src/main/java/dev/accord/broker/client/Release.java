package dev.accord.broker.client;

/**
 * A version recorded as released to an environment (mobile apps, libraries: several supported at
 * once), or whose support ended.
 *
 * @param pacticipant the application
 * @param version its version number
 * @param environment the environment's name
 * @param url the released-version resource
 */
public record Release(String pacticipant, String version, String environment, String url) {}
