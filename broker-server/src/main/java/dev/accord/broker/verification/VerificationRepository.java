package dev.accord.broker.verification;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code verification} table. Every write is a statement of its own, run when called. */
@Component
public class VerificationRepository {
  private static final String SELECT = "SELECT " + Verification.COLUMNS + " FROM verification ";
  private final JdbcClient jdbc;

  VerificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Verification> findById(Long id) {
    return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(Verification::row).optional();
  }

  Optional<Verification> findFirstByPactContentIdOrderByIdDesc(Long pactContentId) {
    return jdbc.sql(SELECT + "WHERE pact_content_id = ? ORDER BY id DESC LIMIT 1")
        .param(pactContentId)
        .query(Verification::row)
        .optional();
  }

  Optional<Verification> findByProviderIdAndIdempotencyKey(Long providerId, String idempotencyKey) {
    return jdbc.sql(SELECT + "WHERE provider_id = ? AND idempotency_key = ?")
        .params(providerId, idempotencyKey)
        .query(Verification::row)
        .optional();
  }

  /**
   * Whether a provider version on the given branch verified the content successfully (WIP results
   * count only when {@code includeWip}); one query instead of loading every success and its
   * version's branches.
   */
  public boolean successByProviderBranch(Long pactContentId, String branch, boolean includeWip) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM verification v WHERE v.pact_content_id = :content AND v.success = TRUE "
                    + (includeWip ? "" : "AND v.wip = FALSE ")
                    + "AND EXISTS (SELECT bv.id FROM branch_version bv JOIN branch b ON b.id = bv.branch_id "
                    + "WHERE bv.version_id = v.provider_version_id AND b.pacticipant_id = v.provider_id "
                    + "AND b.name = :branch)")
            .param("content", pactContentId)
            .param("branch", branch)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Whether a provider version with the given tag verified the content successfully (WIP results
   * count only when {@code includeWip}).
   */
  public boolean successByProviderTag(Long pactContentId, String tag, boolean includeWip) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM verification v WHERE v.pact_content_id = :content AND v.success = TRUE "
                    + (includeWip ? "" : "AND v.wip = FALSE ")
                    + "AND EXISTS (SELECT t.id FROM tag t WHERE t.version_id = v.provider_version_id "
                    + "AND t.name = :tag)")
            .param("content", pactContentId)
            .param("tag", tag)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Inserts the new result and gives it the generated id (the global result number). */
  Verification insert(Verification v) {
    v.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO verification (pact_content_id, provider_version_id, consumer_id, provider_id, "
                        + "success, wip, build_url, test_results, verified_by_implementation, verified_by_version, "
                        + "created_at, idempotency_key, coverage) VALUES (:content, :providerVersion, :consumer, "
                        + ":provider, :success, :wip, :buildUrl, :testResults, :implementation, :implementationVersion, "
                        + ":createdAt, :idempotencyKey, :coverage)")
                .param("content", v.getPactContentId())
                .param("providerVersion", v.getProviderVersionId())
                .param("consumer", v.getConsumerId())
                .param("provider", v.getProviderId())
                .param("success", v.isSuccess())
                .param("wip", v.isWip())
                .param("buildUrl", v.getBuildUrl(), Types.VARCHAR)
                .param("testResults", v.getTestResults(), Types.VARCHAR)
                .param("implementation", v.getVerifiedByImplementation(), Types.VARCHAR)
                .param("implementationVersion", v.getVerifiedByVersion(), Types.VARCHAR)
                .param("createdAt", v.getCreatedAt(), Types.TIMESTAMP)
                .param("idempotencyKey", v.getIdempotencyKey(), Types.VARCHAR)
                .param("coverage", v.getCoverage(), Types.VARCHAR)));
    // the earlier results of the same (content, provider version) are no longer its latest (V6)
    jdbc.sql(
            "UPDATE verification SET latest = FALSE WHERE pact_content_id = ? AND provider_version_id = ? "
                + "AND id < ? AND latest = TRUE")
        .params(v.getPactContentId(), v.getProviderVersionId(), v.getId())
        .update();
    return v;
  }

  void delete(Verification v) {
    jdbc.sql("DELETE FROM verification WHERE id = ?").param(v.getId()).update();
    // the newest remaining result of its (content, provider version) is the latest again (V6)
    jdbc.sql(
            "UPDATE verification SET latest = TRUE WHERE id = (SELECT MAX(y.id) FROM verification y "
                + "WHERE y.pact_content_id = ? AND y.provider_version_id = ?)")
        .params(v.getPactContentId(), v.getProviderVersionId())
        .update();
  }
}
