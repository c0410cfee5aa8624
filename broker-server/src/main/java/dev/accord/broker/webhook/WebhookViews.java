package dev.accord.broker.webhook;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The HAL bodies of the webhook API: webhooks, their deliveries and test executions, keys in a
 * fixed order.
 */
@Component
class WebhookViews {
  private final PacticipantService pacticipants;
  private final WebhookProperties properties;
  private final Links links;

  WebhookViews(PacticipantService pacticipants, WebhookProperties properties, Links links) {
    this.pacticipants = pacticipants;
    this.properties = properties;
    this.links = links;
  }

  String url(Webhook w) {
    return links.url("/webhooks/{}", w.getUuid());
  }

  Map<String, Object> collection(String self, String title, List<Webhook> items) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("webhooks", items.stream().map(this::webhook).toList()));
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(self, title));
    l.put("pb:create", link(self, "POST to create a webhook"));
    l.put(
        "pb:webhooks",
        items.stream().map(w -> Links.named(url(w), title(w), w.getUuid())).toList());
    body.put("_links", l);
    return body;
  }

  Map<String, Object> webhook(Webhook w) {
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
    String self = url(w);
    l.put("self", link(self, title(w)));
    l.put(
        "pb:execute",
        link(
            self + "/execute",
            "Test the execution of the webhook with the latest matching pact or verification by sending a POST request to this URL"));
    l.put(
        "pb:triggered-webhooks",
        link(self + "/triggered-webhooks", "Recent deliveries with every attempt"));
    l.put("pb:webhooks", link(links.url("/webhooks"), "All webhooks"));
    if (consumer != null) {
      l.put(
          "pb:consumer",
          Links.named(
              links.url("/pacticipants/{}", consumer.getName()), "Consumer", consumer.getName()));
    }
    if (provider != null) {
      l.put(
          "pb:provider",
          Links.named(
              links.url("/pacticipants/{}", provider.getName()), "Provider", provider.getName()));
    }
    if (consumer != null && provider != null) {
      l.put(
          "pb:pact-webhooks",
          link(
              links.url(
                  "/pacts/provider/{}/consumer/{}/webhooks",
                  provider.getName(),
                  consumer.getName()),
              "All webhooks for consumer "
                  + consumer.getName()
                  + " and provider "
                  + provider.getName()));
    }
    m.put("_links", l);
    return m;
  }

  private static String title(Webhook w) {
    return w.getDescription() == null || w.getDescription().isBlank()
        ? "Webhook " + w.getUuid()
        : w.getDescription();
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

  Map<String, Object> recent(String webhookUuid, List<WebhookDeliveries.Delivery> rows) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("triggeredWebhooks", rows.stream().map(this::delivery).toList()));
    Map<String, Object> l = new LinkedHashMap<>();
    l.put(
        "self",
        link(
            links.url("/webhooks/{}/triggered-webhooks", webhookUuid),
            "Recent deliveries of the webhook"));
    l.put("pb:webhook", link(links.url("/webhooks/{}", webhookUuid), "Webhook"));
    body.put("_links", l);
    return body;
  }

  Map<String, Object> deliveries(String self, String title, List<WebhookDeliveries.Delivery> rows) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("triggeredWebhooks", rows.stream().map(this::delivery).toList()));
    body.put("_links", Map.of("self", link(self, title)));
    return body;
  }

  Map<String, Object> status(
      String provider, String consumer, List<WebhookDeliveries.Delivery> rows) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put(
        "successful",
        rows.stream()
            .filter(d -> TriggeredWebhook.SUCCEEDED.equals(d.triggered().getStatus()))
            .count());
    summary.put(
        "failed",
        rows.stream()
            .filter(d -> TriggeredWebhook.FAILED.equals(d.triggered().getStatus()))
            .count());
    summary.put(
        "pending",
        rows.stream()
            .filter(
                d ->
                    TriggeredWebhook.PENDING.equals(d.triggered().getStatus())
                        || TriggeredWebhook.DELIVERING.equals(d.triggered().getStatus()))
            .count());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("summary", summary);
    body.put("_embedded", Map.of("triggeredWebhooks", rows.stream().map(this::delivery).toList()));
    Map<String, Object> l = new LinkedHashMap<>();
    l.put(
        "self",
        link(
            links.url("/pacts/provider/{}/consumer/{}/webhooks/status", provider, consumer),
            "Webhooks status of the latest pact"));
    l.put(
        "pb:pact-webhooks",
        link(
            links.url("/pacts/provider/{}/consumer/{}/webhooks", provider, consumer),
            "Webhooks for the pact"));
    l.put(
        "pb:latest-pact",
        link(
            links.url("/pacts/provider/{}/consumer/{}/latest", provider, consumer), "Latest pact"));
    body.put("_links", l);
    return body;
  }

  /** One delivery with its log text, as {@code /triggered-webhooks/{uuid}/logs} answers. */
  Map<String, Object> logs(WebhookDeliveries.Delivery d) {
    Map<String, Object> body = delivery(d);
    body.put("logs", logText(d.triggered(), d.attempts()));
    return body;
  }

  private Map<String, Object> delivery(WebhookDeliveries.Delivery d) {
    TriggeredWebhook t = d.triggered();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", t.getUuid());
    m.put("webhookUuid", t.getWebhookUuid());
    m.put("eventName", t.getEventName());
    m.put("status", t.getStatus());
    m.put("attempts", t.getAttempts());
    m.put(
        "attemptsRemaining",
        Math.max(0, properties.getRetrySchedule().size() + 1 - t.getAttempts()));
    m.put("nextAttemptAt", Hal.timestamp(t.getNextAttemptAt()));
    m.put("triggeredAt", Hal.timestamp(t.getCreatedAt()));
    m.put("updatedAt", Hal.timestamp(t.getUpdatedAt()));
    Map<String, Object> context = new LinkedHashMap<>();
    Json.parse(t.getContext())
        .properties()
        .forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    m.put("consumerName", context.get("consumerName"));
    m.put("providerName", context.get("providerName"));
    m.put("executions", d.attempts().stream().map(this::execution).toList());
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(links.url("/triggered-webhooks/{}/logs", t.getUuid()), "Delivery logs"));
    l.put("pb:logs", link(links.url("/triggered-webhooks/{}/logs", t.getUuid()), "Delivery logs"));
    l.put("pb:webhook", link(links.url("/webhooks/{}", t.getWebhookUuid()), "Webhook"));
    m.put("_links", l);
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
    request.put(
        "headers", e.getRequestHeaders() == null ? Map.of() : Json.parse(e.getRequestHeaders()));
    m.put("request", request);
    if (e.getResponseStatus() != null) {
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("status", e.getResponseStatus());
      response.put(
          "headers",
          e.getResponseHeaders() == null ? Map.of() : Json.parse(e.getResponseHeaders()));
      response.put("body", responseBody(e.getResponseBody()));
      m.put("response", response);
    }
    if (e.getError() != null) {
      m.put("error", e.getError());
    }
    return m;
  }

  /**
   * As the Ruby broker: response bodies only when a host allow-list limits where webhooks can go.
   */
  private String responseBody(String body) {
    if (body == null) {
      return null;
    }
    return properties.getAllowedHosts().isEmpty()
        ? "(hidden: response bodies are shown when accord.webhooks.allowed-hosts is configured)"
        : body;
  }

  private static String logText(TriggeredWebhook t, List<WebhookExecution> attempts) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Webhook "
            + t.getWebhookUuid()
            + " triggered for event "
            + t.getEventName()
            + " at "
            + Hal.timestamp(t.getCreatedAt())
            + "; status "
            + t.getStatus()
            + " after "
            + t.getAttempts()
            + " attempt(s)"
            + (TriggeredWebhook.PENDING.equals(t.getStatus())
                ? ", next attempt at " + Hal.timestamp(t.getNextAttemptAt())
                : ""));
    for (WebhookExecution e : attempts) {
      lines.add(
          "Attempt "
              + e.getAttempt()
              + " at "
              + Hal.timestamp(e.getCreatedAt())
              + " by "
              + e.getExecutedBy()
              + ": "
              + e.getRequestMethod()
              + " "
              + e.getRequestUrl()
              + " -> "
              + (e.getResponseStatus() == null ? "no response" : "HTTP " + e.getResponseStatus())
              + (e.getError() == null ? "" : " (" + e.getError() + ")")
              + " in "
              + e.getDurationMs()
              + " ms");
    }
    return String.join("\n", lines);
  }

  /** The answer to a test execution: what was sent, what came back, and a one-line log. */
  Map<String, Object> execution(WebhookSender.Attempt a, String webhookUrl) {
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
    String message =
        a.success()
            ? "Webhook executed successfully (HTTP " + a.status() + ")"
            : "Webhook execution failed: "
                + a.error()
                + ". Nothing was retried: this was a test execution.";
    body.put("message", message);
    body.put(
        "logs",
        a.method()
            + " "
            + a.url()
            + " -> "
            + (a.status() == null ? "no response" : "HTTP " + a.status())
            + (a.error() == null ? "" : " (" + a.error() + ")")
            + " in "
            + a.durationMs()
            + " ms");
    body.put(
        "_links", webhookUrl == null ? Map.of() : Map.of("webhook", link(webhookUrl, "Webhook")));
    return body;
  }
}
