package dev.accord.broker.web;

import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Re-runs a whole transaction when a concurrent writer won a race on a unique key (two publishes of
 * the same consumer version, two first publishes of a pacticipant). The retry sees the winner's
 * rows and answers from them, so the loser gets 200 (identical) or 409 (changed), never a duplicate
 * row.
 */
public final class Retrying {
  private static final int ATTEMPTS = 5;

  private Retrying() {}

  public static <T> T transaction(Supplier<T> work) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return work.get();
      } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
        last = e;
      }
    }
    throw last;
  }
}
