package dev.accord.consumer;

/**
 * An interaction that cannot be part of a contract, thrown when it is declared: a matcher whose
 * example breaks its own rule, a body that cannot be serialised, a state variable nobody declared,
 * two different interactions under one description. The message names the interaction, the place
 * and the fix.
 */
public class ContractDefinitionException extends IllegalArgumentException {
  public ContractDefinitionException(String message) {
    super(message);
  }

  public ContractDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
