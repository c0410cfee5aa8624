package dev.accord.broker.index;

import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code pb:metrics}: how much the broker holds, in the Pact Broker's {@code {"<thing>": {"count":
 * n}}} shape.
 */
@RestController
class MetricsController {
  private final MetricsRows rows;
  private final Links links;

  MetricsController(MetricsRows rows, Links links) {
    this.rows = rows;
    this.links = links;
  }

  @GetMapping("/metrics")
  ResponseEntity<Map<String, Object>> metrics() {
    Map<String, Object> body = new LinkedHashMap<>();
    rows.counts().forEach((name, count) -> body.put(name, Map.of("count", count)));
    body.put("_links", Map.of("self", Links.link(links.url("/metrics"), "Metrics")));
    return Hal.ok(body);
  }
}
