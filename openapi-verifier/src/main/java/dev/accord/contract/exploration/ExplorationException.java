package dev.accord.contract.exploration;

/**
 * Exploration cannot start: a bad transitions file, an unknown operation, a pattern that selects
 * nothing.
 */
public final class ExplorationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExplorationException(String message) {
    super(message);
  }

  public ExplorationException(String message, Throwable cause) {
    super(message, cause);
  }
}
