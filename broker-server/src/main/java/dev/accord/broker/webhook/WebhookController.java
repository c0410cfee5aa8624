package dev.accord.broker.webhook;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pact.PublicationService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.verification.Verification;
import dev.accord.broker.verification.VerificationService;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The webhook API the standard {@code pact broker} client uses, plus the listings and delivery logs of the Pact broker. */
@RestController
class WebhookController {
  private final WebhookService service;
  private final WebhookQueries queries;
  private final WebhookTriggers triggers;
  private final WebhookSender sender;
  private final WebhookProperties properties;
  private final WebhookSecrets secrets;
  private final TriggeredWebhookRepository triggered;
  private final WebhookExecutionRepository executions;
  private final PacticipantService pacticipants;
  private final PublicationService publications;
  private final VersionService versions;
  private final VerificationService verifications;
  private final Links links;

  WebhookController(WebhookService service, WebhookQueries queries, WebhookTriggers triggers, WebhookSender sender, WebhookProperties properties,
      WebhookSecrets secrets, TriggeredWebhookRepository triggered, WebhookExecutionRepository executions, PacticipantService pacticipants, PublicationService publications,
      VersionService versions, VerificationService verifications, Links links) {
    this.versions = versions;
    this.verifications = verifications;
    this.service = service;
    this.queries = queries;
    this.triggers = triggers;
    this.sender = sender;
    this.properties = properties;
    this.secrets = secrets;
    this.triggered = triggered;
    this.executions = executions;
    this.pacticipants = pacticipants;
    this.publications = publications;
    this.links = links;
  }

  // ---- listings and creation

  @GetMapping("/webhooks")
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> all() {
    return Hal.ok(collection(links.url("/webhooks"), "Webhooks", service.all()));
  }

