package dev.accord.examples.products.order;

import java.time.Instant;

/** The {@code order.placed} event. */
public record OrderPlaced(String orderId, long productId, int quantity, Instant placedAt) {}
