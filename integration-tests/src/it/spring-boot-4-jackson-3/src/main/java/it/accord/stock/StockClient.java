package it.accord.stock;

import org.springframework.web.client.RestClient;

/** The consumer side of stock-service's HTTP contract. */
public class StockClient {
  private final RestClient http;

  public StockClient(String baseUrl) {
    http = RestClient.builder().baseUrl(baseUrl).build();
  }

  public StockLevel levelOf(String sku) {
    return http.get().uri("/stock/{sku}", sku).retrieve().body(StockLevel.class);
  }
}
