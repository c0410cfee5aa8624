package dev.accord.broker.matrix;

import dev.accord.broker.pact.ContentRef;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.verification.Verification;
import dev.accord.broker.version.Version;
import dev.accord.broker.web.Chunks;
import dev.accord.broker.web.SqlRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The matrix's reads as a few hand-written, set-based SQL statements (one per kind of row for all
 * the versions of a question at once) instead of one statement per row. Plain SQL that runs
 * unchanged on PostgreSQL and H2; the plans on a large history are in benchmarks/HISTORY.md. Runs
 * inside the caller's (read-only) transaction when there is one. A plain {@code @Component}, not a
 * {@code @Repository}: JdbcTemplate already turns SQLExceptions into DataAccessExceptions, and the
 * exception-translation proxy a repository gets put an AOP interceptor chain in front of each of
 * the ~8 calls per can-i-deploy answer.
 */
@Component
class MatrixRows {
  private final NamedParameterJdbcTemplate jdbc;

  MatrixRows(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /** A consumer version's pact with a provider and the identity of its content. */
  record Pub(PactPublication publication, ContentRef content) {}

  /** The latest verification per (content, provider version), and the verifying version. */
  record Verified(Verification verification, Version providerVersion) {}

  /**
   * Why a provider version has no result for a content: the newest verifying version numbers (up to
   * 3), and one that is a branch name.
   */
  /**
   * Provider versions whose latest verification of a content succeeded, those whose latest failed,
   * and a branch-named one.
   */
  record Hint(List<String> verifiedBy, List<String> failedBy, String branchNamed) {}

  private static final String VERSION_COLUMNS = SqlRows.VERSION_COLUMNS;
  private static final String VERIFICATION_COLUMNS =
      "r.id AS r_id, r.pact_content_id AS r_pact_content_id, r.provider_version_id AS "
          + "r_provider_version_id, "
          + "r.consumer_id AS r_consumer_id, r.provider_id AS r_provider_id, r.success AS r_success, r.wip AS r_wip, r.build_url AS "
          + "r_build_url, "
          + "r.test_results AS r_test_results, r.verified_by_implementation AS r_verified_by_implementation, r.verified_by_version AS "
          + "r_verified_by_version, "
          + "r.created_at AS r_created_at";

  /** An environment as the matrix needs it. */
  record Env(Long id, String name) {}

  Optional<Env> environment(String name) {
    return jdbc
        .query(
            "SELECT id, name FROM environment WHERE name = :name",
            new MapSqlParameterSource("name", name),
            (rs, i) -> new Env(rs.getLong("id"), rs.getString("name")))
        .stream()
        .findFirst();
  }

  Optional<Pacticipant> pacticipant(String name) {
    return jdbc
        .query(
            "SELECT id, name, display_name, main_branch, repository_url, created_at, updated_at FROM pacticipant WHERE name = "
                + ":name",
            new MapSqlParameterSource("name", name),
            (rs, i) -> pacticipant(rs))
        .stream()
        .findFirst();
  }

  /**
   * A pacticipant, its version with a number and an environment, as {@link #pacticipant}, {@link
   * #version} and {@link #environment} read them.
   */
  record Head(Pacticipant pacticipant, Optional<Version> version, Optional<Env> environment) {}

  /**
   * The pacticipant by name, its version by number and the environment by name (when given) in one
   * statement instead of three: the start of every can-i-deploy question. Empty when there is no
   * pacticipant with that name.
   */
  Optional<Head> head(String pacticipantName, String number, String environmentName) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("name", pacticipantName).addValue("number", number);
    String env = "";
    if (environmentName != null) {
      env = ", (SELECT e.id FROM environment e WHERE e.name = :env) AS e_id";
      params.addValue("env", environmentName);
    }
    return jdbc
        .query(
            "SELECT p.id, p.name, p.display_name, p.main_branch, p.repository_url, p.created_at, p.updated_at, "
                + VERSION_COLUMNS
                + env
                + " FROM pacticipant p LEFT JOIN version v ON v.pacticipant_id = p.id AND v.number = :number WHERE p.name = :name",
            params,
            (rs, i) -> {
              Optional<Version> v =
                  rs.getObject("v_id") == null ? Optional.empty() : Optional.of(version(rs));
              Optional<Env> e = Optional.empty();
              if (environmentName != null) {
                long id = rs.getLong("e_id");
                e = rs.wasNull() ? Optional.empty() : Optional.of(new Env(id, environmentName));
              }
              return new Head(pacticipant(rs), v, e);
            })
        .stream()
        .findFirst();
  }

  Optional<Version> version(Long pacticipantId, String number) {
    return jdbc
        .query(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM version v WHERE v.pacticipant_id = :pacticipant AND v.number = :number",
            new MapSqlParameterSource("pacticipant", pacticipantId).addValue("number", number),
            (rs, i) -> version(rs))
        .stream()
        .findFirst();
  }

