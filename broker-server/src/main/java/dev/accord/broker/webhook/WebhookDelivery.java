package dev.accord.broker.webhook;

import dev.accord.broker.web.Hal;
import dev.accord.pact.json.Json;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery worker. Each pass claims due queue rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} and marks them
 * {@code delivering} in one short transaction, sends them outside any transaction, then records the attempt and the
 * next state in another. Several broker instances on one database therefore never claim the same row; a row whose
 * claimer died is claimed again after {@code accord.webhooks.claim-timeout}.
 */
@Component
class WebhookDelivery {
  private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

  private final WebhookProperties properties;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final TriggeredWebhookRepository triggered;
  private final WebhookRepository webhooks;
  private final WebhookExecutionRepository executions;
  private final WebhookSender sender;
  private final WebhookSecrets secrets;
  private final String instance;
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private ScheduledExecutorService worker;
  private String lockClause;

  WebhookDelivery(WebhookProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions, TriggeredWebhookRepository triggered,
      WebhookRepository webhooks, WebhookExecutionRepository executions, WebhookSender sender, WebhookSecrets secrets) {
    this.secrets = secrets;
    this.properties = properties;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.triggered = triggered;
    this.webhooks = webhooks;
    this.executions = executions;
    this.sender = sender;
    this.instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  @PostConstruct
  void start() {
    lockClause = " FOR UPDATE SKIP LOCKED";
    if (!properties.isEnabled()) {
      log.info("Webhook delivery is off on this instance (accord.webhooks.enabled=false); events are still queued for other instances");
      return;
    }
    worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "accord-webhook-delivery");
      t.setDaemon(true);
      return t;
    });
    long poll = Math.max(10, properties.getPollInterval().toMillis());
    worker.scheduleWithFixedDelay(this::drainSafely, poll, poll, TimeUnit.MILLISECONDS);
    log.info("Webhook delivery on (instance {}): poll every {}, retry schedule {}, allowed schemes {}, methods {}, hosts {}", instance,
        properties.getPollInterval(), properties.getRetrySchedule(), properties.getAllowedSchemes(), properties.getAllowedMethods(),
        properties.getAllowedHosts().isEmpty() ? "any public host" : properties.getAllowedHosts());
  }

  @PreDestroy
  void stop() throws InterruptedException {
    if (worker != null) {
      worker.shutdownNow();
      worker.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** Deliver what is due now rather than at the next poll (called after a triggering transaction commits). */
  void wake() {
    if (worker != null && !worker.isShutdown() && wakeQueued.compareAndSet(false, true)) {
      try {
        worker.execute(() -> {
          wakeQueued.set(false);
          drainSafely();
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        wakeQueued.set(false);
      }
    }
  }

  String instance() {
    return instance;
  }

  private void drainSafely() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        List<Long> claimed = claim();
        if (claimed.isEmpty()) {
          return;
        }
        claimed.forEach(this::deliver);
      }
    } catch (RuntimeException e) {
      log.warn("Webhook delivery pass failed; retrying at the next poll: {}", e.toString());
    }
  }

  List<Long> claim() {
    List<Long> ids = tx.execute(status -> {
      LocalDateTime now = Hal.now();
      LocalDateTime stale = now.minus(properties.getClaimTimeout());
      List<Long> due = jdbc.queryForList("SELECT id FROM triggered_webhook WHERE (status = 'pending' AND next_attempt_at <= ?) "
          + "OR (status = 'delivering' AND claimed_at < ?) ORDER BY next_attempt_at, id LIMIT " + properties.getBatchSize() + lockClause,
          Long.class, now, stale);
      for (Long id : due) {
        jdbc.update("UPDATE triggered_webhook SET status = 'delivering', claimed_by = ?, claimed_at = ?, updated_at = ? WHERE id = ?",
            instance, now, now, id);
      }
      return due;
    });
    return ids == null ? List.of() : ids;
  }

  private void deliver(Long id) {
    TriggeredWebhook t = triggered.findById(id).orElse(null);
    if (t == null) {
      return;
    }
    Webhook w = t.getWebhookId() == null ? null : webhooks.findById(t.getWebhookId()).orElse(null);
    if (w == null || !w.isEnabled()) {
      finish(t, null, w == null ? "the webhook was deleted before delivery" : "the webhook was disabled before delivery");
      return;
    }
    Map<String, String> variables = new LinkedHashMap<>();
    Json.parse(t.getContext()).properties().forEach(e -> variables.put(e.getKey(), e.getValue().asString()));
    WebhookSender.Attempt attempt;
    try {
      attempt = sender.send(WebhookDefinition.of(w, secrets), variables);
    } catch (IllegalStateException e) {
      attempt = new WebhookSender.Attempt(false, false, w.getMethod(), w.getUrl(), java.util.Map.of(), null, null, null, null, e.getMessage(), 0);
    }
    finish(t, attempt, null);
  }

  /** Records the attempt and moves the row on: succeeded, pending again after the next delay, or failed. */
  private void finish(TriggeredWebhook t, WebhookSender.Attempt attempt, String abandoned) {
    tx.executeWithoutResult(status -> {
      LocalDateTime now = Hal.now();
      int attempts = t.getAttempts() + (attempt == null ? 0 : 1);
      String next;
      LocalDateTime nextAt = null;
      if (attempt == null) {
        next = TriggeredWebhook.FAILED;
      } else {
        executions.save(new WebhookExecution(t.getId(), attempts, attempt, instance, now));
        List<Duration> schedule = properties.getRetrySchedule();
        if (attempt.success()) {
          next = TriggeredWebhook.SUCCEEDED;
        } else if (attempt.retryable() && attempts <= schedule.size()) {
          next = TriggeredWebhook.PENDING;
          nextAt = now.plus(schedule.get(attempts - 1));
        } else {
          next = TriggeredWebhook.FAILED;
        }
      }
      int updated = jdbc.update("UPDATE triggered_webhook SET status = ?, attempts = ?, next_attempt_at = ?, claimed_by = NULL, claimed_at = NULL, "
          + "updated_at = ? WHERE id = ? AND claimed_by = ?", next, attempts, nextAt, now, t.getId(), instance);
      if (updated == 0) {
        log.warn("Triggered webhook {} was claimed by another instance while {} delivered it (delivery took longer than accord.webhooks.claim-timeout)",
            t.getUuid(), instance);
      }
      if (abandoned != null) {
        log.info("Triggered webhook {} not delivered: {}", t.getUuid(), abandoned);
      } else if (TriggeredWebhook.FAILED.equals(next)) {
        log.warn("Webhook {} for {} failed after {} attempt(s): {}", t.getWebhookUuid(), t.getEventName(), attempts, attempt.error());
      }
    });
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "broker";
    }
  }
}
