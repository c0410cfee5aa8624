package dev.accord.broker.webhook;

import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pact.PublicationService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.verification.Verification;
import dev.accord.broker.verification.VerificationService;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries of webhooks (triggered webhooks with their attempts) as the API lists them, and test
 * executions.
 */
@Service
public class WebhookDeliveries {
  private final WebhookService webhooks;
  private final TriggeredWebhookRepository triggered;
  private final WebhookExecutionRepository executions;
  private final WebhookTriggers triggers;
  private final WebhookSender sender;
  private final WebhookSecrets secrets;
  private final PacticipantService pacticipants;
  private final PublicationService publications;
  private final VersionService versions;
  private final VerificationService verifications;

  WebhookDeliveries(
      WebhookService webhooks,
      TriggeredWebhookRepository triggered,
      WebhookExecutionRepository executions,
      WebhookTriggers triggers,
      WebhookSender sender,
      WebhookSecrets secrets,
      PacticipantService pacticipants,
      PublicationService publications,
      VersionService versions,
      VerificationService verifications) {
    this.webhooks = webhooks;
    this.triggered = triggered;
    this.executions = executions;
    this.triggers = triggers;
    this.sender = sender;
    this.secrets = secrets;
    this.pacticipants = pacticipants;
    this.publications = publications;
    this.versions = versions;
    this.verifications = verifications;
  }

  /** One delivery: the triggered webhook and its attempts, oldest first. */
  public record Delivery(TriggeredWebhook triggered, List<WebhookExecution> attempts) {}

  /** The newest deliveries of a saved webhook, at most {@code limit} (clamped to 1..500). */
  @Transactional(readOnly = true)
  public List<Delivery> recent(String webhookUuid, int limit) {
    webhooks.require(webhookUuid);
    return withAttempts(
        triggered.findByWebhookUuidOrderByIdDesc(webhookUuid, Math.max(1, Math.min(limit, 500))));
  }

  @Transactional(readOnly = true)
  public Delivery require(String triggeredUuid) {
    TriggeredWebhook t =
        triggered
            .findByUuid(triggeredUuid)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No triggered webhook with UUID "
                            + triggeredUuid
                            + "; the publish response and /webhooks/{uuid}/triggered-webhooks list them"));
    return new Delivery(t, executions.findByTriggeredWebhookIdOrderById(t.getId()));
  }

  /** The deliveries the publication of a consumer version's pact triggered. */
  @Transactional(readOnly = true)
  public List<Delivery> forPact(String provider, String consumer, String version) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    PactPublication publication =
        publications
            .forConsumerVersion(versions.require(c, version), p)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No pact between "
                            + consumer
                            + " version "
                            + version
                            + " and "
                            + provider));
    return withAttempts(triggered.findByPactPublicationIdOrderById(publication.getId()));
  }

  /** The deliveries a verification result triggered. */
  @Transactional(readOnly = true)
  public List<Delivery> forVerification(
      String provider, String consumer, String sha, String number) {
    Verification v = verifications.require(provider, consumer, sha, number).verification();
    return withAttempts(triggered.findByVerificationIdOrderById(v.getId()));
  }

  /**
   * The deliveries the publication of the pair's latest pact triggered; none when there is no pact
   * yet.
   */
  @Transactional(readOnly = true)
  public List<Delivery> forLatestPact(String provider, String consumer) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    return withAttempts(
        publications
            .latest(p, c)
            .map(PactPublication::getId)
            .map(triggered::findByPactPublicationIdOrderById)
            .orElse(List.of()));
  }

  /** A saved webhook, decrypted for sending; 409 when its secrets cannot be read. */
  @Transactional(readOnly = true)
  public WebhookDefinition executable(String uuid) {
    Webhook w = webhooks.require(uuid);
    try {
      return WebhookDefinition.of(w, secrets);
    } catch (IllegalStateException e) {
      throw ApiException.of(
          HttpStatus.CONFLICT, "Webhook " + uuid + " cannot be executed: " + e.getMessage());
    }
  }

  /**
   * Sends a webhook once with the data of the latest matching pact; nothing is recorded or retried.
   */
  public WebhookSender.Attempt tryOut(WebhookDefinition d) {
    Map<String, String> variables =
        triggers.sampleVariables(
            d.consumerId(),
            d.providerId(),
            d.events().isEmpty() ? "contract_published" : d.events().iterator().next(),
            pacticipants::byId);
    return sender.send(d, variables);
  }

  private List<Delivery> withAttempts(List<TriggeredWebhook> rows) {
    return rows.stream()
        .map(t -> new Delivery(t, executions.findByTriggeredWebhookIdOrderById(t.getId())))
        .toList();
  }
}
