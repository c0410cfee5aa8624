package dev.accord.broker.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** INSERTs whose row id the database generates (the identity columns of every table). */
public final class Inserts {
  private Inserts() {}

  /** Runs the INSERT and returns the id the database generated for the new row. */
  public static long returningId(JdbcClient.StatementSpec insert) {
    KeyHolder keys = new GeneratedKeyHolder();
    insert.update(keys, "id");
    Number id = keys.getKey();
    if (id == null) {
      throw new IllegalStateException("The database returned no id for the new row");
    }
    return id.longValue();
  }
}
