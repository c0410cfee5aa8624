package dev.accord.broker.providercontract;

import dev.accord.broker.version.Version;
import dev.accord.broker.web.Chunks;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.SqlRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of provider contracts and comparisons: plain statements that run unchanged on PostgreSQL
 * and H2, inside the caller's transaction. Content is stored once per (provider, hash); a
 * comparison once per (pact content, contract content), and the {@code contract_comparison} table
 * is also the queue of comparisons still to compute.
 */
@Component
class ProviderContractRows {
  static final String PENDING = "pending";
  static final String COMPUTING = "computing";
  static final String COMPATIBLE = "compatible";
  static final String INCOMPATIBLE = "incompatible";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  ProviderContractRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** A stored document, without its text unless asked. */
  record Content(
      long id,
      long providerId,
      String sha,
      String specification,
      String contentType,
      String content,
      LocalDateTime createdAt) {}

  /** A provider version's contract and self-verification. */
  record Publication(
      long id,
      long providerVersionId,
      long providerId,
      long contentId,
      boolean selfVerificationPublished,
      boolean selfVerificationSuccess,
      String selfVerificationContent,
      String selfVerificationContentType,
      String selfVerificationFormat,
      String verifier,
      String verifierVersion,
      String buildUrl,
      LocalDateTime createdAt,
      LocalDateTime updatedAt) {}

  /** A comparison row: {@code result} is null until computed. */
  record Comparison(
      long id,
      long pactContentId,
      long contractContentId,
      String status,
      String result,
      LocalDateTime updatedAt) {
    boolean computed() {
      return COMPATIBLE.equals(status) || INCOMPATIBLE.equals(status);
    }
  }

  private static final String CONTENT_COLUMNS =
      "id, provider_id, sha, specification, content_type, content, created_at";
  private static final String PUBLICATION_COLUMNS =
      "id, provider_version_id, provider_id, provider_contract_content_id, "
          + "self_verification_published, self_verification_success, self_verification_content, self_verification_content_type, self_verification_format, verifier, "
          + "verifier_version, build_url, created_at, updated_at";
  private static final String COMPARISON_COLUMNS =
      "id, pact_content_id, provider_contract_content_id, status, result, updated_at";

  Optional<Content> content(long providerId, String sha) {
    return jdbc
        .query(
            "SELECT "
                + CONTENT_COLUMNS
                + " FROM provider_contract_content WHERE provider_id = ? AND sha = ?",
            (rs, i) -> content(rs),
            providerId,
            sha)
        .stream()
        .findFirst();
  }

  Optional<Content> content(long id) {
    return jdbc
        .query(
            "SELECT " + CONTENT_COLUMNS + " FROM provider_contract_content WHERE id = ?",
            (rs, i) -> content(rs),
            id)
        .stream()
        .findFirst();
  }

  long insertContent(
      long providerId, String sha, String specification, String contentType, String content) {
    jdbc.update(
        "INSERT INTO provider_contract_content (provider_id, sha, specification, content_type, content, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)",
        providerId,
        sha,
        specification,
        contentType,
        content,
        Hal.now());
    return content(providerId, sha).orElseThrow().id();
  }

  Optional<Publication> publicationOf(long providerVersionId) {
    return jdbc
        .query(
            "SELECT "
                + PUBLICATION_COLUMNS
                + " FROM provider_contract_publication WHERE provider_version_id = ?",
            (rs, i) -> publication(rs),
            providerVersionId)
        .stream()
        .findFirst();
  }

  /** The provider's publications, newest provider version first, at most {@code limit}. */
  List<Publication> publicationsOf(long providerId, int limit) {
    return jdbc.query(
        "SELECT "
            + PUBLICATION_COLUMNS
            + " FROM provider_contract_publication WHERE provider_id = ? "
            + "ORDER BY provider_version_id DESC LIMIT "
            + limit,
        (rs, i) -> publication(rs),
        providerId);
  }

  void insertPublication(
      long providerVersionId,
      long providerId,
      long contentId,
      SelfVerification s,
      String buildUrl) {
    LocalDateTime now = Hal.now();
    jdbc.update(
        "INSERT INTO provider_contract_publication (provider_version_id, provider_id, provider_contract_content_id, "
            + "self_verification_published, self_verification_success, self_verification_content, self_verification_content_type, "
            + "self_verification_format, verifier, verifier_version, build_url, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        providerVersionId,
        providerId,
        contentId,
        s.published(),
        s.success(),
        s.content(),
        s.contentType(),
        s.format(),
        s.verifier(),
        s.verifierVersion(),
        buildUrl,
        now,
        now);
  }

