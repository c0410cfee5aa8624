package dev.accord.broker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Test-only: counts the SQL statements the broker prepares or creates (JPA and JDBC alike), by
 * wrapping its DataSource. Add it with {@code
 * spring.main.sources=dev.accord.broker.StatementCounter}; requests must be sent one at a time for
 * the count between two reads to belong to one request.
 */
@Configuration(proxyBeanMethods = false)
public class StatementCounter {
  static final AtomicLong STATEMENTS = new AtomicLong();

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource)) {
          return new DelegatingDataSource(ds) {
            @Override
            public Connection getConnection() throws SQLException {
              return counting(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
              return counting(super.getConnection(username, password));
            }
          };
        }
        return bean;
      }
    };
  }

  private static Connection counting(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            StatementCounter.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")
                  || method.getName().equals("createStatement")
                  || method.getName().equals("prepareCall")) {
                STATEMENTS.incrementAndGet();
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
