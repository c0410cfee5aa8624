package it.accord.greeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Writes and reads greeting.sent events with the application's ObjectMapper (Jackson 2.18). */
@Component
public class GreetingEvents {
  private final ObjectMapper mapper;
  private final List<GreetingSent> received = new ArrayList<>();

  public GreetingEvents(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public byte[] serialize(GreetingSent event) {
    try {
      return mapper.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void handle(byte[] message) {
    try {
      received.add(mapper.readValue(message, GreetingSent.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<GreetingSent> received() {
    return List.copyOf(received);
  }
}