  void updateSelfVerification(long publicationId, SelfVerification s, String buildUrl) {
    jdbc.update(
        "UPDATE provider_contract_publication SET self_verification_published = ?, self_verification_success = ?, "
            + "self_verification_content = ?, self_verification_content_type = ?, self_verification_format = ?, verifier = ?, "
            + "verifier_version = ?, build_url = COALESCE(?, build_url), updated_at = ? WHERE id = ?",
        s.published(),
        s.success(),
        s.content(),
        s.contentType(),
        s.format(),
        s.verifier(),
        s.verifierVersion(),
        buildUrl,
        Hal.now(),
        publicationId);
  }

  /**
   * The pact contents a new provider contract of this provider is compared with: each consumer's
   * latest pact with it, the pacts of consumer versions that head a branch, and of consumer
   * versions currently deployed or released.
   */
  List<Long> relevantPactContents(long providerId) {
    return jdbc.queryForList(
        "SELECT DISTINCT x.pact_content_id FROM ("
            + "SELECT p.pact_content_id FROM pact_publication p WHERE p.provider_id = ? AND p.id IN "
            + "(SELECT MAX(q.id) FROM pact_publication q WHERE q.provider_id = ? GROUP BY q.consumer_id) "
            + "UNION SELECT p.pact_content_id FROM pact_publication p JOIN branch b ON b.head_version_id = p.consumer_version_id "
            + "WHERE p.provider_id = ? "
            + "UNION SELECT p.pact_content_id FROM pact_publication p JOIN deployed_version d ON d.version_id = p.consumer_version_id "
            + "WHERE p.provider_id = ? AND d.undeployed_at IS NULL "
            + "UNION SELECT p.pact_content_id FROM pact_publication p JOIN released_version r ON r.version_id = p.consumer_version_id "
            + "WHERE p.provider_id = ? AND r.support_ended_at IS NULL) x ORDER BY x.pact_content_id",
        Long.class,
        providerId,
        providerId,
        providerId,
        providerId,
        providerId);
  }

  /**
   * The provider contract contents a new pact with this provider is compared with: the latest one,
   * those of provider versions that head a branch, and of provider versions currently deployed or
   * released.
   */
  List<Long> relevantContractContents(long providerId) {
    return jdbc.queryForList(
        "SELECT DISTINCT x.cid FROM ("
            + "SELECT c.provider_contract_content_id AS cid FROM provider_contract_publication c WHERE c.id IN "
            + "(SELECT MAX(q.id) FROM provider_contract_publication q WHERE q.provider_id = ?) "
            + "UNION SELECT c.provider_contract_content_id FROM provider_contract_publication c JOIN branch b "
            + "ON b.head_version_id = c.provider_version_id WHERE c.provider_id = ? "
            + "UNION SELECT c.provider_contract_content_id FROM provider_contract_publication c JOIN deployed_version d "
            + "ON d.version_id = c.provider_version_id WHERE c.provider_id = ? AND d.undeployed_at IS NULL "
            + "UNION SELECT c.provider_contract_content_id FROM provider_contract_publication c JOIN released_version r "
            + "ON r.version_id = c.provider_version_id WHERE c.provider_id = ? AND r.support_ended_at IS NULL) x ORDER BY x.cid",
        Long.class,
        providerId,
        providerId,
        providerId,
        providerId);
  }

  /** Queues a comparison unless one exists for the pair; true when queued. */
  boolean enqueue(long pactContentId, long contractContentId) {
    LocalDateTime now = Hal.now();
    return jdbc.update(
            "INSERT INTO contract_comparison (pact_content_id, provider_contract_content_id, status, created_at, updated_at) "
                + "SELECT ?, ?, ?, ?, ? FROM (SELECT 1 AS one) d WHERE NOT EXISTS (SELECT 1 FROM contract_comparison x "
                + "WHERE x.pact_content_id = ? AND x.provider_contract_content_id = ?)",
            pactContentId,
            contractContentId,
            PENDING,
            now,
            now,
            pactContentId,
            contractContentId)
        > 0;
  }

  Optional<Comparison> comparison(long pactContentId, long contractContentId) {
    return jdbc
        .query(
            "SELECT "
                + COMPARISON_COLUMNS
                + " FROM contract_comparison WHERE pact_content_id = ? "
                + "AND provider_contract_content_id = ?",
            (rs, i) -> comparison(rs),
            pactContentId,
            contractContentId)
        .stream()
        .findFirst();
  }

