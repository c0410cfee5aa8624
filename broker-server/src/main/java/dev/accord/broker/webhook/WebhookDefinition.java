package dev.accord.broker.webhook;

import dev.accord.pact.json.Json;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A validated webhook as a value: what is saved, or what {@code POST /webhooks/execute} sends without saving. */
record WebhookDefinition(String description, Long consumerId, Long providerId, boolean enabled, String method, String url,
    Map<String, String> headers, String body, String username, String password, Set<String> events) {

  String headersJson() {
    return headers.isEmpty() ? null : Json.write(Json.toTree(headers));
  }

  /** The body as stored: JSON text of the body value (a JSON string for text bodies), null for none. */
  String bodyJson() {
    return body;
  }

  static WebhookDefinition of(Webhook w) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (w.getHeaders() != null) {
      JsonNode node = Json.parse(w.getHeaders());
      node.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
    }
    return new WebhookDefinition(w.getDescription(), w.getConsumerId(), w.getProviderId(), w.isEnabled(), w.getMethod(), w.getUrl(), headers,
        w.getBody(), w.getUsername(), w.getPassword(), new LinkedHashSet<>(w.getEvents()));
  }
}
