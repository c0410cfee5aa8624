package dev.accord.broker.client;

/**
 * A version recorded as deployed to (or undeployed from) an environment.
 *
 * @param pacticipant the application
 * @param version its version number
 * @param environment the environment's name
 * @param applicationInstance the application instance (blue, green, a region ...), or null
 * @param url the deployed-version resource
 */
public record Deployment(
    String pacticipant,
    String version,
    String environment,
    String applicationInstance,
    String url) {}
