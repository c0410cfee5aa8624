package dev.accord.broker.verification;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The result of verifying pact content against a provider version. Its id is the global result
 * number.
 */
public class Verification {
  private Long id;
  private Long pactContentId;
  private Long providerVersionId;
  private Long consumerId;
  private Long providerId;

  private boolean success;
  private boolean wip;
  private String buildUrl;
  private String testResults;
  private String verifiedByImplementation;
  private String verifiedByVersion;
  private LocalDateTime createdAt;

  /**
   * The client's Idempotency-Key header, unique per provider: a retried POST finds this result
   * instead of adding one.
   */
  private String idempotencyKey;

  /** The verifier's {@code coverage} object as JSON, or null. */
  private String coverage;

  protected Verification() {}

  Verification(
      Long pactContentId,
      Long providerVersionId,
      Long consumerId,
      Long providerId,
      boolean success,
      boolean wip,
      String buildUrl,
      String testResults,
      String verifiedByImplementation,
      String verifiedByVersion) {
    this.pactContentId = pactContentId;
    this.providerVersionId = providerVersionId;
    this.consumerId = consumerId;
    this.providerId = providerId;
    this.success = success;
    this.wip = wip;
    this.buildUrl = buildUrl;
    this.testResults = testResults;
    this.verifiedByImplementation = verifiedByImplementation;
    this.verifiedByVersion = verifiedByVersion;
    this.createdAt = Hal.now();
  }

  /** A stored row, as the matrix and pacts-for-verification read it with their own SQL. */
  public static Verification stored(
      Long id,
      Long pactContentId,
      Long providerVersionId,
      Long consumerId,
      Long providerId,
      boolean success,
      boolean wip,
      String buildUrl,
      String testResults,
      String verifiedByImplementation,
      String verifiedByVersion,
      LocalDateTime createdAt) {
    Verification v = new Verification();
    v.id = id;
    v.pactContentId = pactContentId;
    v.providerVersionId = providerVersionId;
    v.consumerId = consumerId;
    v.providerId = providerId;
    v.success = success;
    v.wip = wip;
    v.buildUrl = buildUrl;
    v.testResults = testResults;
    v.verifiedByImplementation = verifiedByImplementation;
    v.verifiedByVersion = verifiedByVersion;
    v.createdAt = createdAt;
    return v;
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS =
      "id, pact_content_id, provider_version_id, consumer_id, provider_id, success, wip, build_url, test_results, verified_by_implementation, verified_by_version, created_at, idempotency_key, coverage";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static Verification row(ResultSet rs, int rowNum) throws SQLException {
    Verification r = new Verification();
    r.id = rs.getObject("id", Long.class);
    r.pactContentId = rs.getObject("pact_content_id", Long.class);
    r.providerVersionId = rs.getObject("provider_version_id", Long.class);
    r.consumerId = rs.getObject("consumer_id", Long.class);
    r.providerId = rs.getObject("provider_id", Long.class);
    r.success = rs.getBoolean("success");
    r.wip = rs.getBoolean("wip");
    r.buildUrl = rs.getString("build_url");
    r.testResults = rs.getString("test_results");
    r.verifiedByImplementation = rs.getString("verified_by_implementation");
    r.verifiedByVersion = rs.getString("verified_by_version");
    r.createdAt = rs.getObject("created_at", LocalDateTime.class);
    r.idempotencyKey = rs.getString("idempotency_key");
    r.coverage = rs.getString("coverage");
    return r;
  }

  /** The id the database generated when the row was inserted. */
  void assignId(long id) {
    this.id = id;
  }

  public Long getId() {
    return id;
  }

  public Long getPactContentId() {
    return pactContentId;
  }

  public Long getProviderVersionId() {
    return providerVersionId;
  }

  public Long getConsumerId() {
    return consumerId;
  }

  public Long getProviderId() {
    return providerId;
  }

  public boolean isSuccess() {
    return success;
  }

  public boolean isWip() {
    return wip;
  }

  public String getBuildUrl() {
    return buildUrl;
  }

  public String getTestResults() {
    return testResults;
  }

  public String getVerifiedByImplementation() {
    return verifiedByImplementation;
  }

  public String getVerifiedByVersion() {
    return verifiedByVersion;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getCoverage() {
    return coverage;
  }

  void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }

  void setCoverage(String coverage) {
    this.coverage = coverage;
  }
}
