package dev.accord.examples.products;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * products-service: serves products over HTTP and announces placed orders as {@code order.placed}
 * events.
 */
@SpringBootApplication
public class ProductsApplication {
  public static void main(String[] args) {
    SpringApplication.run(ProductsApplication.class, args);
  }
}
