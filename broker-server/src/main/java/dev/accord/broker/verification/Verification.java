package dev.accord.broker.verification;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * The result of verifying pact content against a provider version. Its id is the global result
 * number.
 */
@Entity
@Table(name = "verification")
public class Verification {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pact_content_id")
  private Long pactContentId;

  @Column(name = "provider_version_id")
  private Long providerVersionId;

  @Column(name = "consumer_id")
  private Long consumerId;

  @Column(name = "provider_id")
  private Long providerId;

  private boolean success;
  private boolean wip;

  @Column(name = "build_url")
  private String buildUrl;

  @Column(name = "test_results")
  private String testResults;

  @Column(name = "verified_by_implementation")
  private String verifiedByImplementation;

  @Column(name = "verified_by_version")
  private String verifiedByVersion;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  /**
   * The client's Idempotency-Key header, unique per provider: a retried POST finds this result
   * instead of adding one.
   */
  @Column(name = "idempotency_key")
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

  /**
   * A detached copy of a stored row, as read by hand-written SQL (the matrix); never persist it.
   */
  public static Verification detached(
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
