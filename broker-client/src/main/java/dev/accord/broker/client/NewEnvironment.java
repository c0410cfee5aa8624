package dev.accord.broker.client;

/**
 * An environment to create with {@link PactBrokerClient#createEnvironment(NewEnvironment)}.
 *
 * @param name the name, without spaces (e.g. {@code production})
 * @param displayName a name for people, or null for the broker's default
 * @param production whether it is a production environment
 * @param contactName a contact's name, or null
 * @param contactEmail the contact's e-mail address, or null
 */
public record NewEnvironment(
    String name, String displayName, boolean production, String contactName, String contactEmail) {
  public NewEnvironment {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An environment needs a name (--name), e.g. production");
    }
  }
}
