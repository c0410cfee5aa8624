package dev.accord.broker.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Wires {@link DatabaseStart}: Flyway's migration and Hibernate's bootstrap run on its thread, and
 * the broker's {@code DataSource} makes every other thread wait for it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseStartConfiguration {
  @Bean
  DatabaseStart databaseStart() {
    return new DatabaseStart();
  }

  @Bean
  FlywayMigrationStrategy migrateOnTheDatabaseStartThread(DatabaseStart start) {
    return start::migrateOnStartThread;
  }

  /** The repositories are created once the database has started (first of the listeners). */
  @Bean
  static RepositoriesAfterTheDatabase repositoriesAfterTheDatabase(
      ObjectProvider<DatabaseStart> databaseStart) {
    return new RepositoriesAfterTheDatabase(databaseStart);
  }

  @Bean
  static BeanPostProcessor databaseStartHooks(ObjectProvider<DatabaseStart> databaseStart) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof AbstractEntityManagerFactoryBean factory) {
          factory.setBootstrapExecutor(databaseStart.getObject().hibernateExecutor());
        }
        return bean;
      }

      /**
       * Hibernate starts without Spring's bean container (the broker has no converter, listener or
       * other Hibernate extension for Spring to make): it builds on the start thread while another
       * thread may hold Spring's singleton lock and wait for it (creating the repositories, or a
       * request that needs one), and the container asks Spring for beans under that lock. The
       * vendor adapter adds the container only when it has the bean factory, and uses it for
       * nothing else.
       */
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof HibernateJpaVendorAdapter adapter) {
          adapter.setBeanFactory(null);
        }
        if (bean instanceof DataSource dataSource && !(bean instanceof AfterStart)) {
          return new AfterStart(dataSource, databaseStart.getObject());
        }
        return bean;
      }
    };
  }

  static final class RepositoriesAfterTheDatabase
      implements ApplicationListener<ContextRefreshedEvent>, Ordered {
    private final ObjectProvider<DatabaseStart> databaseStart;

    RepositoriesAfterTheDatabase(ObjectProvider<DatabaseStart> databaseStart) {
      this.databaseStart = databaseStart;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
      try {
        databaseStart.getObject().await();
      } catch (SQLException e) {
        // a failed start stops the broker; a slow one lets the repositories wait on their own
      }
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  /** The broker's {@code DataSource}: a connection once the database has started. */
  static final class AfterStart extends DelegatingDataSource {
    private final DatabaseStart start;

    AfterStart(DataSource target, DatabaseStart start) {
      super(target);
      this.start = start;
    }

    @Override
    public Connection getConnection() throws SQLException {
      start.await();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      start.await();
      return super.getConnection(username, password);
    }
  }
}
