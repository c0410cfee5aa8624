package dev.accord.broker.verificationselection;

import static dev.accord.broker.web.SqlRows.PUBLICATION_COLUMNS;
import static dev.accord.broker.web.SqlRows.VERSION_COLUMNS;

import dev.accord.broker.pact.ContentRef;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.version.Version;
import dev.accord.broker.web.Chunks;
import dev.accord.broker.web.SqlRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reads of the common pacts-for-verification selectors (branches, environments, pending status)
 * as a few hand-written, set-based SQL statements for all selectors, consumers and environments of
 * a request, instead of statements per selector, consumer and environment (whose JPA query
 * interpretation was most of the broker's CPU per request when the broker ran on Hibernate). Plain
 * SQL that runs unchanged on PostgreSQL and H2; runs inside the caller's read-only transaction. A
 * plain {@code @Component} (JdbcTemplate already translates SQLExceptions).
 */
@Component
class SelectionRows {
  private final NamedParameterJdbcTemplate jdbc;

  SelectionRows(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /** A consumer version's pact with the provider, its content and the consumer version. */
  record Found(PactPublication publication, ContentRef content, Version version) {}

  /** An environment as the selection needs it. */
  record Env(Long id, String name) {}

  /**
   * The provider and its consumers (in integration order); empty when there is no pacticipant with
   * that name.
   */
  record Provider(Pacticipant provider, List<Pacticipant> consumers) {}

  Optional<Provider> provider(String name) {
    List<Pacticipant> provider = new ArrayList<>();
    List<Pacticipant> consumers = new ArrayList<>();
    jdbc.query(
        "SELECT 0 AS kind, 0 AS rid, p.id, p.name, p.display_name, p.main_branch, p.repository_url, p.created_at, p.updated_at "
            + "FROM pacticipant p WHERE p.name = :name "
            + "UNION ALL "
            + "SELECT 1 AS kind, i.id AS rid, c.id, c.name, c.display_name, c.main_branch, c.repository_url, c.created_at, c.updated_at "
            + "FROM pacticipant p JOIN integration i ON i.provider_id = p.id JOIN pacticipant c ON c.id = i.consumer_id WHERE p.name = "
            + ":name "
            + "ORDER BY kind, rid",
        new MapSqlParameterSource("name", name),
        rs -> {
          (rs.getInt("kind") == 0 ? provider : consumers).add(SqlRows.pacticipant(rs));
        });
    return provider.isEmpty()
        ? Optional.empty()
        : Optional.of(new Provider(provider.get(0), consumers));
  }

  /**
   * The provider's pacts of the head versions of the named branches of each consumer, keyed
   * "consumerId/branch"; a branch without a head or whose head has no pact with the provider is
   * left out.
   */
  Map<String, Found> branchHeads(Long providerId, Map<Long, Set<String>> namesByConsumer) {
    Map<String, Found> out = new HashMap<>();
    if (namesByConsumer.isEmpty()) {
      return out;
    }
    Set<String> names = new HashSet<>();
    namesByConsumer.values().forEach(names::addAll);
    jdbc.query(
        "SELECT b.pacticipant_id AS b_pacticipant_id, b.name AS b_name, "
            + PUBLICATION_COLUMNS
            + ", "
            + VERSION_COLUMNS
            + " FROM branch b JOIN pact_publication p ON p.consumer_version_id = b.head_version_id AND p.provider_id = :provider "
            + "JOIN pact_content c ON c.id = p.pact_content_id JOIN version v ON v.id = b.head_version_id "
            + "WHERE b.pacticipant_id IN (:consumers) AND b.name IN (:names)",
        new MapSqlParameterSource("provider", providerId)
            .addValue("consumers", namesByConsumer.keySet())
            .addValue("names", names),
        rs -> {
          long consumer = rs.getLong("b_pacticipant_id");
          String branch = rs.getString("b_name");
          if (namesByConsumer.get(consumer).contains(branch)) {
            out.put(consumer + "/" + branch, found(rs));
          }
        });
    return out;
  }

  /** Every environment, by name (as the environments resource lists them). */
  List<Env> environments() {
    return jdbc.query(
        "SELECT id, name FROM environment ORDER BY name",
        (rs, i) -> new Env(rs.getLong("id"), rs.getString("name")));
  }

  /**
   * The consumers' versions deployed (current) and released (supported) in the environments that
   * have a pact with the provider, keyed "environmentId/consumerId", oldest deployment or release
   * first.
   */
  record InEnvironments(Map<String, List<Found>> deployed, Map<String, List<Found>> released) {}

  InEnvironments inEnvironments(
      Long providerId,
      Collection<Long> environmentIds,
      Collection<Long> consumerIds,
      boolean deployed,
      boolean released) {
    Map<String, List<Found>> deployedOut = new HashMap<>();
    Map<String, List<Found>> releasedOut = new HashMap<>();
    if (environmentIds.isEmpty() || consumerIds.isEmpty() || !deployed && !released) {
      return new InEnvironments(deployedOut, releasedOut);
    }
    List<String> parts = new ArrayList<>();
    if (deployed) {
      parts.add(
          "SELECT 0 AS kind, d.id AS rid, d.environment_id, d.version_id FROM deployed_version d "
              + "WHERE d.environment_id IN (:envs) AND d.pacticipant_id IN (:consumers) AND d.undeployed_at IS NULL");
    }
    if (released) {
      parts.add(
          "SELECT 1 AS kind, rv.id AS rid, rv.environment_id, rv.version_id FROM released_version rv "
              + "WHERE rv.environment_id IN (:envs) AND rv.pacticipant_id IN (:consumers) AND rv.support_ended_at IS NULL");
    }
    for (List<Long> chunk : Chunks.of(consumerIds)) {
      jdbc.query(
          "SELECT x.kind, x.rid, x.environment_id AS x_environment_id, "
              + PUBLICATION_COLUMNS
              + ", "
              + VERSION_COLUMNS
              + " FROM ("
              + String.join(" UNION ALL ", parts)
              + ") x "
              + "JOIN pact_publication p ON p.consumer_version_id = x.version_id AND p.provider_id = :provider "
              + "JOIN pact_content c ON c.id = p.pact_content_id JOIN version v ON v.id = x.version_id ORDER BY x.kind, x.rid",
          new MapSqlParameterSource("provider", providerId)
              .addValue("envs", environmentIds)
              .addValue("consumers", chunk),
          rs -> {
            Found f = found(rs);
            String key = rs.getLong("x_environment_id") + "/" + f.publication().getConsumerId();
            (rs.getInt("kind") == 0 ? deployedOut : releasedOut)
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(f);
          });
    }
    return new InEnvironments(deployedOut, releasedOut);
  }

  // By branch and with no condition: per content, whether one such verification exists (a semi-join
  // that stops at the first)
  // instead of every verification of the contents made distinct: a content verified by thousands of
  // provider versions made
  // PostgreSQL join every main-branch version of every pacticipant first (2.6 s against 0.5 ms;
  // benchmarks/broker/explain.sql,
  // "a long-lived content"). By tag stays verification-first: a tag is on few versions, so the
  // semi-join per content would
  // read most of the content's verifications before it found one (14 ms against 1.6 ms on the same
  // content).

  /**
   * Of the contents, those that a provider version on the branch verified successfully (WIP results
   * included).
   */
  Set<Long> successfulByProviderBranch(Collection<Long> contentIds, String branch) {
    return contents(
        "SELECT c.id FROM pact_content c WHERE c.id IN (:contents) AND EXISTS (SELECT 1 FROM verification r "
            + "JOIN branch_version bv ON bv.version_id = r.provider_version_id JOIN branch b ON b.id = bv.branch_id "
            + "WHERE r.pact_content_id = c.id AND r.success = TRUE AND b.pacticipant_id = r.provider_id AND b.name = :label)",
        contentIds,
        branch);
  }

  /**
   * Of the contents, those that a provider version with the tag verified successfully (WIP results
   * included).
   */
  Set<Long> successfulByProviderTag(Collection<Long> contentIds, String tag) {
    return contents(
        "SELECT DISTINCT r.pact_content_id FROM verification r WHERE r.pact_content_id IN (:contents) AND r.success = TRUE "
            + "AND EXISTS (SELECT 1 FROM tag t WHERE t.version_id = r.provider_version_id AND t.name = :label)",
        contentIds,
        tag);
  }

  /** Of the contents, those with at least one successful verification. */
  Set<Long> successful(Collection<Long> contentIds) {
    return contents(
        "SELECT c.id FROM pact_content c WHERE c.id IN (:contents) AND EXISTS (SELECT 1 FROM verification r "
            + "WHERE r.pact_content_id = c.id AND r.success = TRUE)",
        contentIds,
        null);
  }

  private Set<Long> contents(String sql, Collection<Long> contentIds, String label) {
    Set<Long> out = new HashSet<>();
    for (List<Long> chunk : Chunks.of(contentIds)) {
      jdbc.query(
          sql,
          new MapSqlParameterSource("contents", chunk).addValue("label", label),
          rs -> {
            out.add(rs.getLong(1));
          });
    }
    return out;
  }

  private static Found found(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Found(SqlRows.publication(rs), SqlRows.content(rs), SqlRows.version(rs));
  }
}
