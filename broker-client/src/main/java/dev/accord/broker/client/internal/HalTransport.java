package dev.accord.broker.client.internal;

import dev.accord.broker.client.BrokerException;
import dev.accord.broker.client.Notice;
import dev.accord.broker.client.http.Http1Client;
import dev.accord.pact.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP and HAL for the broker client: headers and auth, retries with back-off, response
 * interpretation and error messages, the index and its relations. May change at any time.
 */
public final class HalTransport {

  /** Waits between attempts; tests replace it to record the waits instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Everything the transport needs, resolved by the public builder. */
  public record Settings(
      URI baseUrl,
      Optional<String> authorization,
      String authDescription,
      Map<String, String> headers,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration requestTimeout,
      Sleeper sleeper,
      BrokerHttp http,
      String userAgent) {}

  /** A successful response: the parsed body ({@code {}} when empty) and the raw text. */
  public record Response(
      int status, String url, JsonNode body, String text, Optional<String> location) {}

  private static final String HAL_ACCEPT = "application/hal+json, application/json";

  private final Settings settings;
  private final String base;
  private volatile JsonNode index;

  public HalTransport(Settings settings) {
    this.settings = settings;
    String b = settings.baseUrl().toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  public String baseUrl() {
    return base;
  }

  public Settings settings() {
    return settings;
  }

  // ---- HAL -------------------------------------------------------------------------------

  /** The broker's index ({@code GET <base>}), fetched once per client. */
  public JsonNode index() {
    JsonNode current = index;
    if (current == null) {
      current = get(base).body();
      index = current;
    }
    return current;
  }

  /** True when the index offers the relation. */
  public boolean hasRelation(String rel) {
    return Hal.href(index(), rel).isPresent();
  }

  /**
   * The index relation's href with its placeholders filled in (percent-encoded), rebased on the
   * base URL.
   *
   * @param purpose what the relation is needed for, for the error message
   */
  public String relation(String rel, Map<String, String> params, String purpose) {
    String href =
        Hal.href(index(), rel)
            .orElseThrow(
                () ->
                    new BrokerException(
                        "The broker at "
                            + base
                            + " does not offer the relation '"
                            + rel
                            + "' in its index (GET "
                            + base
                            + "), which is needed to "
                            + purpose
                            + ".\n  Relations offered: "
                            + String.join(", ", Hal.relations(index()))
                            + "\n  The broker is probably older than this operation; upgrade it or use a"
                            + " Pact Broker compatible server.",
                        "GET",
                        base,
                        0,
                        List.of(),
                        List.of(),
                        null));
    return resolve(Hal.expand(href, params));
  }

  /**
   * Rebases an href on the configured base URL: the broker may advertise an internal host name
   * (behind a proxy), so only the path and query of a link are kept, as the standard Pact CLI does.
   * A relative href is appended to the base URL.
   */
  public String resolve(String href) {
    URI uri;
    try {
      uri = URI.create(href);
    } catch (IllegalArgumentException e) {
      throw new BrokerException(
          "The broker returned a link that is not a valid URL: '"
              + href
              + "' ("
              + e.getMessage()
              + ")",
          "",
          base,
          0,
          List.of(),
          List.of(),
          e);
    }
    if (!uri.isAbsolute()) {
      return href.startsWith("/") ? origin() + href : base + "/" + href;
    }
    if (sameOrigin(uri)) {
      return href;
    }
    String rawPath =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return origin() + rawPath + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private boolean sameOrigin(URI uri) {
    return Origins.same(uri, settings.baseUrl());
  }

  private String origin() {
    URI b = settings.baseUrl();
    return b.getScheme() + "://" + b.getRawAuthority();
  }

  // ---- HTTP ------------------------------------------------------------------------------

  public Response get(String url) {
    return send("GET", url, null, null);
  }

  /**
   * A POST that is not idempotent (creating an environment, recording a deployment): retried only
   * when the broker cannot have acted on it (the connection was refused, or it answered 429 or
   * 503), never after a lost answer.
   */
  public Response post(String url, JsonNode body) {
    return send("POST", url, body, "application/json", Map.of(), false);
  }

  /**
   * A POST that is idempotent by construction (publishing content for a version, a query, a result
   * carrying an {@code Idempotency-Key}): retried like a GET, since repeating it cannot create
   * anything twice.
   */
  public Response postIdempotent(String url, JsonNode body, Map<String, String> headers) {
    return send("POST", url, body, "application/json", headers, true);
  }

  public Response put(String url, JsonNode body) {
    return send("PUT", url, body, "application/json");
  }

  public Response patch(String url, JsonNode body) {
    return send("PATCH", url, body, "application/merge-patch+json");
  }

  public Response delete(String url) {
    return send("DELETE", url, null, null);
  }

  /**
   * Sends one request, retrying on 5xx, 408, 429 and I/O errors (POST: see {@link #post}), and
   * interprets the answer.
   */
  public Response send(String method, String url, JsonNode body, String contentType) {
    return send(method, url, body, contentType, Map.of(), !"POST".equals(method));
  }

  private Response send(
      String method,
      String url,
      JsonNode body,
      String contentType,
      Map<String, String> extraHeaders,
      boolean idempotent) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new BrokerException(
          method + " " + url + " failed: not a valid URL (" + e.getMessage() + ")",
          method,
          url,
          0,
          List.of(),
          List.of(),
          e);
    }
    byte[] payload = body == null ? null : Json.write(body).getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = headers(method, payload != null, contentType, extraHeaders);
    int attempts = Math.max(1, settings.maxAttempts());
    for (int attempt = 1; ; attempt++) {
      BrokerHttp.Reply response;
      try {
        response = settings.http().send(method, uri, headers, payload);
      } catch (Http1WithRedirects.TooManyRedirects e) {
        // a loop does not end by trying again
        throw new BrokerException(
            method
                + " "
                + url
                + " failed: "
                + e.getMessage()
                + "\n  Check the broker URL (--broker-base-url or PACT_BROKER_BASE_URL).",
            method,
            url,
            0,
            List.of(),
            List.of(),
            e);
      } catch (IOException e) {
        if (attempt >= attempts || !idempotent && !neverSent(e)) {
          throw new BrokerException(
              method
                  + " "
                  + url
                  + " failed: the broker could not be reached ("
                  + describe(method, e, uri)
                  + ")"
                  + attemptsSuffix(attempt)
                  + (attempt < attempts
                      ? ". It was not retried: the request may have reached the broker, and repeating this "
                          + method
                          + " could record it twice; check the broker before sending it again"
                      : "")
                  + (isTls(e)
                      ? ".\n  The broker's TLS certificate is not trusted. If it comes from a private CA, trust it with"
                          + " --ssl-certificate ca.pem (or SSL_CERT_FILE), or add it to the JVM trust store; for testing only:"
                          + " --skip-ssl-verification."
                      : ".\n  Check the broker URL (--broker-base-url or PACT_BROKER_BASE_URL) and that the broker is running."),
              method,
              url,
              0,
              List.of(),
              List.of(),
              e);
        }
        pause(backoff(attempt), method, url);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException(
            method + " " + url + " was interrupted", method, url, 0, List.of(), List.of(), e);
      }
      int status = response.status();
      if ((idempotent ? isRetryable(status) : notProcessed(status)) && attempt < attempts) {
        Duration wait = retryAfter(response).map(this::capped).orElse(backoff(attempt));
        pause(wait, method, url);
        continue;
      }
      return interpret(method, url, response, attempt);
    }
  }

