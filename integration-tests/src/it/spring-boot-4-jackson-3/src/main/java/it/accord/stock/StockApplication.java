package it.accord.stock;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class StockApplication {
  public static void main(String[] args) {
    SpringApplication.run(StockApplication.class, args);
  }

  @GetMapping("/stock/{sku}")
  StockLevel level(@PathVariable String sku) {
    Map<String, Integer> levels = Map.of("apple", 12);
    return new StockLevel(sku, levels.getOrDefault(sku, 0));
  }
}
