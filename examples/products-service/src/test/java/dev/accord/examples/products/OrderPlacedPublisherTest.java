package dev.accord.examples.products;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.examples.products.order.OrderPlaced;
import dev.accord.examples.products.order.OrderPlacedPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OrderPlacedPublisherTest {
  @Autowired OrderPlacedPublisher publisher;

  @Test
  void writesInstantsAsIsoTextWithTheApplicationsMapper() {
    byte[] bytes =
        publisher.serialize(new OrderPlaced("ord-7", 3, 1, Instant.parse("2026-05-01T10:15:30Z")));

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"orderId\":\"ord-7\",\"productId\":3,\"quantity\":1,\"placedAt\":\"2026-05-01T10:15:30Z\"}");
  }
}
