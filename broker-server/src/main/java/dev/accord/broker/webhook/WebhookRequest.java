package dev.accord.broker.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.accord.broker.web.Expected;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The body of the webhook writes ({@code POST /webhooks...}, {@code PUT /webhooks/{uuid}}, {@code
 * POST /webhooks/execute}), as {@code pact broker create-webhook} sends it. The record fixes the
 * JSON types; {@link WebhookService} checks the rest (allowed methods and targets, template
 * variables, existing pacticipants, stored secrets) and reports every problem at once.
 */
public record WebhookRequest(
    String description,
    @Expected(WebhookRequest.PARTY) Party consumer,
    @Expected(WebhookRequest.PARTY) Party provider,
    Boolean enabled,
    @Expected(WebhookRequest.EVENTS) List<@Expected(WebhookRequest.EVENT) Event> events,
    @Expected(WebhookRequest.REQUEST) Http request) {

  static final String PARTY = "an object: {\"name\": \"...\"} or {\"label\": \"...\"}";
  static final String EVENTS = "an array of events, e.g. [{\"name\":\"contract_content_changed\"}]";
  static final String EVENT = "{\"name\": \"<event>\"}";
  static final String REQUEST =
      "an object: {\"method\":\"POST\",\"url\":\"https://...\",\"headers\":{...},\"body\":...}";

  /** The consumer or provider the webhook is for: by name, or every pacticipant with a label. */
  public record Party(@Expected("a non-blank string") String name, @Expected(LABEL) String label) {
    static final String LABEL = "a non-blank string of at most 255 characters";
  }

  /** An event, as the broker writes it ({@code {"name": "contract_published"}}) or as a name. */
  public record Event(@Expected(EVENT) String name) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Event {}

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Event of(String name) {
      return new Event(name);
    }
  }

  /** The request the webhook sends; header values may be JSON strings, numbers or booleans. */
  public record Http(
      @Expected("a valid HTTP method, e.g. \"POST\"") String method,
      @Expected("the URL to call, e.g. \"https://ci.example.com/build\"") String url,
      @Expected("an object of header name to value, e.g. {\"Content-Type\":\"application/json\"}")
          Map<String, JsonNode> headers,
      JsonNode body,
      String username,
      String password) {}
}
