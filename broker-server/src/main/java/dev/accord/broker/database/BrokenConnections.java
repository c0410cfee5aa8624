package dev.accord.broker.database;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Makes the connection pool drop connections to an H2 database that closed itself after a write
 * error (disk full): H2 reports it with its own error codes, which the pool does not know, so
 * without this every pooled connection stays broken after the cause is gone. A fresh connection
 * reopens the database. Configured as {@code
 * spring.datasource.hikari.exception-override-class-name}.
 */
public final class BrokenConnections implements SQLExceptionOverride {
  @java.lang.Override
  public SQLExceptionOverride.Override adjudicate(SQLException e) {
    return DatabaseFailures.unavailable(e)
        ? SQLExceptionOverride.Override.MUST_EVICT
        : SQLExceptionOverride.Override.CONTINUE_EVICT;
  }
}
