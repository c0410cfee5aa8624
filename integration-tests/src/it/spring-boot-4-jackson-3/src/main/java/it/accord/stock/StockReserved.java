package it.accord.stock;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The stock.reserved event, in snake_case as the application's own Jackson 3 mapper writes it. */
public record StockReserved(
    String sku, int quantity, @JsonProperty("reserved_at") Instant reservedAt) {}
