package dev.accord.examples.orders;

/** A product as orders-service needs it: only the fields it reads from products-service. */
public record Product(long id, String name, double price, String category) {}
