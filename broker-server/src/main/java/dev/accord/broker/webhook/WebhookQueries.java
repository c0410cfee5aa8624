package dev.accord.broker.webhook;

import dev.accord.broker.pacticipant.PacticipantService;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only views of webhooks and their recent deliveries, for pages that show them (the web UI).
 * Nothing here exposes a password or a sensitive header value.
 */
@Service
public class WebhookQueries {
  private final WebhookRepository webhooks;
  private final TriggeredWebhookRepository triggered;
  private final WebhookExecutionRepository executions;
  private final PacticipantService pacticipants;

  WebhookQueries(
      WebhookRepository webhooks,
      TriggeredWebhookRepository triggered,
      WebhookExecutionRepository executions,
      PacticipantService pacticipants) {
    this.webhooks = webhooks;
    this.triggered = triggered;
    this.executions = executions;
    this.pacticipants = pacticipants;
  }

  /** The pacticipant's name, "labelled L" for a label scope, null for any. */
  private String scope(Long id, String label) {
    return id != null
        ? pacticipants.byId(id).getName()
        : label == null ? null : "labelled " + label;
  }

  /** A webhook as a person reads it; consumer/provider null = any. */
  public record WebhookSummary(
      String uuid,
      String description,
      String consumerName,
      String providerName,
      boolean enabled,
      String method,
      String url,
      List<String> events,
      LocalDateTime createdAt,
      List<DeliverySummary> recentDeliveries) {}

  /**
   * One event delivered (or being delivered) to a webhook. status: pending, delivering, succeeded
   * or failed.
   */
  public record DeliverySummary(
      String uuid,
      String eventName,
      String status,
      int attempts,
      LocalDateTime triggeredAt,
      LocalDateTime nextAttemptAt,
      List<AttemptSummary> attemptLog) {}

  /** One HTTP attempt: status code (null when no response came), error sentence, duration. */
  public record AttemptSummary(
      int attempt,
      boolean success,
      Integer responseStatus,
      String error,
      long durationMs,
      LocalDateTime at) {}

  /** Every webhook, each with its {@code recent} latest deliveries and their attempts. */
  @Transactional(readOnly = true)
  public List<WebhookSummary> all(int recent) {
    return webhooks.findAllByOrderById().stream().map(w -> summary(w, recent)).toList();
  }

  @Transactional(readOnly = true)
  public Optional<WebhookSummary> byUuid(String uuid, int recent) {
    return webhooks.findByUuid(uuid).map(w -> summary(w, recent));
  }

  /** The latest deliveries of a webhook, newest first. */
  @Transactional(readOnly = true)
  public List<DeliverySummary> recentDeliveries(String webhookUuid, int limit) {
    List<TriggeredWebhook> rows = triggered.findByWebhookUuidOrderByIdDesc(webhookUuid, limit);
    Map<Long, List<WebhookExecution>> byRow =
        rows.isEmpty()
            ? Map.of()
            : executions
                .findByTriggeredWebhookIdInOrderById(
                    rows.stream().map(TriggeredWebhook::getId).toList())
                .stream()
                .collect(Collectors.groupingBy(WebhookExecution::getTriggeredWebhookId));
    return rows.stream()
        .map(
            t ->
                new DeliverySummary(
                    t.getUuid(),
                    t.getEventName(),
                    t.getStatus(),
                    t.getAttempts(),
                    t.getCreatedAt(),
                    t.getNextAttemptAt(),
                    byRow.getOrDefault(t.getId(), List.of()).stream()
                        .map(
                            e ->
                                new AttemptSummary(
                                    e.getAttempt(),
                                    e.isSuccess(),
                                    e.getResponseStatus(),
                                    e.getError(),
                                    e.getDurationMs(),
                                    e.getCreatedAt()))
                        .toList()))
        .toList();
  }

  private WebhookSummary summary(Webhook w, int recent) {
    return new WebhookSummary(
        w.getUuid(),
        w.getDescription(),
        scope(w.getConsumerId(), w.getConsumerLabel()),
        scope(w.getProviderId(), w.getProviderLabel()),
        w.isEnabled(),
        w.getMethod(),
        w.getUrl(),
        List.copyOf(w.getEvents()),
        w.getCreatedAt(),
        recentDeliveries(w.getUuid(), recent));
  }
}