  /**
   * The connection could not be made: the broker never saw the request, so even a non-idempotent
   * one may be sent again.
   */
  private static boolean neverSent(IOException e) {
    return e instanceof Http1Client.ConnectFailed
        || e instanceof java.net.ConnectException
        || e instanceof java.net.http.HttpConnectTimeoutException;
  }

  /** Answers by which the broker (or a proxy in front of it) says it did not act on the request. */
  private static boolean notProcessed(int status) {
    return status == 429 || status == 503;
  }

  private Map<String, List<String>> headers(
      String method, boolean hasPayload, String contentType, Map<String, String> extraHeaders) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    add(headers, "User-Agent", settings.userAgent());
    add(
        headers,
        "Accept",
        "GET".equals(method) ? HAL_ACCEPT : "application/hal+json, application/json");
    settings.authorization().ifPresent(value -> add(headers, "Authorization", value));
    settings.headers().forEach((name, value) -> add(headers, name, value));
    extraHeaders.forEach((name, value) -> add(headers, name, value));
    if (hasPayload) {
      add(headers, "Content-Type", contentType);
    }
    return headers;
  }

  /** Adds a value, to a header of the same name in any case if there is one already. */
  private static void add(Map<String, List<String>> headers, String name, String value) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        h.getValue().add(value);
        return;
      }
    }
    headers.put(name, new ArrayList<>(List.of(value)));
  }

  private static boolean isRetryable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  private Duration backoff(int attempt) {
    long millis = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
  }

  private Duration capped(Duration d) {
    return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
  }

  /** Retry-After as delta seconds or an HTTP date, capped by the maximum back-off. */
  static Optional<Duration> retryAfter(BrokerHttp.Reply response) {
    return response.header("Retry-After").flatMap(HalTransport::parseRetryAfter);
  }

  static Optional<Duration> parseRetryAfter(String value) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        // the formatter named here, not in a static field: DateTimeFormatter's initialisation
        // builds every predefined format, which a run without a Retry-After date never needs
        Duration d =
            Duration.between(
                ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private void pause(Duration duration, String method, String url) {
    try {
      settings.sleeper().sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException(
          method + " " + url + " was interrupted while waiting to retry",
          method,
          url,
          0,
          List.of(),
          List.of(),
          e);
    }
  }

  private Response interpret(String method, String url, BrokerHttp.Reply response, int attempt) {
    int status = response.status();
    String text = new String(response.body(), StandardCharsets.UTF_8);
    String contentType = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    boolean json = contentType.contains("json");
    Optional<String> location = response.header("Location");
    if (status >= 200 && status < 300) {
      if (text.isBlank()) {
        return new Response(status, url, Json.mapper().createObjectNode(), text, location);
      }
      if (!json) {
        throw new BrokerException(
            method
                + " "
                + url
                + " failed: expected a HAL/JSON response but got "
                + status
                + " with Content-Type '"
                + contentType
                + "'.\n  response body: "
                + abbreviate(text)
                + "\n  Is the base URL pointing at the broker's API (not its UI or a proxy login page)?",
            method,
            url,
            status,
            List.of(),
            List.of(),
            null);
      }
      try {
        return new Response(status, url, Json.parse(text), text, location);
      } catch (JacksonException e) {
        throw new BrokerException(
            method
                + " "
                + url
                + " failed: the broker answered "
                + status
                + " with a body that is not valid JSON ("
                + e.getOriginalMessage()
                + ").\n  response body: "
                + abbreviate(text),
            method,
            url,
            status,
            List.of(),
            List.of(),
            e);
      }
    }
    JsonNode parsed = json ? Json.tryParse(response.body()).orElse(null) : null;
    List<String> errors = parsed == null ? List.of() : errors(parsed);
    List<Notice> notices = parsed == null ? List.of() : notices(parsed);
    StringBuilder message = new StringBuilder();
    message.append(method).append(' ').append(url).append(" failed: ").append(status);
    String reason = reasonPhrase(status);
    if (!reason.isEmpty()) {
      message.append(' ').append(reason);
    }
    message.append(attemptsSuffix(attempt));
    for (String error : errors) {
      message.append("\n  ").append(error);
    }
    for (Notice notice : notices) {
      message.append("\n  notice (").append(notice.type()).append("): ").append(notice.text());
    }
    if (errors.isEmpty() && notices.isEmpty() && !text.isBlank()) {
      message.append("\n  response body: ").append(abbreviate(text));
    }
    hint(status).ifPresent(h -> message.append("\n  ").append(h));
    throw new BrokerException(message.toString(), method, url, status, errors, notices, null);
  }

  private Optional<String> hint(int status) {
    switch (status) {
      case 401:
        return Optional.of(
            settings.authorization().isPresent()
                ? "The broker refused the credentials sent ("
                    + settings.authDescription()
                    + "). Check --broker-token / PACT_BROKER_TOKEN or --broker-username/--broker-password"
                    + " / PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD."
                : "No credentials were sent. Set --broker-token / PACT_BROKER_TOKEN, or"
                    + " --broker-username/--broker-password / PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD.");
      case 403:
        return Optional.of(
            "The credentials ("
                + settings.authDescription()
                + ") are valid but may not do this;"
                + " a read-only user can read and fetch pacts for verification but not publish.");
      case 404:
        return Optional.of(
            "The broker has no resource at this URL (an unknown pacticipant, version, environment or pact).");
      default:
        return status >= 500
            ? Optional.of(
                "The broker failed on its side; its logs say why. Retries: --retries / PACT_BROKER_HTTP_RETRIES.")
            : Optional.empty();
    }
  }

  private String attemptsSuffix(int attempt) {
    return attempt > 1 ? " (after " + attempt + " attempts)" : "";
  }

  /**
   * Flattens the broker's {@code errors} (array, string or {field: [messages]}) and {@code
   * error.message}.
   */
  static List<String> errors(JsonNode body) {
    List<String> out = new ArrayList<>();
    JsonNode errors = body.get("errors");
    if (errors != null) {
      flatten("", errors, out);
    }
    JsonNode error = body.get("error");
    if (error != null) {
      if (error.isObject() && error.hasNonNull("message")) {
        out.add(error.get("message").asString());
      } else if (error.isString()) {
        out.add(error.asString());
      }
    }
    return out;
  }

  private static void flatten(String field, JsonNode node, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        flatten(
            field.isEmpty() ? entry.getKey() : field + "." + entry.getKey(), entry.getValue(), out);
      }
    } else if (node.isArray()) {
      List<String> plain = new ArrayList<>();
      int i = 0;
      for (JsonNode item : node) {
        if ((item.isObject() || item.isArray())) {
          flatten(field + "[" + i + "]", item, out);
        } else {
          plain.add(item.asString());
        }
        i++;
      }
      if (field.isEmpty()) {
        out.addAll(plain);
      } else if (!plain.isEmpty()) {
        out.add(field + ": " + String.join(", ", plain));
      }
    } else if (!node.isNull()) {
      out.add(field.isEmpty() ? node.asString() : field + ": " + node.asString());
    }
  }

  public static List<Notice> notices(JsonNode body) {
    List<Notice> out = new ArrayList<>();
    JsonNode notices = body.get("notices");
    if (notices != null && notices.isArray()) {
      for (JsonNode n : notices) {
        out.add(new Notice(n.path("type").asString("info"), n.path("text").asString("")));
      }
    }
    return out;
  }

  private static boolean isTls(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException) {
        return true;
      }
    }
    return false;
  }

  private String describe(String method, IOException e, URI uri) {
    if (e instanceof Http1Client.ConnectFailed failed) {
      String reason = failed.reason();
      if (reason.equals("connection refused")) {
        return "connection refused by " + uri.getHost() + ":" + Origins.port(uri);
      }
      if (reason.startsWith("unknown host ")) {
        return "unknown host '" + uri.getHost() + "'";
      }
      return reason;
    }
    if (e instanceof Http1Client.TimedOut) {
      return "timed out: no complete answer within " + settings.requestTimeout().toMillis() + " ms";
    }
    // java.net.http's exceptions often carry no message: name the cause from its type
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.channels.UnresolvedAddressException
          || t instanceof java.net.UnknownHostException) {
        return "unknown host '" + uri.getHost() + "'";
      }
      if (t instanceof java.net.http.HttpTimeoutException) {
        return "timed out: " + t.getMessage();
      }
    }
    // Http1Client's messages open with the request, which the caller's message names already
    String request = method + " " + uri + ": ";
    if (e.getMessage() != null && e.getMessage().startsWith(request)) {
      return e.getMessage().substring(request.length());
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    if (e instanceof java.net.ConnectException) {
      return "connection refused by "
          + uri.getHost()
          + ":"
          + (uri.getPort() == -1 ? Origins.port(uri) : uri.getPort());
    }
    return e.getClass().getSimpleName();
  }

  private static String abbreviate(String text) {
    String oneLine = text.strip();
    return oneLine.length() <= 500
        ? oneLine
        : oneLine.substring(0, 500) + "... (" + oneLine.length() + " characters)";
  }

  static String reasonPhrase(int status) {
    return REASONS.getOrDefault(status, "");
  }

  private static final Map<Integer, String> REASONS = new LinkedHashMap<>();

  static {
    REASONS.put(400, "Bad Request");
    REASONS.put(401, "Unauthorized");
    REASONS.put(403, "Forbidden");
    REASONS.put(404, "Not Found");
    REASONS.put(405, "Method Not Allowed");
    REASONS.put(408, "Request Timeout");
    REASONS.put(409, "Conflict");
    REASONS.put(415, "Unsupported Media Type");
    REASONS.put(422, "Unprocessable Entity");
    REASONS.put(429, "Too Many Requests");
    REASONS.put(500, "Internal Server Error");
    REASONS.put(502, "Bad Gateway");
    REASONS.put(503, "Service Unavailable");
    REASONS.put(504, "Gateway Timeout");
  }

  /** A fresh JSON object for request bodies. */
  public static ObjectNode object() {
    return Json.mapper().createObjectNode();
  }
}
