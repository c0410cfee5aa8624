package it.accord.greeting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GreetingApplication {
  public static void main(String[] args) {
    SpringApplication.run(GreetingApplication.class, args);
  }
}