  Optional<Comparison> comparison(long id) {
    return jdbc
        .query(
            "SELECT " + COMPARISON_COLUMNS + " FROM contract_comparison WHERE id = ?",
            (rs, i) -> comparison(rs),
            id)
        .stream()
        .findFirst();
  }

  /** The comparisons of a contract content, oldest first. */
  List<Comparison> comparisonsOfContract(long contractContentId) {
    return jdbc.query(
        "SELECT "
            + COMPARISON_COLUMNS
            + " FROM contract_comparison WHERE provider_contract_content_id = ? ORDER BY id",
        (rs, i) -> comparison(rs),
        contractContentId);
  }

  /**
   * Claims the oldest pending comparison (or one whose claimer died {@code stale} ago) with {@code
   * FOR UPDATE SKIP LOCKED}, so instances on one database never compute the same one at once. Call
   * inside a transaction.
   */
  Optional<Long> claim(String instance, LocalDateTime stale) {
    LocalDateTime now = Hal.now();
    List<Long> due =
        jdbc.queryForList(
            "SELECT id FROM contract_comparison WHERE status = ? OR (status = ? AND claimed_at < ?) "
                + "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
            Long.class,
            PENDING,
            COMPUTING,
            stale);
    for (Long id : due) {
      jdbc.update(
          "UPDATE contract_comparison SET status = ?, claimed_by = ?, claimed_at = ?, updated_at = ? WHERE id = ?",
          COMPUTING,
          instance,
          now,
          now,
          id);
    }
    return due.stream().findFirst();
  }

