package dev.accord.broker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the Accord broker: {@code java -jar broker-server.jar} listens on 9292 with an H2 file
 * database.
 */
@SpringBootApplication
public class BrokerApplication {
  public static void main(String[] args) {
    SpringApplication.run(BrokerApplication.class, args);
  }
}
