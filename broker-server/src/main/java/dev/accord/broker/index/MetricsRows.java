package dev.accord.broker.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Row counts of the tables {@code /metrics} reports, by the Pact Broker's name for each. */
@Component
class MetricsRows {
  /** Pact Broker name, table; in the order the answer lists them. */
  private static final List<Map.Entry<String, String>> TABLES =
      List.of(
          Map.entry("pacticipants", "pacticipant"),
          Map.entry("integrations", "integration"),
          Map.entry("pacticipantVersions", "version"),
          Map.entry("pactPublications", "pact_publication"),
          Map.entry("pactVersions", "pact_content"),
          Map.entry("verificationResults", "verification"),
          Map.entry("webhooks", "webhook"),
          Map.entry("triggeredWebhooks", "triggered_webhook"),
          Map.entry("environments", "environment"),
          Map.entry("deployedVersions", "deployed_version"),
          Map.entry("releasedVersions", "released_version"));

  private final JdbcTemplate jdbc;

  MetricsRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Each name with its count, in a fixed order. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : TABLES) {
      Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + t.getValue(), Long.class);
      counts.put(t.getKey(), n == null ? 0 : n);
    }
    return counts;
  }
}
