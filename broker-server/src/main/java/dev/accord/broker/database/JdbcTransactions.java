package dev.accord.broker.database;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The broker's transactions are JDBC transactions on the pool. A failed COMMIT or ROLLBACK comes
 * out as a {@link org.springframework.transaction.TransactionSystemException} around the driver's
 * exception, as with JPA before (Spring Boot's default {@code JdbcTransactionManager} would turn it
 * into an uncategorized data-access exception): {@link DatabaseFailures} reads it as the database's
 * outage, so a commit on a full disk or a rollback on a connection the pool closed answers 503.
 * Statements' own failures are translated by JdbcTemplate (a unique-key race is a {@code
 * DuplicateKeyException}, a {@code DataIntegrityViolationException}).
 */
@Configuration(proxyBeanMethods = false)
class JdbcTransactions {
  @Bean
  DataSourceTransactionManager transactionManager(DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }
}
