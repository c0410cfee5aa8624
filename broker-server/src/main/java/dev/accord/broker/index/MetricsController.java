package dev.accord.broker.index;

import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code pb:metrics}: how much the broker holds, in the Pact Broker's {@code {"<thing>": {"count": n}}} shape. */
@RestController
class MetricsController {
  private final JdbcTemplate jdbc;
  private final Links links;

  MetricsController(JdbcTemplate jdbc, Links links) {
    this.jdbc = jdbc;
    this.links = links;
  }

  @GetMapping("/metrics")
  ResponseEntity<Map<String, Object>> metrics() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pacticipants", count("pacticipant"));
    body.put("integrations", count("integration"));
    body.put("pacticipantVersions", count("version"));
    body.put("pactPublications", count("pact_publication"));
    body.put("pactVersions", count("pact_content"));
    body.put("verificationResults", count("verification"));
    body.put("webhooks", count("webhook"));
    body.put("triggeredWebhooks", count("triggered_webhook"));
    body.put("environments", count("environment"));
    body.put("deployedVersions", count("deployed_version"));
    body.put("releasedVersions", count("released_version"));
    body.put("_links", Map.of("self", Links.link(links.url("/metrics"), "Metrics")));
    return Hal.ok(body);
  }

  private Map<String, Object> count(String table) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    return Map.of("count", n == null ? 0 : n);
  }
}
