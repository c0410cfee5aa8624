package dev.accord.verifier;

import java.util.Map;

/**
 * Produces the message for an interaction of a message pact, as an alternative to {@link
 * ProvidesMessage @ProvidesMessage} methods.
 */
@FunctionalInterface
public interface MessageProducer {
  /**
   * @param description the interaction's description
   * @param providerState the provider states' params merged with what state handlers returned
   * @return the message, or null when this producer does not know the description
   */
  Message produce(String description, Map<String, Object> providerState) throws Exception;
}
