package dev.accord.broker.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the embedded H2 file database behind {@link SyncedH2DataSource}; PostgreSQL is durable on
 * commit as it is.
 */
@Configuration(proxyBeanMethods = false)
class DurableDatabase {
  private static final Logger log = LoggerFactory.getLogger(DurableDatabase.class);

  @Bean
  static BeanPostProcessor syncedH2Commits() {
    return new SyncedH2Commits();
  }

  /**
   * First of the post-processors, so that any other wrapper of the pool goes around the synced one.
   */
  private static final class SyncedH2Commits implements BeanPostProcessor, Ordered {
    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (bean instanceof DataSource dataSource && !(bean instanceof SyncedH2DataSource)) {
        HikariDataSource hikari = pool(dataSource);
        if (hikari != null && isH2File(hikari.getJdbcUrl())) {
          SyncedH2DataSource synced = new SyncedH2DataSource(dataSource);
          try {
            synced.writeCommitsImmediately();
          } catch (SQLException e) {
            throw new IllegalStateException(
                "Could not make the commits of the H2 database "
                    + hikari.getJdbcUrl()
                    + " durable "
                    + "(SET WRITE_DELAY 0, CHECKPOINT SYNC): "
                    + e.getMessage()
                    + ". Check that the directory is writable, "
                    + "that no other process has the database open, and that spring.datasource.username is an H2 admin "
                    + "(as the default 'sa' is).",
                e);
          }
          log.info(
              "H2 database {}: every commit is written and synced to disk before the broker answers",
              hikari.getJdbcUrl());
          return synced;
        }
      }
      return bean;
    }

    private static HikariDataSource pool(DataSource dataSource) {
      try {
        return dataSource.isWrapperFor(HikariDataSource.class)
            ? dataSource.unwrap(HikariDataSource.class)
            : null;
      } catch (SQLException e) {
        return null;
      }
    }
  }

  static boolean isH2File(String jdbcUrl) {
    return jdbcUrl != null
        && jdbcUrl.startsWith("jdbc:h2:")
        && !jdbcUrl.startsWith("jdbc:h2:mem:")
        && !jdbcUrl.startsWith("jdbc:h2:tcp:")
        && !jdbcUrl.startsWith("jdbc:h2:ssl:");
  }
}
