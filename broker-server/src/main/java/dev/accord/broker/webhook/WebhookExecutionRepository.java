package dev.accord.broker.webhook;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code webhook_execution} table: one row per delivery attempt, written once. */
@Component
class WebhookExecutionRepository {
  private static final String SELECT =
      "SELECT " + WebhookExecution.COLUMNS + " FROM webhook_execution ";
  private final JdbcClient jdbc;

  WebhookExecutionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<WebhookExecution> findByTriggeredWebhookIdOrderById(Long triggeredWebhookId) {
    return jdbc.sql(SELECT + "WHERE triggered_webhook_id = ? ORDER BY id")
        .param(triggeredWebhookId)
        .query(WebhookExecution::row)
        .list();
  }

  /** At most 1,000 ids (the callers ask for at most 500 deliveries). */
  List<WebhookExecution> findByTriggeredWebhookIdInOrderById(Collection<Long> triggeredWebhookIds) {
    return jdbc.sql(SELECT + "WHERE triggered_webhook_id IN (:ids) ORDER BY id")
        .param("ids", triggeredWebhookIds)
        .query(WebhookExecution::row)
        .list();
  }

  /** Records the attempt and gives it the generated id. */
  WebhookExecution insert(WebhookExecution e) {
    e.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO webhook_execution (triggered_webhook_id, attempt, success, request_method, "
                        + "request_url, request_headers, response_status, response_headers, response_body, error, "
                        + "duration_ms, executed_by, created_at) VALUES (:triggered, :attempt, :success, :method, "
                        + ":url, :requestHeaders, :status, :responseHeaders, :responseBody, :error, :durationMs, "
                        + ":executedBy, :createdAt)")
                .param("triggered", e.getTriggeredWebhookId())
                .param("attempt", e.getAttempt())
                .param("success", e.isSuccess())
                .param("method", e.getRequestMethod())
                .param("url", e.getRequestUrl())
                .param("requestHeaders", e.getRequestHeaders(), Types.VARCHAR)
                .param("status", e.getResponseStatus(), Types.INTEGER)
                .param("responseHeaders", e.getResponseHeaders(), Types.VARCHAR)
                .param("responseBody", e.getResponseBody(), Types.VARCHAR)
                .param("error", e.getError(), Types.VARCHAR)
                .param("durationMs", e.getDurationMs())
                .param("executedBy", e.getExecutedBy(), Types.VARCHAR)
                .param("createdAt", e.getCreatedAt(), Types.TIMESTAMP)));
    return e;
  }
}
