package dev.accord.broker.webhook;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.web.ApiException;
import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Saving, reading and deleting webhooks, with the Pact broker's validation (all problems reported
 * at once).
 */
@Service
public class WebhookService {
  public static final List<String> EVENTS =
      List.of(
          "contract_published",
          "contract_content_changed",
          "contract_requiring_verification_published",
          "provider_verification_published",
          "provider_verification_succeeded",
          "provider_verification_failed",
          "provider_contract_published");
  static final Pattern UUID_PATTERN = Pattern.compile("^[A-Za-z0-9_\\-]{16,}$");
  private static final Pattern HTTP_TOKEN = Pattern.compile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$");

  private final WebhookRepository webhooks;
  private final PacticipantService pacticipants;
  private final WebhookTargets targets;
  private final WebhookProperties properties;
  private final WebhookSecrets secrets;

  WebhookService(
      WebhookRepository webhooks,
      PacticipantService pacticipants,
      WebhookTargets targets,
      WebhookProperties properties,
      WebhookSecrets secrets) {
    this.secrets = secrets;
    this.webhooks = webhooks;
    this.pacticipants = pacticipants;
    this.targets = targets;
    this.properties = properties;
  }

  public record Saved(Webhook webhook, boolean created) {}

  /**
   * Consumer/provider names from the path ({@code /webhooks/provider/P/consumer/C}); null where the
   * body decides.
   */
  record Scope(String consumerName, String providerName) {
    static final Scope NONE = new Scope(null, null);
  }

  @Transactional
  public Saved create(WebhookRequest body, Scope scope) {
    WebhookDefinition d = parse(body, scope, null);
    Webhook w = new Webhook(UUID.randomUUID().toString());
    w.update(d.sealed(secrets));
    return new Saved(webhooks.insert(w), true);
  }

  @Transactional
  public Saved createOrUpdate(String uuid, WebhookRequest body) {
    if (!UUID_PATTERN.matcher(uuid).matches() || uuid.length() > 255) {
      throw ApiException.invalidField(
          "uuid",
          "\""
              + uuid
              + "\" must be 16 to 255 characters of letters, digits, - and _ "
              + "(pact broker generate-uuid prints one)");
    }
    Optional<Webhook> existing = webhooks.findByUuid(uuid);
    WebhookDefinition d = parse(body, Scope.NONE, existing.orElse(null));
    Webhook w = existing.orElseGet(() -> new Webhook(uuid));
    w.update(d.sealed(secrets));
    if (existing.isEmpty()) {
      webhooks.insert(w);
    } else {
      webhooks.update(w);
    }
    return new Saved(w, existing.isEmpty());
  }

  /** Validates an unsaved webhook for {@code POST /webhooks/execute}. */
  @Transactional(readOnly = true)
  public WebhookDefinition validate(WebhookRequest body) {
    return parse(body, Scope.NONE, null);
  }

  @Transactional(readOnly = true)
  public Optional<Webhook> find(String uuid) {
    return webhooks.findByUuid(uuid);
  }

