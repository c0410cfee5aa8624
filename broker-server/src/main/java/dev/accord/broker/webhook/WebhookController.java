package dev.accord.broker.webhook;

import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook API the standard {@code pact broker} client uses, plus the listings and delivery logs
 * of the Pact broker. Saved webhooks come from {@link WebhookService}, deliveries and test
 * executions from {@link WebhookDeliveries}; every body is rendered by {@link WebhookViews}.
 */
@RestController
class WebhookController {
  private final WebhookService service;
  private final WebhookDeliveries deliveries;
  private final WebhookViews views;
  private final Links links;

  WebhookController(
      WebhookService service, WebhookDeliveries deliveries, WebhookViews views, Links links) {
    this.service = service;
    this.deliveries = deliveries;
    this.views = views;
    this.links = links;
  }

  // ---- listings and creation

  @GetMapping("/webhooks")
  public ResponseEntity<Map<String, Object>> all() {
    return Hal.ok(views.collection(links.url("/webhooks"), "Webhooks", service.all()));
  }

  @PostMapping("/webhooks")
  ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) WebhookRequest body) {
    return created(service.create(body, WebhookService.Scope.NONE));
  }

  @GetMapping("/webhooks/provider/{provider}")
  public ResponseEntity<Map<String, Object>> forProvider(@PathVariable String provider) {
    return Hal.ok(
        views.collection(
            links.url("/webhooks/provider/{}", provider),
            "Webhooks for provider " + provider,
            service.forProvider(provider)));
  }

  @PostMapping("/webhooks/provider/{provider}")
  ResponseEntity<Map<String, Object>> createForProvider(
      @PathVariable String provider, @RequestBody(required = false) WebhookRequest body) {
    return created(service.create(body, new WebhookService.Scope(null, provider)));
  }

  @GetMapping("/webhooks/consumer/{consumer}")
  public ResponseEntity<Map<String, Object>> forConsumer(@PathVariable String consumer) {
    return Hal.ok(
        views.collection(
            links.url("/webhooks/consumer/{}", consumer),
            "Webhooks for consumer " + consumer,
            service.forConsumer(consumer)));
  }

  @PostMapping("/webhooks/consumer/{consumer}")
  ResponseEntity<Map<String, Object>> createForConsumer(
      @PathVariable String consumer, @RequestBody(required = false) WebhookRequest body) {
    return created(service.create(body, new WebhookService.Scope(consumer, null)));
  }

  @GetMapping({
    "/webhooks/provider/{provider}/consumer/{consumer}",
    "/pacts/provider/{provider}/consumer/{consumer}/webhooks"
  })
  public ResponseEntity<Map<String, Object>> forPair(
      @PathVariable String provider, @PathVariable String consumer) {
    return Hal.ok(
        views.collection(
            links.url("/webhooks/provider/{}/consumer/{}", provider, consumer),
            "Webhooks between " + consumer + " and " + provider,
            service.forPair(provider, consumer)));
  }

  @PostMapping({
    "/webhooks/provider/{provider}/consumer/{consumer}",
    "/pacts/provider/{provider}/consumer/{consumer}/webhooks"
  })
  ResponseEntity<Map<String, Object>> createForPair(
      @PathVariable String provider,
      @PathVariable String consumer,
      @RequestBody(required = false) WebhookRequest body) {
    return created(service.create(body, new WebhookService.Scope(consumer, provider)));
  }

  // ---- one webhook

  @GetMapping("/webhooks/{uuid}")
  public ResponseEntity<Map<String, Object>> get(@PathVariable String uuid) {
    return Hal.ok(views.webhook(service.require(uuid)));
  }

  @PutMapping("/webhooks/{uuid}")
  ResponseEntity<Map<String, Object>> put(
      @PathVariable String uuid, @RequestBody(required = false) WebhookRequest body) {
    WebhookService.Saved saved = service.createOrUpdate(uuid, body);
    return saved.created() ? created(saved) : Hal.ok(views.webhook(saved.webhook()));
  }

  @DeleteMapping("/webhooks/{uuid}")
  ResponseEntity<Void> delete(@PathVariable String uuid) {
    service.delete(uuid);
    return Hal.noContent();
  }

  /**
   * Sends the saved webhook now with the data of the latest matching pact. Always 200: {@code
   * success} tells.
   */
  @PostMapping("/webhooks/{uuid}/execute")
  ResponseEntity<Map<String, Object>> execute(@PathVariable String uuid) {
    return Hal.ok(
        views.execution(
            deliveries.tryOut(deliveries.executable(uuid)), links.url("/webhooks/{}", uuid)));
  }

  /** Sends an unsaved webhook (validated like a saved one) once, to try it out. */
  @PostMapping("/webhooks/execute")
  ResponseEntity<Map<String, Object>> executeUnsaved(
      @RequestBody(required = false) WebhookRequest body) {
    return Hal.ok(views.execution(deliveries.tryOut(service.validate(body)), null));
  }

  // ---- deliveries

  @GetMapping("/webhooks/{uuid}/triggered-webhooks")
  public ResponseEntity<Map<String, Object>> triggeredFor(
      @PathVariable String uuid, @RequestParam(defaultValue = "50") int limit) {
    return Hal.ok(views.recent(uuid, deliveries.recent(uuid, limit)));
  }

  @GetMapping("/triggered-webhooks/{uuid}/logs")
  public ResponseEntity<Map<String, Object>> logs(@PathVariable String uuid) {
    return Hal.ok(views.logs(deliveries.require(uuid)));
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/version/{version}/triggered-webhooks")
  public ResponseEntity<Map<String, Object>> triggeredForPact(
      @PathVariable String provider, @PathVariable String consumer, @PathVariable String version) {
    return Hal.ok(
        views.deliveries(
            links.url(
                "/pacts/provider/{}/consumer/{}/version/{}/triggered-webhooks",
                provider,
                consumer,
                version),
            "Webhooks triggered by the publication of this pact",
            deliveries.forPact(provider, consumer, version)));
  }

  @GetMapping({
    "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results/{number}/triggered-webhooks",
    "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}/metadata/{metadata}"
        + "/verification-results/{number}/triggered-webhooks"
  })
  public ResponseEntity<Map<String, Object>> triggeredForVerification(
      @PathVariable String provider,
      @PathVariable String consumer,
      @PathVariable String sha,
      @PathVariable String number) {
    return Hal.ok(
        views.deliveries(
            links.url(
                "/pacts/provider/{}/consumer/{}/pact-version/{}/verification-results/{}/triggered-webhooks",
                provider,
                consumer,
                sha,
                number),
            "Webhooks triggered by this verification result",
            deliveries.forVerification(provider, consumer, sha, number)));
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/webhooks/status")
  public ResponseEntity<Map<String, Object>> status(
      @PathVariable String provider, @PathVariable String consumer) {
    return Hal.ok(views.status(provider, consumer, deliveries.forLatestPact(provider, consumer)));
  }

  private ResponseEntity<Map<String, Object>> created(WebhookService.Saved saved) {
    return Hal.created(views.webhook(saved.webhook()), views.url(saved.webhook()));
  }
}