  Map<Long, Pacticipant> pacticipants(Collection<Long> ids) {
    Map<Long, Pacticipant> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (List<Long> chunk : chunks(ids)) {
      jdbc.query(
          "SELECT id, name, display_name, main_branch, repository_url, created_at, updated_at FROM pacticipant WHERE id IN (:ids)",
          new MapSqlParameterSource("ids", chunk),
          rs -> {
            Pacticipant p = pacticipant(rs);
            out.put(p.getId(), p);
          });
    }
    return out;
  }

  /** The pacts the given consumer versions published, per consumer version, in provider order. */
  Map<Long, List<Pub>> publicationsOf(Collection<Long> consumerVersionIds) {
    Map<Long, List<Pub>> out = new HashMap<>();
    if (consumerVersionIds.isEmpty()) {
      return out;
    }
    for (List<Long> chunk : chunks(consumerVersionIds)) {
      jdbc.query(
          "SELECT "
              + SqlRows.PUBLICATION_COLUMNS
              + " "
              + "FROM pact_publication p JOIN pact_content c ON c.id = p.pact_content_id "
              + "WHERE p.consumer_version_id IN (:ids) ORDER BY p.consumer_version_id, p.provider_id",
          new MapSqlParameterSource("ids", chunk),
          rs -> {
            Pub pub = pub(rs);
            out.computeIfAbsent(pub.publication().getConsumerVersionId(), k -> new ArrayList<>())
                .add(pub);
          });
    }
    return out;
  }

  /**
   * The pacts of the given consumer versions with the given providers, keyed by {@link #key(Long,
   * Long) consumer version and provider}.
   */
  Map<String, Pub> publicationsFor(
      Collection<Long> consumerVersionIds, Collection<Long> providerIds) {
    Map<String, Pub> out = new HashMap<>();
    if (consumerVersionIds.isEmpty() || providerIds.isEmpty()) {
      return out;
    }
    for (List<Long> chunk : chunks(consumerVersionIds)) {
      jdbc.query(
          "SELECT "
              + SqlRows.PUBLICATION_COLUMNS
              + " "
              + "FROM pact_publication p JOIN pact_content c ON c.id = p.pact_content_id "
              + "WHERE p.consumer_version_id IN (:versions) AND p.provider_id IN (:providers)",
          new MapSqlParameterSource("versions", chunk).addValue("providers", providerIds),
          rs -> {
            Pub pub = pub(rs);
            out.put(
                key(pub.publication().getConsumerVersionId(), pub.publication().getProviderId()),
                pub);
          });
    }
    return out;
  }

  /** The consumers of each given provider (its integrations), in integration order. */
  Map<Long, List<Long>> consumersOf(Collection<Long> providerIds) {
    Map<Long, List<Long>> out = new HashMap<>();
    if (providerIds.isEmpty()) {
      return out;
    }
    for (List<Long> chunk : chunks(providerIds)) {
      jdbc.query(
          "SELECT provider_id, consumer_id FROM integration WHERE provider_id IN (:ids) ORDER BY provider_id, id",
          new MapSqlParameterSource("ids", chunk),
          rs -> {
            out.computeIfAbsent(rs.getLong("provider_id"), k -> new ArrayList<>())
                .add(rs.getLong("consumer_id"));
          });
    }
    return out;
  }

  /**
   * The versions of each given pacticipant currently in the environment: deployed (oldest
   * deployment first), then released and still supported (oldest release first), each version once.
   */
  Map<Long, List<Version>> inEnvironment(Long environmentId, Collection<Long> pacticipantIds) {
    Map<Long, Map<Long, Version>> found = new HashMap<>();
    if (pacticipantIds.isEmpty()) {
      return new HashMap<>();
    }
    for (List<Long> chunk : chunks(pacticipantIds)) {
      jdbc.query(
          "SELECT 0 AS kind, d.id AS rid, "
              + VERSION_COLUMNS
              + " FROM deployed_version d JOIN version v ON v.id = d.version_id "
              + "WHERE d.environment_id = :env AND d.pacticipant_id IN (:ids) AND d.undeployed_at IS NULL "
              + "UNION ALL "
              + "SELECT 1 AS kind, rv.id AS rid, "
              + VERSION_COLUMNS
              + " FROM released_version rv JOIN version v ON v.id = rv.version_id "
              + "WHERE rv.environment_id = :env AND rv.pacticipant_id IN (:ids) AND rv.support_ended_at IS NULL "
              + "ORDER BY kind, rid",
          new MapSqlParameterSource("env", environmentId).addValue("ids", chunk),
          rs -> {
            Version v = version(rs);
            found
                .computeIfAbsent(v.getPacticipantId(), k -> new LinkedHashMap<>())
                .putIfAbsent(v.getId(), v);
          });
    }
    Map<Long, List<Version>> out = new HashMap<>();
    found.forEach((p, versions) -> out.put(p, List.copyOf(versions.values())));
    return out;
  }