  @PostMapping("/webhooks")
  ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
    return created(service.create(body, WebhookService.Scope.NONE));
  }

  @GetMapping("/webhooks/provider/{provider}")
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> forProvider(@PathVariable String provider) {
    Pacticipant p = pacticipants.require(provider);
    return Hal.ok(collection(links.url("/webhooks/provider/{}", provider), "Webhooks for provider " + provider, service.forProvider(p)));
  }

  @PostMapping("/webhooks/provider/{provider}")
  ResponseEntity<Map<String, Object>> createForProvider(@PathVariable String provider, @RequestBody(required = false) JsonNode body) {
    return created(service.create(body, new WebhookService.Scope(null, provider)));
  }

  @GetMapping("/webhooks/consumer/{consumer}")
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> forConsumer(@PathVariable String consumer) {
    Pacticipant c = pacticipants.require(consumer);
    return Hal.ok(collection(links.url("/webhooks/consumer/{}", consumer), "Webhooks for consumer " + consumer, service.forConsumer(c)));
  }

  @PostMapping("/webhooks/consumer/{consumer}")
  ResponseEntity<Map<String, Object>> createForConsumer(@PathVariable String consumer, @RequestBody(required = false) JsonNode body) {
    return created(service.create(body, new WebhookService.Scope(consumer, null)));
  }

  @GetMapping({"/webhooks/provider/{provider}/consumer/{consumer}", "/pacts/provider/{provider}/consumer/{consumer}/webhooks"})
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> forPair(@PathVariable String provider, @PathVariable String consumer) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    return Hal.ok(collection(links.url("/webhooks/provider/{}/consumer/{}", provider, consumer), "Webhooks between " + consumer + " and " + provider,
        service.forPair(p, c)));
  }

  @PostMapping({"/webhooks/provider/{provider}/consumer/{consumer}", "/pacts/provider/{provider}/consumer/{consumer}/webhooks"})
  ResponseEntity<Map<String, Object>> createForPair(@PathVariable String provider, @PathVariable String consumer,
      @RequestBody(required = false) JsonNode body) {
    return created(service.create(body, new WebhookService.Scope(consumer, provider)));
  }

  // ---- one webhook

  @GetMapping("/webhooks/{uuid}")
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> get(@PathVariable String uuid) {
    return Hal.ok(webhook(service.require(uuid)));
  }

  @PutMapping("/webhooks/{uuid}")
  ResponseEntity<Map<String, Object>> put(@PathVariable String uuid, @RequestBody(required = false) JsonNode body) {
    WebhookService.Saved saved = service.createOrUpdate(uuid, body);
    return saved.created() ? created(saved) : Hal.ok(webhook(saved.webhook()));
  }

  @DeleteMapping("/webhooks/{uuid}")
  ResponseEntity<Void> delete(@PathVariable String uuid) {
    service.delete(uuid);
    return Hal.noContent();
  }

  /** Sends the saved webhook now with the data of the latest matching pact. Always 200: {@code success} tells. */
  @PostMapping("/webhooks/{uuid}/execute")
  ResponseEntity<Map<String, Object>> execute(@PathVariable String uuid) {
    Webhook w = service.require(uuid);
    WebhookDefinition d;
    try {
      d = WebhookDefinition.of(w, secrets);
    } catch (IllegalStateException e) {
      throw ApiException.of(org.springframework.http.HttpStatus.CONFLICT, "Webhook " + uuid + " cannot be executed: " + e.getMessage());
    }
    return Hal.ok(execution(d, links.url("/webhooks/{}", uuid)));
  }

  /** Sends an unsaved webhook (validated like a saved one) once, to try it out. */
  @PostMapping("/webhooks/execute")
  ResponseEntity<Map<String, Object>> executeUnsaved(@RequestBody(required = false) JsonNode body) {
    return Hal.ok(execution(service.validate(body), null));
  }

  @GetMapping("/webhooks/{uuid}/triggered-webhooks")
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> triggeredFor(@PathVariable String uuid, @RequestParam(defaultValue = "50") int limit) {
    service.require(uuid);
    List<TriggeredWebhook> rows = triggered.findByWebhookUuidOrderByIdDesc(uuid, Limit.of(Math.max(1, Math.min(limit, 500))));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("triggeredWebhooks", rows.stream().map(this::triggered).toList()));
    body.put("_links", Map.of("self", link(links.url("/webhooks/{}/triggered-webhooks", uuid), "Recent deliveries of the webhook"),
        "pb:webhook", link(links.url("/webhooks/{}", uuid), "Webhook")));
    return Hal.ok(body);
  }

  @GetMapping("/triggered-webhooks/{uuid}/logs")
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> logs(@PathVariable String uuid) {
    TriggeredWebhook t = triggered.findByUuid(uuid).orElseThrow(() -> ApiException.notFound("No triggered webhook with UUID " + uuid
        + "; the publish response and /webhooks/{uuid}/triggered-webhooks list them"));
    Map<String, Object> body = triggered(t);
    body.put("logs", logText(t, executions.findByTriggeredWebhookIdOrderById(t.getId())));
    return Hal.ok(body);
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/version/{version}/triggered-webhooks")
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> triggeredForPact(@PathVariable String provider, @PathVariable String consumer,
      @PathVariable String version) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    PactPublication publication = publications.forConsumerVersion(versions.require(c, version), p).orElseThrow(() -> ApiException.notFound(
        "No pact between " + consumer + " version " + version + " and " + provider));
    return Hal.ok(triggeredList(links.url("/pacts/provider/{}/consumer/{}/version/{}/triggered-webhooks", provider, consumer, version),
        "Webhooks triggered by the publication of this pact", triggered.findByPactPublicationIdOrderById(publication.getId())));
  }

  @GetMapping({"/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results/{number}/triggered-webhooks",
      "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}/metadata/{metadata}/verification-results/{number}/triggered-webhooks"})
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> triggeredForVerification(@PathVariable String provider, @PathVariable String consumer,
      @PathVariable String sha, @PathVariable String number) {
    Verification v = verifications.require(provider, consumer, sha, number).verification();
    return Hal.ok(triggeredList(links.url("/pacts/provider/{}/consumer/{}/pact-version/{}/verification-results/{}/triggered-webhooks", provider,
        consumer, sha, number), "Webhooks triggered by this verification result", triggered.findByVerificationIdOrderById(v.getId())));
  }

  private Map<String, Object> triggeredList(String self, String title, List<TriggeredWebhook> rows) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("triggeredWebhooks", rows.stream().map(this::triggered).toList()));
    body.put("_links", Map.of("self", link(self, title)));
    return body;
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/webhooks/status")
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> status(@PathVariable String provider, @PathVariable String consumer) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    List<TriggeredWebhook> rows = publications.latest(p, c).map(PactPublication::getId).map(triggered::findByPactPublicationIdOrderById)
        .orElse(List.of());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("successful", rows.stream().filter(t -> TriggeredWebhook.SUCCEEDED.equals(t.getStatus())).count());
    summary.put("failed", rows.stream().filter(t -> TriggeredWebhook.FAILED.equals(t.getStatus())).count());
    summary.put("pending", rows.stream().filter(t -> TriggeredWebhook.PENDING.equals(t.getStatus()) || TriggeredWebhook.DELIVERING.equals(t.getStatus()))
        .count());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("summary", summary);
    body.put("_embedded", Map.of("triggeredWebhooks", rows.stream().map(this::triggered).toList()));
    body.put("_links", Map.of(
        "self", link(links.url("/pacts/provider/{}/consumer/{}/webhooks/status", provider, consumer), "Webhooks status of the latest pact"),
        "pb:pact-webhooks", link(links.url("/pacts/provider/{}/consumer/{}/webhooks", provider, consumer), "Webhooks for the pact"),
        "pb:latest-pact", link(links.url("/pacts/provider/{}/consumer/{}/latest", provider, consumer), "Latest pact")));
    return Hal.ok(body);
  }

  // ---- representations

  private ResponseEntity<Map<String, Object>> created(WebhookService.Saved saved) {
    return Hal.created(webhook(saved.webhook()), links.url("/webhooks/{}", saved.webhook().getUuid()));
  }

  private Map<String, Object> collection(String self, String title, List<Webhook> items) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("webhooks", items.stream().map(this::webhook).toList()));
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(self, title));
    l.put("pb:create", link(self, "POST to create a webhook"));
    l.put("pb:webhooks", items.stream().map(w -> Links.named(links.url("/webhooks/{}", w.getUuid()), title(w), w.getUuid())).toList());
    body.put("_links", l);
    return body;
  }

  private Map<String, Object> webhook(Webhook w) {
    WebhookDefinition d = WebhookDefinition.of(w, null); // rendered redacted: no need to decrypt
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", w.getUuid());
    if (w.getDescription() != null) {
      m.put("description", w.getDescription());
    }
    Pacticipant consumer = w.getConsumerId() == null ? null : pacticipants.byId(w.getConsumerId());
    Pacticipant provider = w.getProviderId() == null ? null : pacticipants.byId(w.getProviderId());
    if (consumer != null) {
      m.put("consumer", Map.of("name", consumer.getName()));
    } else if (w.getConsumerLabel() != null) {
      m.put("consumer", Map.of("label", w.getConsumerLabel()));
    }
    if (provider != null) {
      m.put("provider", Map.of("name", provider.getName()));
    } else if (w.getProviderLabel() != null) {
      m.put("provider", Map.of("label", w.getProviderLabel()));
    }
    m.put("enabled", w.isEnabled());
    m.put("request", request(d));
    m.put("events", w.getEvents().stream().map(e -> Map.of("name", e)).toList());
    m.put("createdAt", Hal.timestamp(w.getCreatedAt()));
    m.put("updatedAt", Hal.timestamp(w.getUpdatedAt()));
    Map<String, Object> l = new LinkedHashMap<>();
    String self = links.url("/webhooks/{}", w.getUuid());
    l.put("self", link(self, title(w)));
    l.put("pb:execute", link(self + "/execute", "Test the execution of the webhook with the latest matching pact or verification by sending a POST request to this URL"));
    l.put("pb:triggered-webhooks", link(self + "/triggered-webhooks", "Recent deliveries with every attempt"));
    l.put("pb:webhooks", link(links.url("/webhooks"), "All webhooks"));
    if (consumer != null) {
      l.put("pb:consumer", Links.named(links.url("/pacticipants/{}", consumer.getName()), "Consumer", consumer.getName()));
    }
    if (provider != null) {
      l.put("pb:provider", Links.named(links.url("/pacticipants/{}", provider.getName()), "Provider", provider.getName()));
    }
    if (consumer != null && provider != null) {
      l.put("pb:pact-webhooks", link(links.url("/pacts/provider/{}/consumer/{}/webhooks", provider.getName(), consumer.getName()),
          "All webhooks for consumer " + consumer.getName() + " and provider " + provider.getName()));
    }
    m.put("_links", l);
    return m;
  }

  private static String title(Webhook w) {
    return w.getDescription() == null || w.getDescription().isBlank() ? "Webhook " + w.getUuid() : w.getDescription();
  }

  private static Map<String, Object> request(WebhookDefinition d) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("method", d.method());
    r.put("url", d.url());
    r.put("headers", WebhookSender.redact(d.headers()));
    if (d.body() != null) {
      r.put("body", Json.parse(d.body()));
    }
    if (d.username() != null) {
      r.put("username", d.username());
    }
    if (d.password() != null) {
      r.put("password", WebhookSender.REDACTED);
    }
    return r;
  }

  private Map<String, Object> triggered(TriggeredWebhook t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", t.getUuid());
    m.put("webhookUuid", t.getWebhookUuid());
    m.put("eventName", t.getEventName());
    m.put("status", t.getStatus());
    m.put("attempts", t.getAttempts());
    m.put("attemptsRemaining", Math.max(0, properties.getRetrySchedule().size() + 1 - t.getAttempts()));
    m.put("nextAttemptAt", Hal.timestamp(t.getNextAttemptAt()));
    m.put("triggeredAt", Hal.timestamp(t.getCreatedAt()));
    m.put("updatedAt", Hal.timestamp(t.getUpdatedAt()));
    Map<String, Object> context = new LinkedHashMap<>();
    Json.parse(t.getContext()).properties().forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    m.put("consumerName", context.get("consumerName"));
    m.put("providerName", context.get("providerName"));
    m.put("executions", executions.findByTriggeredWebhookIdOrderById(t.getId()).stream().map(this::execution).toList());
    m.put("_links", Map.of(
        "self", link(links.url("/triggered-webhooks/{}/logs", t.getUuid()), "Delivery logs"),
        "pb:logs", link(links.url("/triggered-webhooks/{}/logs", t.getUuid()), "Delivery logs"),
        "pb:webhook", link(links.url("/webhooks/{}", t.getWebhookUuid()), "Webhook")));
    return m;
  }

  private Map<String, Object> execution(WebhookExecution e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attempt", e.getAttempt());
    m.put("success", e.isSuccess());
    m.put("executedAt", Hal.timestamp(e.getCreatedAt()));
    m.put("durationMs", e.getDurationMs());
    m.put("executedBy", e.getExecutedBy());
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", e.getRequestMethod());
    request.put("url", e.getRequestUrl());
    request.put("headers", e.getRequestHeaders() == null ? Map.of() : Json.parse(e.getRequestHeaders()));
    m.put("request", request);
    if (e.getResponseStatus() != null) {
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("status", e.getResponseStatus());
      response.put("headers", e.getResponseHeaders() == null ? Map.of() : Json.parse(e.getResponseHeaders()));
      response.put("body", responseBody(e.getResponseBody()));
      m.put("response", response);
    }
    if (e.getError() != null) {
      m.put("error", e.getError());
    }
    return m;
  }

  /** As the Ruby broker: response bodies only when a host allow-list limits where webhooks can go. */
  private String responseBody(String body) {
    if (body == null) {
      return null;
    }
    return properties.getAllowedHosts().isEmpty() ? "(hidden: response bodies are shown when accord.webhooks.allowed-hosts is configured)" : body;
  }

  private String logText(TriggeredWebhook t, List<WebhookExecution> attempts) {
    List<String> lines = new ArrayList<>();
    lines.add("Webhook " + t.getWebhookUuid() + " triggered for event " + t.getEventName() + " at " + Hal.timestamp(t.getCreatedAt())
        + "; status " + t.getStatus() + " after " + t.getAttempts() + " attempt(s)"
        + (TriggeredWebhook.PENDING.equals(t.getStatus()) ? ", next attempt at " + Hal.timestamp(t.getNextAttemptAt()) : ""));
    for (WebhookExecution e : attempts) {
      lines.add("Attempt " + e.getAttempt() + " at " + Hal.timestamp(e.getCreatedAt()) + " by " + e.getExecutedBy() + ": " + e.getRequestMethod() + " "
          + e.getRequestUrl() + " -> " + (e.getResponseStatus() == null ? "no response" : "HTTP " + e.getResponseStatus())
          + (e.getError() == null ? "" : " (" + e.getError() + ")") + " in " + e.getDurationMs() + " ms");
    }
    return String.join("\n", lines);
  }

  private Map<String, Object> execution(WebhookDefinition d, String webhookUrl) {
    Map<String, String> variables = triggers.sampleVariables(d.consumerId(), d.providerId(), d.events().isEmpty() ? "contract_published"
        : d.events().iterator().next(), pacticipants::byId);
    WebhookSender.Attempt a = sender.send(d, variables);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", a.success());
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", a.method());
    request.put("url", a.url());
    request.put("headers", a.requestHeaders());
    request.put("body", a.requestBody());
    body.put("request", request);
    if (a.status() != null) {
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("status", a.status());
      response.put("headers", a.responseHeaders());
      response.put("body", responseBody(a.responseBody()));
      body.put("response", response);
    }
    String message = a.success() ? "Webhook executed successfully (HTTP " + a.status() + ")"
        : "Webhook execution failed: " + a.error() + ". Nothing was retried: this was a test execution.";
    body.put("message", message);
    body.put("logs", a.method() + " " + a.url() + " -> " + (a.status() == null ? "no response" : "HTTP " + a.status())
        + (a.error() == null ? "" : " (" + a.error() + ")") + " in " + a.durationMs() + " ms");
    body.put("_links", webhookUrl == null ? Map.of() : Map.of("webhook", link(webhookUrl, "Webhook")));
    return body;
  }
}
