package dev.accord.broker.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * One delivery attempt of a triggered webhook, as sent and as answered (headers redacted, body
 * truncated).
 */
public class WebhookExecution {
  private Long id;
  private Long triggeredWebhookId;

  private int attempt;
  private boolean success;
  private String requestMethod;
  private String requestUrl;
  private String requestHeaders;
  private Integer responseStatus;
  private String responseHeaders;
  private String responseBody;

  private String error;
  private long durationMs;
  private String executedBy;
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

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS =
      "id, triggered_webhook_id, attempt, success, request_method, request_url, request_headers, response_status, response_headers, response_body, error, duration_ms, executed_by, created_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static WebhookExecution row(ResultSet rs, int rowNum) throws SQLException {
    WebhookExecution r = new WebhookExecution();
    r.id = rs.getObject("id", Long.class);
    r.triggeredWebhookId = rs.getObject("triggered_webhook_id", Long.class);
    r.attempt = rs.getInt("attempt");
    r.success = rs.getBoolean("success");
    r.requestMethod = rs.getString("request_method");
    r.requestUrl = rs.getString("request_url");
    r.requestHeaders = rs.getString("request_headers");
    r.responseStatus = rs.getObject("response_status", Integer.class);
    r.responseHeaders = rs.getString("response_headers");
    r.responseBody = rs.getString("response_body");
    r.error = rs.getString("error");
    r.durationMs = rs.getLong("duration_ms");
    r.executedBy = rs.getString("executed_by");
    r.createdAt = rs.getObject("created_at", LocalDateTime.class);
    return r;
  }

  /** The id the database generated when the row was inserted. */
  void assignId(long id) {
    this.id = id;
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
