package dev.accord.broker.client;

/**
 * An environment the broker knows (test, production, ...).
 *
 * @param uuid the broker's id for it
 * @param name the name used on command lines ({@code --environment production})
 * @param displayName a name for people
 * @param production whether it is a production environment
 * @param createdAt when it was created (ISO-8601), or empty
 */
public record Environment(
    String uuid, String name, String displayName, boolean production, String createdAt) {}
