package dev.accord.broker.web;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One migration for PostgreSQL and H2: {@code ${long_text}} is TEXT on PostgreSQL, large VARCHAR on
 * H2.
 */
@Configuration(proxyBeanMethods = false)
class FlywayPlaceholders {
  @Bean
  FlywayConfigurationCustomizer longTextPlaceholder(DataSource dataSource) {
    return configuration -> {
      String product;
      try (Connection c = dataSource.getConnection()) {
        product = c.getMetaData().getDatabaseProductName();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(
            "Cannot connect to the database to choose the migration dialect: " + e.getMessage(), e);
      }
      String longText =
          product.toLowerCase(java.util.Locale.ROOT).contains("h2")
              ? "CHARACTER VARYING(1000000000)"
              : "TEXT";
      configuration.placeholders(Map.of("long_text", longText));
    };
  }
}
