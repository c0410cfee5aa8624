package dev.accord.broker.webhook;

import dev.accord.broker.web.BackgroundQueue;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery worker. Each sender thread claims one due queue row with {@code SELECT ... FOR
 * UPDATE SKIP LOCKED} and marks it {@code delivering} in one short transaction, sends it outside
 * any transaction, then records the attempt and the next state in another. One row per claim, so a
 * claim never waits behind other slow attempts. Several broker instances on one database therefore
 * never claim the same row; a row whose claimer died is claimed again after {@code
 * accord.webhooks.claim-timeout}. When no webhook is due, the same threads run the broker's other
 * queued work ({@link BackgroundQueue.Work}: the bi-directional comparisons), one item per claim,
 * so the broker has one executor.
 */
@Component
class WebhookDelivery implements BackgroundQueue {
  private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

  private final WebhookProperties properties;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final TriggeredWebhookRepository triggered;
  private final WebhookRepository webhooks;
  private final WebhookExecutionRepository executions;
  private final WebhookSender sender;
  private final WebhookSecrets secrets;
  private final ObjectProvider<BackgroundQueue.Work> work;
  private final String instance;
  private final AtomicInteger active = new AtomicInteger();
  private ScheduledExecutorService scheduler;
  private ExecutorService senders;
  private String lockClause;