  /**
   * Stores a computed result; a row another computation already finished is left as it is (same
   * inputs, same answer).
   */
  void store(long pactContentId, long contractContentId, boolean compatible, String result) {
    LocalDateTime now = Hal.now();
    String status = compatible ? COMPATIBLE : INCOMPATIBLE;
    int updated =
        jdbc.update(
            "UPDATE contract_comparison SET status = ?, result = ?, claimed_by = NULL, claimed_at = NULL, "
                + "updated_at = ? WHERE pact_content_id = ? AND provider_contract_content_id = ? AND status IN (?, ?)",
            status,
            result,
            now,
            pactContentId,
            contractContentId,
            PENDING,
            COMPUTING);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO contract_comparison (pact_content_id, provider_contract_content_id, status, result, created_at, updated_at) "
              + "SELECT ?, ?, ?, ?, ?, ? FROM (SELECT 1 AS one) d WHERE NOT EXISTS (SELECT 1 FROM contract_comparison x "
              + "WHERE x.pact_content_id = ? AND x.provider_contract_content_id = ?)",
          pactContentId,
          contractContentId,
          status,
          result,
          now,
          now,
          pactContentId,
          contractContentId);
    }
  }

  boolean anyPublication() {
    return !jdbc.queryForList(
            "SELECT id FROM provider_contract_publication FETCH FIRST 1 ROWS ONLY", Long.class)
        .isEmpty();
  }

  /**
   * Per provider, the versions with a provider contract, newest first, at most {@code limit} each.
   */
  Map<Long, List<Version>> versionsWithContracts(Collection<Long> providerIds, int limit) {
    Map<Long, List<Version>> out = new HashMap<>();
    for (List<Long> chunk : Chunks.of(providerIds)) {
      named.query(
          "SELECT "
              + SqlRows.VERSION_COLUMNS
              + " FROM provider_contract_publication c JOIN version v ON v.id = c.provider_version_id "
              + "WHERE c.provider_id IN (:ids) ORDER BY c.provider_version_id DESC",
          new MapSqlParameterSource("ids", chunk),
          rs -> {
            Version v = SqlRows.version(rs);
            List<Version> list = out.computeIfAbsent(v.getPacticipantId(), k -> new ArrayList<>());
            if (list.size() < limit) {
              list.add(v);
            }
          });
    }
    return out;
  }

  /** A pact content's identity. */
  record PactRef(long id, long consumerId, long providerId, String sha) {}

  Optional<PactRef> pactRef(long pactContentId) {
    return jdbc
        .query(
            "SELECT id, consumer_id, provider_id, sha FROM pact_content WHERE id = ?",
            (rs, i) -> pactRef(rs),
            pactContentId)
        .stream()
        .findFirst();
  }

  Optional<PactRef> pactRef(long consumerId, long providerId, String sha) {
    return jdbc
        .query(
            "SELECT id, consumer_id, provider_id, sha FROM pact_content WHERE consumer_id = ? AND provider_id = ? AND sha = ?",
            (rs, i) -> pactRef(rs),
            consumerId,
            providerId,
            sha)
        .stream()
        .findFirst();
  }

  /**
   * A provider version's contract and its stored comparisons with the asked pact contents (by pact
   * content id).
   */
  record ContractOf(
      long contentId,
      String sha,
      boolean selfVerificationPublished,
      boolean selfVerificationSuccess,
      Map<Long, Comparison> comparisons) {}

  /**
   * The contracts of the given provider versions with their comparisons with the given pact
   * contents, in one statement.
   */
  Map<Long, ContractOf> contractsOf(
      Collection<Long> providerVersionIds, Collection<Long> pactContentIds) {
    Map<Long, ContractOf> out = new HashMap<>();
    for (List<Long> versions : Chunks.of(providerVersionIds)) {
      for (List<Long> contents : Chunks.of(pactContentIds)) {
        named.query(
            "SELECT c.provider_version_id, c.provider_contract_content_id, c.self_verification_published, "
                + "c.self_verification_success, cc.sha, x.id AS x_id, x.pact_content_id, x.status, x.result, x.updated_at "
                + "FROM provider_contract_publication c JOIN provider_contract_content cc ON cc.id = c.provider_contract_content_id "
                + "LEFT JOIN contract_comparison x ON x.provider_contract_content_id = c.provider_contract_content_id "
                + "AND x.pact_content_id IN (:contents) WHERE c.provider_version_id IN (:versions)",
            new MapSqlParameterSource("contents", contents).addValue("versions", versions),
            rs -> {
              ContractOf c =
                  out.computeIfAbsent(
                      rs.getLong("provider_version_id"),
                      k -> {
                        try {
                          return new ContractOf(
                              rs.getLong("provider_contract_content_id"),
                              rs.getString("sha"),
                              rs.getBoolean("self_verification_published"),
                              rs.getBoolean("self_verification_success"),
                              new HashMap<>());
                        } catch (SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      });
              if (rs.getObject("x_id") != null) {
                c.comparisons()
                    .put(
                        rs.getLong("pact_content_id"),
                        new Comparison(
                            rs.getLong("x_id"),
                            rs.getLong("pact_content_id"),
                            c.contentId(),
                            rs.getString("status"),
                            rs.getString("result"),
                            rs.getObject("updated_at", LocalDateTime.class)));
              }
            });
      }
    }
    return out;
  }

  private static PactRef pactRef(ResultSet rs) throws SQLException {
    return new PactRef(
        rs.getLong("id"),
        rs.getLong("consumer_id"),
        rs.getLong("provider_id"),
        rs.getString("sha"));
  }

  /** The pact JSON of a content. */
  Optional<String> pactContent(long pactContentId) {
    return jdbc
        .queryForList("SELECT content FROM pact_content WHERE id = ?", String.class, pactContentId)
        .stream()
        .findFirst();
  }

  private static Content content(ResultSet rs) throws SQLException {
    return new Content(
        rs.getLong("id"),
        rs.getLong("provider_id"),
        rs.getString("sha"),
        rs.getString("specification"),
        rs.getString("content_type"),
        rs.getString("content"),
        rs.getObject("created_at", LocalDateTime.class));
  }

  private static Publication publication(ResultSet rs) throws SQLException {
    return new Publication(
        rs.getLong("id"),
        rs.getLong("provider_version_id"),
        rs.getLong("provider_id"),
        rs.getLong("provider_contract_content_id"),
        rs.getBoolean("self_verification_published"),
        rs.getBoolean("self_verification_success"),
        rs.getString("self_verification_content"),
        rs.getString("self_verification_content_type"),
        rs.getString("self_verification_format"),
        rs.getString("verifier"),
        rs.getString("verifier_version"),
        rs.getString("build_url"),
        rs.getObject("created_at", LocalDateTime.class),
        rs.getObject("updated_at", LocalDateTime.class));
  }

  private static Comparison comparison(ResultSet rs) throws SQLException {
    return new Comparison(
        rs.getLong("id"),
        rs.getLong("pact_content_id"),
        rs.getLong("provider_contract_content_id"),
        rs.getString("status"),
        rs.getString("result"),
        rs.getObject("updated_at", LocalDateTime.class));
  }
}
