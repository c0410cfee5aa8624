package dev.accord.broker.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One delivery attempt of a triggered webhook, as sent and as answered (headers redacted, body
 * truncated).
 */
@Entity
@Table(name = "webhook_execution")
public class WebhookExecution {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "triggered_webhook_id")
  private Long triggeredWebhookId;

  private int attempt;
  private boolean success;

  @Column(name = "request_method")
  private String requestMethod;

  @Column(name = "request_url")
  private String requestUrl;

  @Column(name = "request_headers")
  private String requestHeaders;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_headers")
  private String responseHeaders;

  @Column(name = "response_body")
  private String responseBody;

  private String error;

  @Column(name = "duration_ms")
  private long durationMs;

  @Column(name = "executed_by")
  private String executedBy;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  protected WebhookExecution() {}

  WebhookExecution(
      Long triggeredWebhookId,
      int attempt,
      WebhookSender.Attempt a,
      String executedBy,
      LocalDateTime now) {
    this.triggeredWebhookId = triggeredWebhookId;
    this.attempt = attempt;
    this.success = a.success();
    this.requestMethod = a.method();
    this.requestUrl = truncate(a.url(), 4096);
    this.requestHeaders = a.requestHeadersJson();
    this.responseStatus = a.status();
    this.responseHeaders = a.responseHeadersJson();
    this.responseBody = a.responseBody();
    this.error = truncate(a.error(), 4096);
    this.durationMs = a.durationMs();
    this.executedBy = executedBy;
    this.createdAt = now;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Long getTriggeredWebhookId() {
    return triggeredWebhookId;
  }

  public int getAttempt() {
    return attempt;
  }

  public boolean isSuccess() {
    return success;
  }

  public String getRequestMethod() {
    return requestMethod;
  }

  public String getRequestUrl() {
    return requestUrl;
  }

  public String getRequestHeaders() {
    return requestHeaders;
  }

  public Integer getResponseStatus() {
    return responseStatus;
  }

  public String getResponseHeaders() {
    return responseHeaders;
  }

  public String getResponseBody() {
    return responseBody;
  }

  public String getError() {
    return error;
  }

  public long getDurationMs() {
    return durationMs;
  }

  public String getExecutedBy() {
    return executedBy;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