  /**
   * The latest verification of each requested (content, provider version) pair, keyed by {@link
   * #key(Long, Long) content and provider version}.
   */
  Map<String, Verification> latestVerifications(
      Collection<Long> contentIds, Collection<Long> providerVersionIds) {
    Map<String, Verification> out = new HashMap<>();
    if (contentIds.isEmpty() || providerVersionIds.isEmpty()) {
      return out;
    }
    for (List<Long> chunk : chunks(contentIds)) {
      for (List<Long> versions : chunks(providerVersionIds)) {
        jdbc.query(
            "SELECT "
                + VERIFICATION_COLUMNS
                + " FROM verification r WHERE r.id IN ("
                + "SELECT MAX(x.id) FROM verification x WHERE x.pact_content_id IN (:contents) AND x.provider_version_id IN (:versions) "
                + "GROUP BY x.pact_content_id, x.provider_version_id)",
            new MapSqlParameterSource("contents", chunk).addValue("versions", versions),
            rs -> {
              Verification v = verification(rs);
              out.put(key(v.getPactContentId(), v.getProviderVersionId()), v);
            });
      }
    }
    return out;
  }

  /**
   * Per content, the latest verification by each provider version that verified it, newest provider
   * version first.
   */
  Map<Long, List<Verified>> verificationsOf(Collection<Long> contentIds) {
    Map<Long, List<Verified>> out = new HashMap<>();
    if (contentIds.isEmpty()) {
      return out;
    }
    for (List<Long> chunk : chunks(contentIds)) {
      jdbc.query(
          "SELECT "
              + VERIFICATION_COLUMNS
              + ", "
              + VERSION_COLUMNS
              + " FROM verification r JOIN version v ON v.id = r.provider_version_id "
              + "WHERE r.id IN (SELECT MAX(x.id) FROM verification x WHERE x.pact_content_id IN (:contents) GROUP BY x.pact_content_id, "
              + "x.provider_version_id) "
              + "ORDER BY r.pact_content_id, r.provider_version_id DESC",
          new MapSqlParameterSource("contents", chunk),
          rs -> {
            Verification r = verification(rs);
            out.computeIfAbsent(r.getPactContentId(), k -> new ArrayList<>())
                .add(new Verified(r, version(rs)));
          });
    }
    return out;
  }

  /**
   * For each content: the numbers of the (up to) three newest provider versions whose latest
   * verification of it succeeded, of the (up to) three newest whose latest verification of it
   * failed, and the newest of the verifying versions whose number is a branch name of the provider
   * (or main, master, develop), a successful one first.
   *
   * <p>One statement whose work is bounded by the number of contents, not by how often they were
   * verified (a content unchanged for months is verified by every provider build): per content, two
   * index range scans of at most three rows ({@code ix_verification_content_latest}, on the {@code
   * latest} flag of V6), and the few provider versions flagged as numbered like a branch ({@code
   * ix_version_branch_named}). The flags only narrow the rows read: each row is rechecked against
   * the exact condition (no later result of its content and provider version; a number that is
   * main, master, develop or a branch of the provider). H2 joins the branch-named part the other
   * way round (through the content's latest results, then the version): no slower than before
   * there, but bounded by the content's verifying versions (benchmarks/HISTORY.md, session 9).
   */
  Map<Long, Hint> hints(Collection<Long> contentIds) {
    Map<Long, List<String>> verified = new HashMap<>();
    Map<Long, List<String>> failed = new HashMap<>();
    Map<Long, String> branchNamed = new HashMap<>();
    if (contentIds.isEmpty()) {
      return new HashMap<>();
    }
    // two UNION ALL members per content: 25 contents (an answer's "unknown" rows seldom have more)
    // keep the statement small to plan
    for (List<Long> chunk : Chunks.of(contentIds, 25)) {
      MapSqlParameterSource params = new MapSqlParameterSource("contents", chunk);
      StringBuilder sql =
          new StringBuilder("SELECT h.content_id, h.kind, h.ok, h.version_id, v.number FROM (");
      for (int i = 0; i < chunk.size(); i++) {
        params.addValue("c" + i, chunk.get(i));
        for (boolean ok : new boolean[] {true, false}) {
          sql.append("(SELECT r.pact_content_id AS content_id, 0 AS kind, ")
              .append(ok ? 1 : 0)
              .append(
                  " AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :c")
              .append(i)
              .append(" AND r.latest = TRUE AND r.success = ")
              .append(ok ? "TRUE" : "FALSE")
              .append(" AND ")
              .append(LATEST)
              .append(" ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL ");
        }
      }
      sql.append(
              "(SELECT r.pact_content_id AS content_id, 1 AS kind, CASE WHEN r.success THEN 1 ELSE 0 END AS ok, "
                  + "r.provider_version_id AS version_id FROM pact_content c "
                  + "JOIN version n ON n.pacticipant_id = c.provider_id AND n.branch_named = TRUE "
                  + "JOIN verification r ON r.pact_content_id = c.id AND r.provider_version_id = n.id AND r.latest = TRUE "
                  + "WHERE c.id IN (:contents) AND ")
          .append(LATEST)
          .append(
              " AND (n.number IN ('main', 'master', 'develop') OR EXISTS (SELECT 1 FROM branch b "
                  + "WHERE b.pacticipant_id = r.provider_id AND b.name = n.number)))) h "
                  + "JOIN version v ON v.id = h.version_id "
                  + "ORDER BY h.content_id, h.kind, h.ok DESC, h.version_id DESC");
      jdbc.query(
          sql.toString(),
          params,
          rs -> {
            long content = rs.getLong("content_id");
            String number = rs.getString("number");
            if (rs.getInt("kind") == 0) {
              List<String> numbers =
                  (rs.getInt("ok") == 1 ? verified : failed)
                      .computeIfAbsent(content, k -> new ArrayList<>());
              if (!numbers.contains(number)) {
                numbers.add(number);
              }
            } else {
              branchNamed.putIfAbsent(content, number);
            }
          });
    }
    Map<Long, Hint> out = new HashMap<>();
    for (Long content : contentIds) {
      out.put(
          content,
          new Hint(
              verified.getOrDefault(content, List.of()),
              failed.getOrDefault(content, List.of()),
              branchNamed.get(content)));
    }
    return out;
  }

