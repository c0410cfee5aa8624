package dev.accord.broker.pacticipant;

import dev.accord.broker.web.Chunks;
import dev.accord.broker.web.Hal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Labels of pacticipants (table {@code pacticipant_label}) and the latest version number of each
 * pacticipant, read in one statement per list. Callers run inside a transaction.
 */
@Component
class PacticipantLabels {
  private final NamedParameterJdbcTemplate jdbc;

  PacticipantLabels(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the label; false when the pacticipant already had it. */
  boolean add(Pacticipant p, String label) {
    if (has(p, label)) {
      return false;
    }
    jdbc.update(
        "INSERT INTO pacticipant_label (pacticipant_id, name, created_at) VALUES (:id, :name, :at)",
        new MapSqlParameterSource("id", p.getId())
            .addValue("name", label)
            .addValue("at", Timestamp.valueOf(Hal.now())));
    return true;
  }

  boolean has(Pacticipant p, String label) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM pacticipant_label WHERE pacticipant_id = :id AND name = :name",
            new MapSqlParameterSource("id", p.getId()).addValue("name", label),
            Integer.class);
    return n != null && n > 0;
  }

  boolean remove(Pacticipant p, String label) {
    return jdbc.update(
            "DELETE FROM pacticipant_label WHERE pacticipant_id = :id AND name = :name",
            new MapSqlParameterSource("id", p.getId()).addValue("name", label))
        > 0;
  }

  List<Long> pacticipantsWith(String label) {
    return jdbc.queryForList(
        "SELECT pacticipant_id FROM pacticipant_label WHERE name = :name ORDER BY pacticipant_id",
        new MapSqlParameterSource("name", label),
        Long.class);
  }

  /** Label names by pacticipant id, in the order they were added. */
  Map<Long, List<String>> of(Collection<Long> pacticipantIds) {
    Map<Long, List<String>> out = new HashMap<>();
    for (List<Long> chunk : Chunks.of(pacticipantIds)) {
      jdbc.query(
          "SELECT pacticipant_id, name FROM pacticipant_label WHERE pacticipant_id IN (:ids) ORDER BY id",
          new MapSqlParameterSource("ids", chunk),
          rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
          });
    }
    return out;
  }

  /** The number of each pacticipant's latest version (the newest created), by pacticipant id. */
  Map<Long, String> latestVersionNumbers(Collection<Long> pacticipantIds) {
    Map<Long, String> out = new HashMap<>();
    for (List<Long> chunk : Chunks.of(pacticipantIds)) {
      jdbc.query(
          "SELECT v.pacticipant_id, v.number FROM version v WHERE v.id IN "
              + "(SELECT MAX(x.id) FROM version x WHERE x.pacticipant_id IN (:ids) GROUP BY x.pacticipant_id)",
          new MapSqlParameterSource("ids", chunk),
          rs -> {
            out.put(rs.getLong(1), rs.getString(2));
          });
    }
    return out;
  }
}
