package dev.accord.architecture.violations.brokerserver;

/** Stands for a Spring Data repository of the pretend broker-server. */
public interface OrderRepository {
  long count();
}
