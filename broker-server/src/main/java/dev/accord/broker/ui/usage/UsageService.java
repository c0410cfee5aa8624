package dev.accord.broker.ui.usage;

import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Pact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads, for one provider, the pact of each consumer that the usage map reads: the latest one
 * published from the consumer's main branch when the consumer has a main branch with a pact on it,
 * else the latest one. Two statements: the chosen consumer version per consumer, then those pacts'
 * contents.
 */
@Service
class UsageService {
  /**
   * Which pact a consumer's usage comes from; {@code problem} is set when its content could not be
   * read.
   */
  record Source(String consumer, String version, String from, String problem) {}

  record Result(String provider, ProviderUsage usage, List<Source> sources) {}

  private static final String CHOSEN =
      """
      SELECT p.consumer_id, MAX(p.consumer_version_id) AS latest,
        MAX(CASE WHEN EXISTS (SELECT 1 FROM branch_version bv JOIN branch b ON b.id = bv.branch_id
                              WHERE bv.version_id = p.consumer_version_id AND b.pacticipant_id = p.consumer_id
                                AND b.name = c.main_branch)
            THEN p.consumer_version_id END) AS latest_main
      FROM pact_publication p JOIN pacticipant c ON c.id = p.consumer_id
      WHERE p.provider_id = ?
      GROUP BY p.consumer_id""";

  private static final int CACHED_PACTS = 500;

  private final JdbcTemplate jdbc;
  // Pact content is immutable, so a parsed pact can be kept by content id; bounded (LRU) to keep
  // the heap small.
  private final Map<Long, Pact> parsed =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Pact> eldest) {
              return size() > CACHED_PACTS;
            }
          });

  UsageService(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Transactional(readOnly = true)
  Optional<Result> usage(String providerName) {
    List<Long> ids =
        jdbc.queryForList("SELECT id FROM pacticipant WHERE name = ?", Long.class, providerName);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    long providerId = ids.get(0);
    List<Long> versions = new ArrayList<>();
    List<Long> fromMain = new ArrayList<>();
    jdbc.query(
        CHOSEN,
        rs -> {
          long main = rs.getLong(3);
          if (rs.wasNull()) {
            versions.add(rs.getLong(2));
          } else {
            versions.add(main);
            fromMain.add(main);
          }
        },
        providerId);
    List<ProviderUsage.ConsumerPact> pacts = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    if (!versions.isEmpty()) {
      String in = String.join(",", Collections.nCopies(versions.size(), "?"));
      Object[] args = new Object[versions.size() + 1];
      args[0] = providerId;
      for (int i = 0; i < versions.size(); i++) {
        args[i + 1] = versions.get(i);
      }
      jdbc.query(
          "SELECT c.name, v.number, pc.content, p.consumer_version_id, pc.id FROM pact_publication p "
              + "JOIN pacticipant c ON c.id = p.consumer_id JOIN version v ON v.id = p.consumer_version_id "
              + "JOIN pact_content pc ON pc.id = p.pact_content_id "
              + "WHERE p.provider_id = ? AND p.consumer_version_id IN ("
              + in
              + ") ORDER BY c.name",
          rs -> {
            String consumer = rs.getString(1);
            String version = rs.getString(2);
            String from = fromMain.contains(rs.getLong(4)) ? "main branch" : "latest";
            try {
              long contentId = rs.getLong(5);
              Pact pact = parsed.get(contentId);
              if (pact == null) {
                pact =
                    PactReader.readWithWarnings(
                            rs.getString(3),
                            "pact " + consumer + " " + version + " -> " + providerName)
                        .pact();
                parsed.put(contentId, pact);
              }
              pacts.add(new ProviderUsage.ConsumerPact(consumer, version, pact));
              sources.add(new Source(consumer, version, from, null));
            } catch (PactFormatException e) {
              sources.add(new Source(consumer, version, from, e.getMessage()));
            }
          },
          args);
    }
    return Optional.of(new Result(providerName, ProviderUsage.of(pacts), sources));
  }
}
