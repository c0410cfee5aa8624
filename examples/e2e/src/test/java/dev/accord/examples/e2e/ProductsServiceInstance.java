package dev.accord.examples.e2e;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.accord.examples.products.ProductsApplication;
import dev.accord.examples.products.order.OrderPlaced;
import dev.accord.examples.products.order.OrderPlacedPublisher;
import dev.accord.examples.products.product.ProductView;
import dev.accord.verifier.Message;
import dev.accord.verifier.ProviderVerifier;
import dev.accord.verifier.ProvidesMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** products-service running in this JVM on a random port with its own in-memory database. */
final class ProductsServiceInstance implements AutoCloseable {
  final String baseUrl;
  private final ConfigurableApplicationContext context;

  private ProductsServiceInstance(ConfigurableApplicationContext context) {
    this.context = context;
    this.baseUrl =
        "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
  }

  /** The released products-service. */
  static ProductsServiceInstance current(String name) {
    return start(name, List.of());
  }

  /** products-service after a developer renamed {@code name} to {@code title} in its JSON. */
  static ProductsServiceInstance withNameRenamedToTitle(String name) {
    return start(name, List.of(RenameNameToTitle.class));
  }

  private static ProductsServiceInstance start(String name, List<Class<?>> extra) {
    List<Class<?>> sources = new ArrayList<>(List.of(ProductsApplication.class));
    sources.addAll(extra);
    // arguments, not builder properties: those are defaults, and application.properties would win
    // over them
    return new ProductsServiceInstance(
        new SpringApplicationBuilder(sources.toArray(Class[]::new))
            .run(
                "--server.port=0",
                "--products.provider-states.enabled=true",
                "--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "--spring.jmx.enabled=false",
                "--spring.flyway.locations=classpath:db/products"));
  }

  /**
   * A verifier aimed at this instance: HTTP, its state endpoint, and its real order.placed
   * serializer.
   */
  ProviderVerifier verifier() {
    return ProviderVerifier.forProvider("products-service")
        .baseUrl(baseUrl)
        .stateChangeUrl(baseUrl + "/_pact/provider-states")
        .messageProviders(new OrderPlacedMessages(context.getBean(OrderPlacedPublisher.class)));
  }

  @Override
  public void close() {
    context.close();
  }

  /** The order.placed message as products-service's publisher produces it. */
  static final class OrderPlacedMessages {
    private final OrderPlacedPublisher publisher;

    OrderPlacedMessages(OrderPlacedPublisher publisher) {
      this.publisher = publisher;
    }

    @ProvidesMessage("an order.placed event")
    Message orderPlaced() {
      OrderPlaced event = new OrderPlaced("ord-1001", 42, 2, Instant.parse("2026-05-01T10:15:30Z"));
      return Message.of(publisher.serialize(event)).withMetadata(publisher.headers());
    }
  }

  /** The breaking change: {@code ProductView.name} is written as {@code title}. */
  @Configuration(proxyBeanMethods = false)
  static class RenameNameToTitle {
    @Bean
    JsonMapperBuilderCustomizer renameNameToTitle() {
      return builder -> builder.addMixIn(ProductView.class, TitleMixin.class);
    }

    interface TitleMixin {
      @JsonProperty("title")
      String name();
    }
  }
}
