package dev.accord.examples.orders;

import java.time.Instant;

/** The {@code order.placed} event as orders-service reads it. */
public record OrderPlaced(String orderId, long productId, int quantity, Instant placedAt) {}
