package dev.accord.broker.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures are the database's outage (503) and which are a refused request (left to the API's
 * error handling).
 */
class DatabaseFailuresTest {
  @Test
  void postgresShuttingDownUnderAQueryIsAnOutage() {
    SQLException shutdown =
        new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertThat(
            DatabaseFailures.outage(
                new UncategorizedSQLException("PreparedStatementCallback", "SELECT 1", shutdown)))
        .contains(shutdown);
  }

  @Test
  void aRollbackOnAConnectionThePoolAlreadyClosedIsAnOutage() {
    SQLException closed = new SQLException("Connection is closed");
    assertThat(
            DatabaseFailures.outage(new TransactionSystemException("JDBC rollback failed", closed)))
        .contains(closed);
  }

  @Test
  void noConnectionWithinThePoolTimeoutIsAnOutage() {
    SQLException timeout =
        new java.sql.SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 2000ms");
    assertThat(
            DatabaseFailures.outage(
                new CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction", timeout)))
        .isPresent();
  }

  @Test
  void h2FailingToWriteItsFileOnCommitIsAnOutage() {
    IOException full = new IOException("No space left on device");
    SQLException general =
        new SQLException(
            "General error: MVStoreException: Writing failed; SQL statement: COMMIT",
            "HY000",
            50000,
            new RuntimeException("Writing to file failed", full));
    assertThat(
            DatabaseFailures.outage(new TransactionSystemException("JDBC commit failed", general)))
        .contains(full);
    assertThat(
            DatabaseFailures.outage(
                new SQLException("The database has been closed", "90098", 90098)))
        .isPresent();
  }

  @Test
  void aConstraintViolationOrABugIsNotAnOutage() {
    assertThat(
            DatabaseFailures.outage(
                new DataIntegrityViolationException(
                    "duplicate key",
                    new SQLIntegrityConstraintViolationException(
                        "duplicate key value violates unique constraint", "23505"))))
        .isEmpty();
    assertThat(
            DatabaseFailures.outage(
                new IllegalStateException("a bug", new IOException("not the database"))))
        .isEmpty();
  }
}
