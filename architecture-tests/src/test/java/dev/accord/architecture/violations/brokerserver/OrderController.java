package dev.accord.architecture.violations.brokerserver;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Breaks both controller rules: it reads a repository itself and opens a transaction. */
@RestController
public class OrderController {
  private final OrderRepository orders;

  public OrderController(OrderRepository orders) {
    this.orders = orders;
  }

  @Transactional
  public long count() {
    return orders.count();
  }
}
