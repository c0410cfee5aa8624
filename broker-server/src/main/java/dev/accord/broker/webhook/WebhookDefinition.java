package dev.accord.broker.webhook;

import dev.accord.pact.json.Json;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * A validated webhook as a value: what is saved, or what {@code POST /webhooks/execute} sends
 * without saving.
 */
record WebhookDefinition(
    String description,
    Long consumerId,
    Long providerId,
    boolean enabled,
    String method,
    String url,
    Map<String, String> headers,
    String body,
    String username,
    String password,
    Set<String> events,
    String consumerLabel,
    String providerLabel) {

  String headersJson() {
    return headers.isEmpty() ? null : Json.write(Json.toTree(headers));
  }

  /**
   * The body as stored: JSON text of the body value (a JSON string for text bodies), null for none.
   */
  String bodyJson() {
    return body;
  }

  /**
   * The saved webhook with its secrets decrypted; with {@code secrets == null} they stay as stored
   * (for redacted views).
   */
  static WebhookDefinition of(Webhook w, WebhookSecrets secrets) {
    UnaryOperator<String> open = secrets == null ? UnaryOperator.identity() : secrets::open;
    Map<String, String> headers = new LinkedHashMap<>();
    if (w.getHeaders() != null) {
      JsonNode node = Json.parse(w.getHeaders());
      node.properties()
          .forEach(
              e ->
                  headers.put(
                      e.getKey(),
                      WebhookSender.sensitive(e.getKey())
                          ? open.apply(e.getValue().asString())
                          : e.getValue().asString()));
    }
    return new WebhookDefinition(
        w.getDescription(),
        w.getConsumerId(),
        w.getProviderId(),
        w.isEnabled(),
        w.getMethod(),
        w.getUrl(),
        headers,
        w.getBody(),
        w.getUsername(),
        open.apply(w.getPassword()),
        new LinkedHashSet<>(w.getEvents()),
        w.getConsumerLabel(),
        w.getProviderLabel());
  }

  /** This definition with the password and sensitive header values encrypted for storage. */
  WebhookDefinition sealed(WebhookSecrets secrets) {
    Map<String, String> sealedHeaders = new LinkedHashMap<>();
    headers.forEach(
        (k, v) -> sealedHeaders.put(k, WebhookSender.sensitive(k) ? secrets.seal(v) : v));
    return new WebhookDefinition(
        description,
        consumerId,
        providerId,
        enabled,
        method,
        url,
        sealedHeaders,
        body,
        username,
        secrets.seal(password),
        events,
        consumerLabel,
        providerLabel);
  }
}