  /**
   * The result {@code r} is the latest of its content and provider version: a scalar subquery, one
   * backward probe of {@code ix_verification_content_provider_version} per row read, where a NOT
   * EXISTS lets PostgreSQL plan an anti-join that reads every result of the content.
   */
  private static final String LATEST =
      "r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id "
          + "AND y.provider_version_id = r.provider_version_id)";

  /**
   * Branch names (in the order the version joined them) and tag names (in the order they were
   * added) of the given versions.
   */
  record Labels(Map<Long, List<String>> branches, Map<Long, List<String>> tags) {}

  Labels labels(Collection<Long> versionIds) {
    Map<Long, List<String>> branches = new HashMap<>();
    Map<Long, List<String>> tags = new HashMap<>();
    if (versionIds.isEmpty()) {
      return new Labels(branches, tags);
    }
    for (List<Long> chunk : chunks(versionIds)) {
      jdbc.query(
          "SELECT 0 AS kind, bv.version_id, bv.id AS rid, b.name FROM branch_version bv JOIN branch b ON b.id = bv.branch_id "
              + "WHERE bv.version_id IN (:ids) "
              + "UNION ALL "
              + "SELECT 1 AS kind, t.version_id, t.id AS rid, t.name FROM tag t WHERE t.version_id IN (:ids) "
              + "ORDER BY kind, version_id, rid",
          new MapSqlParameterSource("ids", chunk),
          rs -> {
            (rs.getInt("kind") == 0 ? branches : tags)
                .computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>())
                .add(rs.getString("name"));
          });
    }
    return new Labels(branches, tags);
  }

  private static List<List<Long>> chunks(Collection<Long> ids) {
    return Chunks.of(ids);
  }

  static String key(Long a, Long b) {
    return a + "/" + b;
  }

  private static Pacticipant pacticipant(ResultSet rs) throws SQLException {
    return SqlRows.pacticipant(rs);
  }

  private static Pub pub(ResultSet rs) throws SQLException {
    return new Pub(SqlRows.publication(rs), SqlRows.content(rs));
  }

  private static Version version(ResultSet rs) throws SQLException {
    return SqlRows.version(rs);
  }

  private static Verification verification(ResultSet rs) throws SQLException {
    return Verification.stored(
        rs.getLong("r_id"),
        rs.getLong("r_pact_content_id"),
        rs.getLong("r_provider_version_id"),
        rs.getLong("r_consumer_id"),
        rs.getLong("r_provider_id"),
        rs.getBoolean("r_success"),
        rs.getBoolean("r_wip"),
        rs.getString("r_build_url"),
        rs.getString("r_test_results"),
        rs.getString("r_verified_by_implementation"),
        rs.getString("r_verified_by_version"),
        time(rs, "r_created_at"));
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    return SqlRows.time(rs, column);
  }

  static <T> Set<T> set(Collection<T> items) {
    return new LinkedHashSet<>(items);
  }
}