  @Transactional(readOnly = true)
  public Webhook require(String uuid) {
    return webhooks
        .findByUuid(uuid)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "No webhook with UUID " + uuid + "; list the webhooks at /webhooks"));
  }

  @Transactional
  public void delete(String uuid) {
    webhooks.delete(require(uuid));
  }

  @Transactional(readOnly = true)
  public List<Webhook> all() {
    return webhooks.findAllByOrderById();
  }

  @Transactional(readOnly = true)
  public List<Webhook> forProvider(String provider) {
    return webhooks.forProvider(pacticipants.require(provider).getId());
  }

  @Transactional(readOnly = true)
  public List<Webhook> forConsumer(String consumer) {
    return webhooks.forConsumer(pacticipants.require(consumer).getId());
  }

  @Transactional(readOnly = true)
  public List<Webhook> forPair(String provider, String consumer) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    return webhooks.forPair(p.getId(), c.getId());
  }

  private WebhookDefinition parse(WebhookRequest body, Scope scope, Webhook existing) {
    if (body == null) {
      throw ApiException.badRequest(
          "The body must be a JSON object: {\"events\":[{\"name\":\"contract_content_changed\"}], "
              + "\"request\":{\"method\":\"POST\",\"url\":\"https://ci.example.com/build\"}}");
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    WebhookDefinition stored = null;
    if (existing != null) {
      try {
        stored = WebhookDefinition.of(existing, secrets);
      } catch (IllegalStateException e) {
        stored = null; // its secrets cannot be kept; a redacted value sent back is refused below
      }
    }
    String description = body.description();
    Scoped consumer = pacticipant(body.consumer(), "consumer", scope.consumerName(), errors);
    Scoped provider = pacticipant(body.provider(), "provider", scope.providerName(), errors);
    Long consumerId = consumer.id();
    Long providerId = provider.id();
    boolean enabled = !Boolean.FALSE.equals(body.enabled());
    Set<String> events = events(body.events(), errors);
    WebhookRequest.Http request = body.request();
    String method = null;
    String url = null;
    Map<String, String> headers = new LinkedHashMap<>();
    String bodyJson = null;
    String username = null;
    String password = null;
    if (request == null) {
      add(
          errors,
          "request",
          "is missing; give {\"method\":\"POST\",\"url\":\"https://...\",\"headers\":{...},\"body\":...}");
    } else {
      String m = request.method();
      if (m == null) {
        add(errors, "request.method", "is missing; give the HTTP method to call, e.g. \"POST\"");
      } else if (!HTTP_TOKEN.matcher(m).matches()) {
        add(errors, "request.method", "is not a valid HTTP method");
      } else {
        method = m.toUpperCase(Locale.ROOT);
      }
      String allowedMethod = method;
      if (allowedMethod != null
          && properties.getAllowedMethods().stream()
              .noneMatch(a -> a.equalsIgnoreCase(allowedMethod))) {
        add(
            errors,
            "request.method",
            method
                + " is not allowed; allowed: "
                + properties.getAllowedMethods()
                + " (configure accord.webhooks.allowed-methods)");
      }
      String u = request.url();
      if (u == null || u.isBlank()) {
        add(
            errors,
            "request.url",
            "is missing; give the URL to call, e.g. https://ci.example.com/build?pact=${pactbroker.pactUrl}");
      } else {
        url = u.trim();
        targets.problemsWithUrl(url).forEach(p -> add(errors, "request.url", p));
        unknownVariables(url, "request.url", errors);
      }
      Map<String, JsonNode> h = request.headers() == null ? Map.of() : request.headers();
      for (Map.Entry<String, JsonNode> e : h.entrySet()) {
        if (!HTTP_TOKEN.matcher(e.getKey()).matches()) {
          add(errors, "request.headers", "\"" + e.getKey() + "\" is not a valid header name");
        } else if (e.getValue() == null
            || !e.getValue().isString() && !e.getValue().isNumber() && !e.getValue().isBoolean()) {
          add(errors, "request.headers", "the value of \"" + e.getKey() + "\" must be a string");
        } else {
          String value = e.getValue().asString();
          if (WebhookSender.REDACTED.equals(value) && existing != null) {
            if (stored == null || !stored.headers().containsKey(e.getKey())) {
              add(
                  errors,
                  "request.headers",
                  "the stored value of \"" + e.getKey() + "\" cannot be kept; send the real value");
            } else {
              value = stored.headers().get(e.getKey());
            }
          }
          if (value.chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch == 0)) {
            add(
                errors,
                "request.headers",
                "the value of \""
                    + e.getKey()
                    + "\" contains a line break (CR or LF) or NUL, which would split the "
                    + "request; give a single-line value");
            continue;
          }
          headers.put(e.getKey(), value);
          unknownVariables(value, "request.headers", errors);
        }
      }
      JsonNode b = request.body();
      if (b != null && !b.isNull()) {
        bodyJson = Json.write(b);
        unknownVariables(b.isString() ? b.asString() : bodyJson, "request.body", errors);
      }
      username = request.username();
      password = request.password();
      if (WebhookSender.REDACTED.equals(password) && existing != null) {
        if (stored == null) {
          add(
              errors,
              "request.password",
              "the stored password cannot be kept (it cannot be decrypted with accord.webhooks.secret-key); send the password");
        } else {
          password = stored.password(); // a PUT of what GET returned keeps the stored password
        }
      }
    }
    tooLong(errors, "description", description, 1024);
    tooLong(errors, "request.url", url, 4096);
    tooLong(errors, "request.username", username, 255);
    tooLong(errors, "request.password", password, 512);
    if (!errors.isEmpty()) {
      throw ApiException.invalidFields(errors);
    }
    return new WebhookDefinition(
        description,
        consumerId,
        providerId,
        enabled,
        method,
        url,
        headers,
        bodyJson,
        username,
        password,
        events,
        consumer.label(),
        provider.label());
  }

  private Set<String> events(List<WebhookRequest.Event> given, Map<String, List<String>> errors) {
    Set<String> events = new LinkedHashSet<>();
    if (given == null || given.isEmpty()) {
      add(
          errors,
          "events",
          "size cannot be less than 1: give at least one of "
              + EVENTS
              + ", e.g. [{\"name\":\"contract_content_changed\"}]");
      return events;
    }
    for (WebhookRequest.Event e : given) {
      if (e == null || e.name() == null) {
        add(errors, "events", "each event must be {\"name\": \"<event>\"}");
      } else if (!EVENTS.contains(e.name())) {
        add(errors, "events", "\"" + e.name() + "\" is not an event; known events: " + EVENTS);
      } else {
        events.add(e.name());
      }
    }
    return events;
  }

  /**
   * The consumer or provider a webhook is scoped to: by name (its id) or by label; both null = any.
   */
  private record Scoped(Long id, String label) {
    static final Scoped ANY = new Scoped(null, null);
  }

  private Scoped pacticipant(
      WebhookRequest.Party party, String role, String fromPath, Map<String, List<String>> errors) {
    String name = null;
    if (party != null) {
      boolean hasName = party.name() != null;
      boolean hasLabel = party.label() != null;
      if (hasName && hasLabel) {
        add(errors, role, "cannot have both a name and a label; give one");
        return Scoped.ANY;
      }
      if (hasLabel) {
        if (fromPath != null) {
          add(
              errors,
              role + ".label",
              "cannot be given when the " + role + " is named in the URL (\"" + fromPath + "\")");
          return Scoped.ANY;
        }
        if (party.label().isBlank() || party.label().length() > 255) {
          add(errors, role + ".label", "must be " + WebhookRequest.Party.LABEL);
          return Scoped.ANY;
        }
        return new Scoped(null, party.label());
      }
      if (hasName) {
        if (party.name().isBlank()) {
          add(errors, role + ".name", "must be a non-blank string");
          return Scoped.ANY;
        }
        name = party.name();
      }
    }
    if (fromPath != null) {
      if (name != null && !name.equals(fromPath)) {
        add(
            errors,
            role + ".name",
            "\"" + name + "\" does not match the " + role + " in the URL (\"" + fromPath + "\")");
        return Scoped.ANY;
      }
      // the pacticipant named by the URL is the resource the request is addressed to: 404 when it
      // does not exist
      return new Scoped(pacticipants.require(fromPath).getId(), null);
    }
    if (name == null) {
      return Scoped.ANY;
    }
    Optional<Pacticipant> p = pacticipants.find(name);
    if (p.isEmpty()) {
      add(
          errors,
          role + ".name",
          "no pacticipant named \""
              + name
              + "\" exists; publish a pact for it first or create it with "
              + "pact broker create-or-update-pacticipant --name "
              + name);
      return Scoped.ANY;
    }
    return new Scoped(p.get().getId(), null);
  }

  private static void unknownVariables(
      String template, String field, Map<String, List<String>> errors) {
    for (String v : WebhookTemplates.unknown(template)) {
      add(
          errors,
          field,
          v
              + " is not a template variable; known: "
              + WebhookTemplates.NAMES.stream().map(n -> "${pactbroker." + n + "}").toList());
    }
  }

  private static void tooLong(
      Map<String, List<String>> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      add(
          errors,
          field,
          "is " + value.length() + " characters long; at most " + max + " are allowed");
    }
  }

  private static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }
}
