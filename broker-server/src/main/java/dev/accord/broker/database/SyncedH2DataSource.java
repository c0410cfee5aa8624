package dev.accord.broker.database;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An H2 file database whose acknowledged writes are on disk: H2's MVStore writes a commit to the
 * file only {@code WRITE_DELAY} (500 ms) later and never calls fsync on commit, so a {@code kill
 * -9} loses the last half second and a power loss loses what the operating system had not flushed.
 * Here {@code WRITE_DELAY} is 0 (each commit writes its chunk before returning) and every commit of
 * a read-write connection is followed by {@code CHECKPOINT SYNC} (H2's documented way to force the
 * file to the device), so the broker answers only after the data is on disk.
 */
final class SyncedH2DataSource implements DataSource {
  private final DataSource target;

  SyncedH2DataSource(DataSource target) {
    this.target = target;
  }

  /**
   * Sets {@code WRITE_DELAY 0} on the database and runs one {@code CHECKPOINT SYNC}, so that a user
   * without the admin right both need fails at start rather than on every write; called once when
   * the pool is created.
   */
  void writeCommitsImmediately() throws SQLException {
    try (Connection c = target.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET WRITE_DELAY 0");
      s.execute("CHECKPOINT SYNC");
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return synced(target.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return synced(target.getConnection(username, password));
  }

  private static Connection synced(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            SyncedH2DataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if ("commit".equals(method.getName()) && !connection.isReadOnly()) {
                try (Statement s = connection.createStatement()) {
                  s.execute("CHECKPOINT SYNC");
                }
              }
              return result;
            });
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target.isWrapperFor(type);
  }
}
