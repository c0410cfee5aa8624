package dev.accord.broker.webhook;

import dev.accord.pact.json.Json;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Renders a webhook's request for one event and sends it; the outcome is an {@link Attempt}, never
 * an exception.
 */
@Component
class WebhookSender {
  static final String REDACTED = "**********";
  private static final Pattern SENSITIVE_QUERY =
      Pattern.compile(
          "(?i)([?&;][^=&#;]*(?:token|secret|password|passwd|api[-_]?key|auth|signature|sig)[^=&#;]*=)[^&#;]*");
  private static final Pattern URL_PASSWORD =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*://[^/@:]*:)[^/@]*@");
  private static final Pattern SENSITIVE_HEADER =
      Pattern.compile("(?i).*(authorization|token|secret|password|api[-_]?key|cookie).*");
  static final int MAX_RESPONSE_BODY = 4096;

  private final WebhookProperties properties;
  private final WebhookTargets targets;
  private volatile HttpClient http;

  WebhookSender(WebhookProperties properties, WebhookTargets targets) {
    this.properties = properties;
    this.targets = targets;
    if (properties.getConnectTimeout().isNegative() || properties.getConnectTimeout().isZero()) {
      // checked here, as the client it is for is made on the first delivery
      throw new IllegalStateException(
          "accord.webhooks.connect-timeout must be longer than 0, got "
              + properties.getConnectTimeout()
              + ": set a duration such as 5s");
    }
  }

  /**
   * The client, made on the first delivery rather than at start: making it loads and initialises
   * the JDK's TLS (the default SSL context reads the trust store), which a broker that sends no
   * webhook never needs.
   */
  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          // Never follow redirects: a redirect could point at an internal address the target
          // check refused.
          client =
              HttpClient.newBuilder()
                  .connectTimeout(properties.getConnectTimeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
          http = client;
        }
      }
    }
    return client;
  }

  /**
   * What was sent and what came back. {@code retryable} is false when retrying cannot help (the
   * target is refused).
   */
  record Attempt(
      boolean success,
      boolean retryable,
      String method,
      String url,
      Map<String, String> requestHeaders,
      String requestBody,
      Integer status,
      Map<String, String> responseHeaders,
      String responseBody,
      String error,
      long durationMs) {
    String requestHeadersJson() {
      return Json.write(Json.toTree(requestHeaders));
    }

    String responseHeadersJson() {
      return responseHeaders == null ? null : Json.write(Json.toTree(responseHeaders));
    }
  }

  Attempt send(WebhookDefinition webhook, Map<String, String> variables) {
    long start = System.nanoTime();
    String method = webhook.method();
    String url = WebhookTemplates.renderUrl(webhook.url(), variables);
    Map<String, String> headers = new LinkedHashMap<>();
    webhook.headers().forEach((k, v) -> headers.put(k, WebhookTemplates.render(v, variables)));
    if (webhook.username() != null && !webhook.username().isEmpty()) {
      String credentials =
          webhook.username() + ":" + (webhook.password() == null ? "" : webhook.password());
      headers.put(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    String body = renderBody(webhook.body(), variables);
    Map<String, String> shown = redact(headers);
    String rendered = url;
    url = redactUrl(url); // what is logged and shown; the request goes to the rendered URL
    URI uri;
    try {
      uri = URI.create(rendered);
    } catch (IllegalArgumentException e) {
      return failure(
          false,
          method,
          url,
          shown,
          body,
          "the rendered URL is not valid: " + e.getMessage(),
          start);
    }
    String host = uri.getHost();
    if (host == null) {
      return failure(false, method, url, shown, body, "the rendered URL has no host", start);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return failure(
          true, method, url, shown, body, "could not resolve host \"" + host + "\"", start);
    }
    if (properties.getAllowedSchemes().stream()
        .noneMatch(s -> s.equalsIgnoreCase(uri.getScheme()))) {
      return failure(
          false,
          method,
          url,
          shown,
          body,
          "scheme \""
              + uri.getScheme()
              + "\" is not allowed; allowed: "
              + properties.getAllowedSchemes(),
          start);
    }
    String refusal = targets.refusal(host, addresses);
    if (refusal != null) {
      return failure(false, method, url, shown, body, "refused: " + refusal, start);
    }
    HttpRequest request;
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri)
              .timeout(properties.getRequestTimeout())
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(b::header);
      request = b.build();
    } catch (IllegalArgumentException e) {
      return failure(
          false, method, url, shown, body, "the request cannot be built: " + e.getMessage(), start);
    }
    try {
      HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      response.headers().map().forEach((k, v) -> responseHeaders.put(k, String.join(", ", v)));
      String responseBody = response.body();
      if (responseBody != null && responseBody.length() > MAX_RESPONSE_BODY) {
        responseBody =
            responseBody.substring(0, MAX_RESPONSE_BODY)
                + "... ("
                + (responseBody.length() - MAX_RESPONSE_BODY)
                + " more characters)";
      }
      boolean ok = status >= 200 && status < 300;
      return new Attempt(
          ok,
          true,
          method,
          url,
          shown,
          body,
          status,
          redact(responseHeaders),
          responseBody,
          ok ? null : "HTTP " + status + " is not a success (200-299)",
          millis(start));
    } catch (java.net.http.HttpTimeoutException e) {
      return failure(true, method, url, shown, body, "timed out: " + e.getMessage(), start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(true, method, url, shown, body, "interrupted", start);
    } catch (Exception e) {
      return failure(
          true,
          method,
          url,
          shown,
          body,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          start);
    }
  }

  private static String renderBody(String bodyJson, Map<String, String> variables) {
    if (bodyJson == null) {
      return null;
    }
    JsonNode node = Json.parse(bodyJson);
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.isString() ? node.asString() : Json.write(node);
    return WebhookTemplates.render(text, variables);
  }

  static Map<String, String> redact(Map<String, String> headers) {
    Map<String, String> shown = new LinkedHashMap<>();
    headers.forEach((k, v) -> shown.put(k, sensitive(k) ? REDACTED : v));
    return shown;
  }

  /**
   * The URL with the password of its user info and the values of secret-looking query parameters
   * replaced.
   */
  static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    String u = URL_PASSWORD.matcher(url).replaceFirst("$1" + REDACTED + "@");
    return SENSITIVE_QUERY.matcher(u).replaceAll("$1" + REDACTED);
  }

  static boolean sensitive(String headerName) {
    return SENSITIVE_HEADER.matcher(headerName.toLowerCase(Locale.ROOT)).matches();
  }

  private static Attempt failure(
      boolean retryable,
      String method,
      String url,
      Map<String, String> headers,
      String body,
      String error,
      long start) {
    return new Attempt(
        false, retryable, method, url, headers, body, null, null, null, error, millis(start));
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