  WebhookDelivery(
      WebhookProperties properties,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      TriggeredWebhookRepository triggered,
      WebhookRepository webhooks,
      WebhookExecutionRepository executions,
      WebhookSender sender,
      WebhookSecrets secrets,
      ObjectProvider<BackgroundQueue.Work> work) {
    this.secrets = secrets;
    this.work = work;
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
    Duration perAttempt = properties.getConnectTimeout().plus(properties.getRequestTimeout());
    if (properties.getClaimTimeout().compareTo(perAttempt) <= 0) {
      throw new IllegalStateException(
          "accord.webhooks.claim-timeout ("
              + properties.getClaimTimeout()
              + ") must be longer than connect-timeout + "
              + "request-timeout ("
              + perAttempt
              + "), or a delivery still in flight would be claimed again by another instance");
    }
    if (properties.getConcurrency() < 1) {
      throw new IllegalStateException(
          "accord.webhooks.concurrency must be at least 1, got " + properties.getConcurrency());
    }
    if (!properties.isEnabled()) {
      log.info(
          "Webhook delivery is off on this instance (accord.webhooks.enabled=false); events are still queued for other instances");
      return;
    }
    AtomicInteger threads = new AtomicInteger();
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "accord-webhook-poll"));
    senders =
        Executors.newFixedThreadPool(
            properties.getConcurrency(),
            r -> daemon(r, "accord-webhook-delivery-" + threads.incrementAndGet()));
    long poll = Math.max(10, properties.getPollInterval().toMillis());
    scheduler.scheduleWithFixedDelay(this::wake, poll, poll, TimeUnit.MILLISECONDS);
    log.info(
        "Webhook delivery on (instance {}): {} sender(s), poll every {}, retry schedule {}, allowed schemes {}, methods {}, hosts {}",
        instance,
        properties.getConcurrency(),
        properties.getPollInterval(),
        properties.getRetrySchedule(),
        properties.getAllowedSchemes(),
        properties.getAllowedMethods(),
        properties.getAllowedHosts().isEmpty() ? "any public host" : properties.getAllowedHosts());
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @PreDestroy
  void stop() throws InterruptedException {
    if (scheduler != null) {
      scheduler.shutdownNow();
      senders.shutdownNow();
      senders.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Deliver what is due now rather than at the next poll (also called after a triggering
   * transaction commits): starts senders up to {@code accord.webhooks.concurrency}; each claims and
   * delivers one row at a time until none is due.
   */
  @Override
  public void wake() {
    if (senders == null || senders.isShutdown()) {
      return;
    }
    while (true) {
      int running = active.get();
      if (running >= properties.getConcurrency()) {
        return;
      }
      if (active.compareAndSet(running, running + 1)) {
        try {
          senders.execute(this::drainSafely);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          active.decrementAndGet();
          return;
        }
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
        if (!claimed.isEmpty()) {
          claimed.forEach(this::deliver);
        } else if (!runOtherWork()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Webhook delivery pass failed; retrying at the next poll: {}", e.toString());
    } finally {
      active.decrementAndGet();
    }
  }

  /** One item of the first {@link BackgroundQueue.Work} that has one due; false when none had. */
  private boolean runOtherWork() {
    for (BackgroundQueue.Work w : work.orderedStream().toList()) {
      if (w.runOne()) {
        return true;
      }
    }
    return false;
  }

  List<Long> claim() {
    List<Long> ids =
        tx.execute(
            status -> {
              LocalDateTime now = Hal.now();
              LocalDateTime stale = now.minus(properties.getClaimTimeout());
              List<Long> due =
                  jdbc.queryForList(
                      "SELECT id FROM triggered_webhook WHERE (status = 'pending' AND next_attempt_at <= ?) "
                          + "OR (status = 'delivering' AND claimed_at < ?) ORDER BY next_attempt_at, id LIMIT 1"
                          + lockClause,
                      Long.class,
                      now,
                      stale);
              for (Long id : due) {
                jdbc.update(
                    "UPDATE triggered_webhook SET status = 'delivering', claimed_by = ?, claimed_at = ?, updated_at = ? WHERE id = ?",
                    instance,
                    now,
                    now,
                    id);
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
      finish(
          t,
          null,
          w == null
              ? "the webhook was deleted before delivery"
              : "the webhook was disabled before delivery");
      return;
    }
    Map<String, String> variables = new LinkedHashMap<>();
    Json.parse(t.getContext())
        .properties()
        .forEach(e -> variables.put(e.getKey(), e.getValue().asString()));
    WebhookSender.Attempt attempt;
    try {
      attempt = sender.send(WebhookDefinition.of(w, secrets), variables);
    } catch (IllegalStateException e) {
      attempt =
          new WebhookSender.Attempt(
              false,
              false,
              w.getMethod(),
              w.getUrl(),
              java.util.Map.of(),
              null,
              null,
              null,
              null,
              e.getMessage(),
              0);
    }
    finish(t, attempt, null);
  }

  /**
   * Records the attempt and moves the row on: succeeded, pending again after the next delay, or
   * failed.
   */
  private void finish(TriggeredWebhook t, WebhookSender.Attempt attempt, String abandoned) {
    tx.executeWithoutResult(
        status -> {
          LocalDateTime now = Hal.now();
          int attempts = t.getAttempts() + (attempt == null ? 0 : 1);
          String next;
          LocalDateTime nextAt = null;
          if (attempt == null) {
            next = TriggeredWebhook.FAILED;
          } else {
            executions.insert(new WebhookExecution(t.getId(), attempts, attempt, instance, now));
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
          int updated =
              jdbc.update(
                  "UPDATE triggered_webhook SET status = ?, attempts = ?, next_attempt_at = ?, claimed_by = NULL, "
                      + "claimed_at = NULL, "
                      + "updated_at = ? WHERE id = ? AND claimed_by = ?",
                  next,
                  attempts,
                  nextAt,
                  now,
                  t.getId(),
                  instance);
          if (updated == 0) {
            log.warn(
                "Triggered webhook {} was claimed by another instance while {} delivered it (delivery took longer than "
                    + "accord.webhooks.claim-timeout)",
                t.getUuid(),
                instance);
          }
          if (abandoned != null) {
            log.info("Triggered webhook {} not delivered: {}", t.getUuid(), abandoned);
          } else if (TriggeredWebhook.FAILED.equals(next)) {
            log.warn(
                "Webhook {} for {} failed after {} attempt(s): {}",
                t.getWebhookUuid(),
                t.getEventName(),
                attempts,
                attempt.error());
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
