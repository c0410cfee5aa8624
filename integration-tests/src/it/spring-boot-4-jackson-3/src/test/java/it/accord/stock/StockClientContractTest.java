package it.accord.stock;

import static dev.accord.consumer.Accord.GET;
import static dev.accord.consumer.Accord.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ConsumerContract(consumer = "stock-client", provider = "stock-service")
class StockClientContractTest {

  @Test
  void readsTheStockLevelOfAnItem(MockProvider provider) {
    provider
        .uponReceiving("the stock level of apples")
        .withRequest(GET, "/stock/apple")
        .willRespondWith(200)
        .body(Map.of("sku", "apple", "available", integer(12)));

    assertThat(new StockClient(provider.url()).levelOf("apple"))
        .isEqualTo(new StockLevel("apple", 12));
  }
}
