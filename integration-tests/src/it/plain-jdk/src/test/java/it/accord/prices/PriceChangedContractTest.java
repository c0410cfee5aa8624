package it.accord.prices;

import static dev.accord.consumer.Accord.integer;
import static dev.accord.consumer.Accord.like;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ConsumerContract(consumer = "price-watcher", provider = "price-service")
class PriceChangedContractTest {

  @Test
  void readsTheSkuOfAPriceChange(MockProvider provider) {
    List<String> changed = new ArrayList<>();

    provider
        .expectsToReceive("a price.changed event")
        .withContent(Map.of("sku", like("pear"), "cents", integer(449)))
        .deliverTo(message -> changed.add(PriceClient.skuOfPriceChange(message.bytes())));

    assertEquals(List.of("pear"), changed);
  }
}
