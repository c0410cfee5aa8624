package dev.accord.examples.products.order;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The example's stand-in for a message broker: logs each event. */
@Component
class LoggingEventChannel implements EventChannel {
  private static final Logger log = LoggerFactory.getLogger(LoggingEventChannel.class);

  @Override
  public void send(String topic, String key, byte[] payload, Map<String, Object> headers) {
    log.info("{} [{}] {} {}", topic, key, headers, new String(payload, StandardCharsets.UTF_8));
  }
}
