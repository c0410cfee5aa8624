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
   * Why a provider version has no result for a content: the newest provider versions (up to 3 each)
   * whose latest verification of it succeeded and whose latest failed, and a verifying version
   * named like a branch.
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
  Optional<Head> head(
      String pacticipantName, String number, String environmentName, Map<Long, Labels> labels) {
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
                + ", "
                + LABEL_COLUMNS
                + env
                + " FROM pacticipant p LEFT JOIN version v ON v.pacticipant_id = p.id AND v.number = :number WHERE p.name = :name",
            params,
            (rs, i) -> {
              Optional<Version> v =
                  rs.getObject("v_id") == null
                      ? Optional.empty()
                      : Optional.of(labelled(rs, labels));
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

  Optional<Version> version(Long pacticipantId, String number, Map<Long, Labels> labels) {
    return jdbc
        .query(
            "SELECT "
                + VERSION_COLUMNS
                + ", "
                + LABEL_COLUMNS
                + " FROM version v WHERE v.pacticipant_id = :pacticipant AND v.number = :number",
            new MapSqlParameterSource("pacticipant", pacticipantId).addValue("number", number),
            (rs, i) -> labelled(rs, labels))
        .stream()
        .findFirst();
  }

  /**
   * What the selected versions and pacticipants are checked against: the pacts the given consumer
   * versions published (per consumer version, in provider order), the consumers of each given
   * provider (its integrations, in integration order), and each counterpart these name (its row
   * joined to the pact or integration instead of read by id afterwards).
   */
  record Counterparts(
      Map<Long, List<Pub>> publications,
      Map<Long, List<Long>> consumers,
      Map<Long, Pacticipant> pacticipants) {}

  /**
   * One statement instead of three (the publications, the integrations, the counterparts by id):
   * reads this small cost PostgreSQL mostly per statement (pgbench at 1,000,000 versions: 0.14 ms
   * for this one, 0.23 ms for the three; benchmarks/HISTORY.md, session 10).
   */
  Counterparts counterparts(Collection<Long> consumerVersionIds, Collection<Long> providerIds) {
    Counterparts out = new Counterparts(new HashMap<>(), new HashMap<>(), new HashMap<>());
    if (consumerVersionIds.isEmpty() && providerIds.isEmpty()) {
      return out;
    }
    List<List<Long>> chunks = chunks(consumerVersionIds);
    if (chunks.isEmpty()) {
      chunks = List.of(List.of());
    }
    for (int k = 0; k < chunks.size(); k++) {
      List<Long> chunk = chunks.get(k);
      boolean integrations = k == 0 && !providerIds.isEmpty();
      MapSqlParameterSource params = new MapSqlParameterSource("ids", chunk);
      List<String> parts = new ArrayList<>();
      if (!chunk.isEmpty()) {
        parts.add(
            "SELECT 0 AS kind, "
                + SqlRows.PUBLICATION_COLUMNS
                + ", "
                + COUNTERPART_COLUMNS
                + " FROM pact_publication p JOIN pact_content c ON c.id = p.pact_content_id "
                + "JOIN pacticipant q ON q.id = p.provider_id WHERE p.consumer_version_id IN (:ids)");
      }
      if (integrations) {
        params.addValue("providers", providerIds);
        parts.add(
            "SELECT 1 AS kind, i.id AS id, NULL AS consumer_version_id, i.consumer_id AS consumer_id, "
                + "i.provider_id AS provider_id, NULL AS pact_content_id, NULL AS created_at, NULL AS sha, "
                + COUNTERPART_COLUMNS
                + " FROM integration i JOIN pacticipant q ON q.id = i.consumer_id WHERE i.provider_id IN (:providers)");
      }
      if (parts.isEmpty()) {
        continue;
      }
      jdbc.query(
          String.join(" UNION ALL ", parts)
              + " ORDER BY kind, consumer_version_id, provider_id, id",
          params,
          rs -> {
            Pacticipant counterpart = Pacticipant.aliased(rs, "q_");
            out.pacticipants().putIfAbsent(counterpart.getId(), counterpart);
            if (rs.getInt("kind") == 0) {
              Pub pub = pub(rs);
              out.publications()
                  .computeIfAbsent(pub.publication().getConsumerVersionId(), x -> new ArrayList<>())
                  .add(pub);
            } else {
              out.consumers()
                  .computeIfAbsent(rs.getLong("provider_id"), x -> new ArrayList<>())
                  .add(rs.getLong("consumer_id"));
            }
          });
    }
    return out;
  }

  /**
   * A counterpart's columns, aliased {@code q_*}, for a query that names the pacticipant {@code q}.
   */
  private static final String COUNTERPART_COLUMNS = Pacticipant.columns("q", "q_");

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

  /**
   * The versions of each given pacticipant currently in the environment: deployed (oldest
   * deployment first), then released and still supported (oldest release first), each version once,
   * with their labels (into {@code labels}).
   */
  Map<Long, List<Version>> inEnvironment(
      Long environmentId, Collection<Long> pacticipantIds, Map<Long, Labels> labels) {
    return inEnvironment(environmentId, pacticipantIds, labels, List.of(), new HashMap<>());
  }

  /**
   * As {@link #inEnvironment(Long, Collection, Map)}, and into {@code pacts} (keyed by {@link
   * #key(Long, Long) consumer version and provider}) the pacts of those versions with the given
   * providers, as {@link #publicationsFor} reads them: the consumer versions a provider version is
   * checked against are the consumers' versions in the environment, and their pacts come with them
   * instead of from one more statement.
   */
  Map<Long, List<Version>> inEnvironment(
      Long environmentId,
      Collection<Long> pacticipantIds,
      Map<Long, Labels> labels,
      Collection<Long> pactsWith,
      Map<String, Pub> pacts) {
    Map<Long, Map<Long, Version>> found = new HashMap<>();
    if (pacticipantIds.isEmpty()) {
      return new HashMap<>();
    }
    String pactColumns = "";
    String pactJoin = "";
    if (!pactsWith.isEmpty()) {
      pactColumns = ", " + SqlRows.PUBLICATION_COLUMNS;
      pactJoin =
          " LEFT JOIN pact_publication p ON p.consumer_version_id = v.id AND p.provider_id IN (:providers) "
              + "LEFT JOIN pact_content c ON c.id = p.pact_content_id";
    }
    for (List<Long> chunk : chunks(pacticipantIds)) {
      jdbc.query(
          "SELECT 0 AS kind, d.id AS rid, "
              + VERSION_COLUMNS
              + ", "
              + LABEL_COLUMNS
              + pactColumns
              + " FROM deployed_version d JOIN version v ON v.id = d.version_id"
              + pactJoin
              + " WHERE d.environment_id = :env AND d.pacticipant_id IN (:ids) AND d.undeployed_at IS NULL "
              + "UNION ALL "
              + "SELECT 1 AS kind, rv.id AS rid, "
              + VERSION_COLUMNS
              + ", "
              + LABEL_COLUMNS
              + pactColumns
              + " FROM released_version rv JOIN version v ON v.id = rv.version_id"
              + pactJoin
              + " WHERE rv.environment_id = :env AND rv.pacticipant_id IN (:ids) AND rv.support_ended_at IS NULL "
              + "ORDER BY kind, rid",
          new MapSqlParameterSource("env", environmentId)
              .addValue("ids", chunk)
              .addValue("providers", List.copyOf(pactsWith)),
          rs -> {
            Version v = labelled(rs, labels);
            found
                .computeIfAbsent(v.getPacticipantId(), k -> new LinkedHashMap<>())
                .putIfAbsent(v.getId(), v);
            if (!pactsWith.isEmpty() && rs.getObject("id") != null) {
              Pub pub = pub(rs);
              pacts.put(
                  key(pub.publication().getConsumerVersionId(), pub.publication().getProviderId()),
                  pub);
            }
          });
    }
    Map<Long, List<Version>> out = new HashMap<>();
    found.forEach((p, versions) -> out.put(p, List.copyOf(versions.values())));
    return out;
  }

  /**
   * The latest verifications of the requested (content, provider version) pairs, keyed by {@link
   * #key(Long, Long) content and provider version}, and the {@link #hints} of the contents whose
   * hints were read with them.
   */
  record Latest(Map<String, Verification> verifications, Map<Long, Hint> hints) {}

  /**
   * The latest verification of each requested (content, provider version) pair and, in the same
   * statement when the contents fit in one {@link #hints} chunk (an answer seldom has more), the
   * hints of those contents: most of a can-i-deploy answer's rows that need a hint are among them,
   * and a statement of its own costs PostgreSQL more than the hint's few index probes of a content
   * whose rows turn out verified (pgbench: 0.16 ms for this one, 0.21 ms for the two;
   * benchmarks/HISTORY.md, session 10).
   */
  Latest latest(Collection<Long> contentIds, Collection<Long> providerVersionIds) {
    Map<String, Verification> out = new HashMap<>();
    if (contentIds.isEmpty() || providerVersionIds.isEmpty()) {
      return new Latest(out, Map.of());
    }
    if (contentIds.size() > HINT_CHUNK || providerVersionIds.size() > Chunks.SIZE) {
      return new Latest(latestVerifications(contentIds, providerVersionIds), Map.of());
    }
    List<Long> contents = List.copyOf(contentIds);
    MapSqlParameterSource params =
        new MapSqlParameterSource("versions", List.copyOf(providerVersionIds));
    HintRows hints = new HintRows();
    jdbc.query(
        "SELECT 0 AS kind, "
            + VERIFICATION_COLUMNS
            + ", NULL AS h_number FROM verification r WHERE r.id IN ("
            + LATEST_IDS
            + ") UNION ALL SELECT 1 + h.kind AS kind, NULL AS r_id, h.content_id AS r_pact_content_id, "
            + "h.version_id AS r_provider_version_id, NULL AS r_consumer_id, NULL AS r_provider_id, h.ok AS r_success, "
            + "NULL AS r_wip, NULL AS r_build_url, NULL AS r_test_results, NULL AS r_verified_by_implementation, "
            + "NULL AS r_verified_by_version, NULL AS r_created_at, h.number AS h_number FROM ("
            + hintRows(contents, params)
            + ") h ORDER BY kind, r_pact_content_id, r_success DESC, r_provider_version_id DESC",
        params,
        rs -> {
          int kind = rs.getInt("kind");
          if (kind == 0) {
            Verification v = verification(rs);
            out.put(key(v.getPactContentId(), v.getProviderVersionId()), v);
          } else {
            hints.add(
                rs.getLong("r_pact_content_id"),
                kind - 1,
                rs.getBoolean("r_success"),
                rs.getString("h_number"));
          }
        });
    return new Latest(out, hints.of(contents));
  }

  /** The id of the latest verification of each (content, provider version) pair asked for. */
  private static final String LATEST_IDS =
      "SELECT MAX(x.id) FROM verification x WHERE x.pact_content_id IN (:contents) AND x.provider_version_id IN (:versions) "
          + "GROUP BY x.pact_content_id, x.provider_version_id";

  private Map<String, Verification> latestVerifications(
      Collection<Long> contentIds, Collection<Long> providerVersionIds) {
    Map<String, Verification> out = new HashMap<>();
    for (List<Long> chunk : chunks(contentIds)) {
      for (List<Long> versions : chunks(providerVersionIds)) {
        jdbc.query(
            "SELECT "
                + VERIFICATION_COLUMNS
                + " FROM verification r WHERE r.id IN ("
                + LATEST_IDS
                + ")",
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
    HintRows hints = new HintRows();
    for (List<Long> chunk : Chunks.of(contentIds, HINT_CHUNK)) {
      MapSqlParameterSource params = new MapSqlParameterSource();
      jdbc.query(
          "SELECT h.content_id, h.kind, h.ok, h.number FROM ("
              + hintRows(chunk, params)
              + ") h ORDER BY h.content_id, h.kind, h.ok DESC, h.version_id DESC",
          params,
          rs -> {
            hints.add(
                rs.getLong("content_id"),
                rs.getInt("kind"),
                rs.getBoolean("ok"),
                rs.getString("number"));
          });
    }
    return hints.of(contentIds);
  }

  /**
   * Two UNION ALL members per content in {@link #hintRows}: 25 contents (an answer's "unknown" rows
   * seldom have more) keep the statement small to plan.
   */
  private static final int HINT_CHUNK = 25;

  /**
   * The rows of {@link #hints} for the given contents (binds {@code contents} and {@code c0},
   * {@code c1}, ...): content_id; kind 0 for the newest latest results (ok: whether they
   * succeeded), 1 for branch-named verifying versions; version_id and number of the provider
   * version.
   */
  private static String hintRows(List<Long> contents, MapSqlParameterSource params) {
    params.addValue("contents", contents);
    StringBuilder sql =
        new StringBuilder("SELECT h.content_id, h.kind, h.ok, h.version_id, v.number FROM (");
    for (int i = 0; i < contents.size(); i++) {
      params.addValue("c" + i, contents.get(i));
      for (boolean ok : new boolean[] {true, false}) {
        sql.append("(SELECT r.pact_content_id AS content_id, 0 AS kind, ")
            .append(ok ? "TRUE" : "FALSE")
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
    return sql.append(
            "(SELECT r.pact_content_id AS content_id, 1 AS kind, r.success AS ok, "
                + "r.provider_version_id AS version_id FROM pact_content c "
                + "JOIN version n ON n.pacticipant_id = c.provider_id AND n.branch_named = TRUE "
                + "JOIN verification r ON r.pact_content_id = c.id AND r.provider_version_id = n.id AND r.latest = TRUE "
                + "WHERE c.id IN (:contents) AND ")
        .append(LATEST)
        .append(
            " AND (n.number IN ('main', 'master', 'develop') OR EXISTS (SELECT 1 FROM branch b "
                + "WHERE b.pacticipant_id = r.provider_id AND b.name = n.number)))) h "
                + "JOIN version v ON v.id = h.version_id")
        .toString();
  }

  /**
   * Collects hint rows, in content, kind, success-first, newest-first order, into {@link Hint}s.
   */
  private static final class HintRows {
    private final Map<Long, List<String>> verified = new HashMap<>();
    private final Map<Long, List<String>> failed = new HashMap<>();
    private final Map<Long, String> branchNamed = new HashMap<>();

    void add(long content, int kind, boolean ok, String number) {
      if (kind == 0) {
        List<String> numbers =
            (ok ? verified : failed).computeIfAbsent(content, k -> new ArrayList<>());
        if (!numbers.contains(number)) {
          numbers.add(number);
        }
      } else {
        branchNamed.putIfAbsent(content, number);
      }
    }

    Map<Long, Hint> of(Collection<Long> contentIds) {
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
   * A version's branch names (in the order the version joined them) and tag names (in the order
   * they were added), as the matrix response shows them.
   */
  record Labels(List<String> branches, List<String> tags) {
    static final Labels NONE = new Labels(List.of(), List.of());
  }

  /**
   * A version's labels as two columns ({@code v_branches}, {@code v_tags}: arrays, NULL when none)
   * of a query that names the version table {@code v}: the answer's versions come with their labels
   * instead of from one more statement (ARRAY_AGG with ORDER BY runs on PostgreSQL and H2).
   */
  private static final String LABEL_COLUMNS =
      "(SELECT ARRAY_AGG(b.name ORDER BY bv.id) FROM branch_version bv JOIN branch b ON b.id = bv.branch_id "
          + "WHERE bv.version_id = v.id) AS v_branches, "
          + "(SELECT ARRAY_AGG(t.name ORDER BY t.id) FROM tag t WHERE t.version_id = v.id) AS v_tags";

  /**
   * A row of {@link #VERSION_COLUMNS} and {@link #LABEL_COLUMNS}; its labels go to {@code labels}.
   */
  private static Version labelled(ResultSet rs, Map<Long, Labels> labels) throws SQLException {
    Version v = version(rs);
    List<String> branches = names(rs.getArray("v_branches"));
    List<String> tags = names(rs.getArray("v_tags"));
    labels.putIfAbsent(
        v.getId(), branches.isEmpty() && tags.isEmpty() ? Labels.NONE : new Labels(branches, tags));
    return v;
  }

  private static List<String> names(java.sql.Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    try {
      List<String> out = new ArrayList<>();
      for (Object name : (Object[]) array.getArray()) {
        out.add((String) name);
      }
      return out;
    } finally {
      array.free();
    }
  }

  /**
   * The labels of the given versions (each one is in the result, with no labels when it has none),
   * for versions read without them (through the version and publication services).
   */
  Map<Long, Labels> labels(Collection<Long> versionIds) {
    Map<Long, List<String>> branches = new HashMap<>();
    Map<Long, List<String>> tags = new HashMap<>();
    Map<Long, Labels> out = new HashMap<>();
    if (versionIds.isEmpty()) {
      return out;
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
    for (Long id : versionIds) {
      out.put(
          id, new Labels(branches.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of())));
    }
    return out;
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
