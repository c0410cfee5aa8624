package dev.accord.broker.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot serve (unreachable, shut down, disk full, closed after a write
 * error) from a request the database refused (a constraint, a bad value): the first is the broker's
 * outage and answered 503, the second is not.
 */
final class DatabaseFailures {
  /**
   * H2 error codes of a database that cannot serve: 90028/90031 IO exception, 90098 database
   * closed, 90100 no disk space, 90121 called at shutdown, 90067 connection broken, 90135 database
   * is in exclusive mode.
   */
  static final Set<Integer> H2_UNAVAILABLE =
      Set.of(90028, 90031, 90098, 90100, 90121, 90067, 90135);

  private DatabaseFailures() {}

  /**
   * The cause that makes {@code failure} a database outage, if it is one (searching causes and
   * suppressed exceptions).
   */
  static Optional<Throwable> outage(Throwable failure) {
    return outage(failure, false, new java.util.IdentityHashMap<>());
  }

  private static Optional<Throwable> outage(
      Throwable t, boolean inDatabase, java.util.Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return Optional.empty();
    }
    if (t instanceof CannotCreateTransactionException
        || t instanceof DataAccessResourceFailureException
        || t instanceof TransientDataAccessResourceException
        || t instanceof RecoverableDataAccessException
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException
        || (t instanceof SQLException sql && unavailable(sql))
        // commit or rollback failed in the driver: the connection is gone (a rollback after the
        // pool closed it, a commit on a full disk)
        || (t instanceof TransactionSystemException && t.getCause() instanceof SQLException)
        // the database's own I/O failed (H2 writing its file)
        || (inDatabase && t instanceof java.io.IOException)) {
      return Optional.of(deepest(t));
    }
    boolean database =
        inDatabase
            || t instanceof SQLException
            || t instanceof org.springframework.dao.DataAccessException
            || t instanceof org.springframework.transaction.TransactionException;
    for (Throwable suppressed : t.getSuppressed()) {
      Optional<Throwable> found = outage(suppressed, database, seen);
      if (found.isPresent()) {
        return found;
      }
    }
    return outage(t.getCause(), database, seen);
  }

  /**
   * Whether this SQL exception means the database cannot serve at all (as opposed to refusing one
   * statement).
   */
  static boolean unavailable(SQLException e) {
    String state = e.getSQLState();
    if (state != null
        && (state.startsWith("08") // connection exception
            || state.startsWith(
                "53") // insufficient resources: disk full, out of memory, too many connections
            || state.startsWith(
                "57P") // operator intervention: shutdown, crash shutdown, cannot connect now
            || state.startsWith("58"))) { // system error: I/O error
      return true;
    }
    return H2_UNAVAILABLE.contains(e.getErrorCode())
        && state != null
        && state.equals(String.valueOf(e.getErrorCode()));
  }

  private static Throwable deepest(Throwable t) {
    Throwable last = t;
    while (last.getCause() != null && last.getCause() != last) {
      last = last.getCause();
    }
    return last;
  }
}
