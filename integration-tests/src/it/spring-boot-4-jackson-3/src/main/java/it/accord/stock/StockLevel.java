package it.accord.stock;

public record StockLevel(String sku, int available) {}
