package it.accord.stock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * stock.reserved through the application's JsonMapper (Jackson 3, as Spring Boot 4 configures it).
 */
@Component
public class StockEvents {
  private final JsonMapper json;
  private final List<StockReserved> reservations = new CopyOnWriteArrayList<>();

  public StockEvents(JsonMapper json) {
    this.json = json;
  }

  public byte[] write(StockReserved event) {
    return json.writeValueAsBytes(event);
  }

  public void onMessage(byte[] payload) {
    reservations.add(json.readValue(payload, StockReserved.class));
  }

  public List<StockReserved> reservations() {
    return List.copyOf(reservations);
  }
}
