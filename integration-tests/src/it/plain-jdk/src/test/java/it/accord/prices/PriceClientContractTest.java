package it.accord.prices;

import static dev.accord.consumer.Accord.GET;
import static dev.accord.consumer.Accord.integer;
import static dev.accord.consumer.Accord.like;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

@ConsumerContract(consumer = "price-client", provider = "price-service")
class PriceClientContractTest {

  @Test
  void runsOnTheJUnitThisBuildAskedFor() {
    String wanted = System.getProperty("junit.version");
    String running = ExtensionContext.class.getPackage().getImplementationVersion();
    assertEquals(wanted, running, "junit-jupiter-api on the test classpath");
  }

  @Test
  void readsAPrice(MockProvider provider) throws Exception {
    provider
        .uponReceiving("the price of a pear")
        .withRequest(GET, "/prices/pear")
        .header("Accept", "application/json")
        .willRespondWith(200)
        .body(Map.of("sku", like("pear"), "cents", integer(499)));

    assertEquals(499, new PriceClient(provider.url()).centsFor("pear"));
  }
}
