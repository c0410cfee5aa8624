package dev.accord.verifier.internal;

import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request the verifier sent, as a failed interaction shows it: method, path and query, headers, body. Values of
 * credentials (Authorization, Cookie, anything named like a token, key, secret or password) are redacted, since
 * reports end up in CI logs.
 */
public final class SentRequest {
  static final String REDACTED = "[redacted]";
  /** Bodies longer than this many characters are cut in failures and {@code --verbose} output. */
  public static final int BODY_LIMIT = 1000;
  private static final List<String> SECRET_HEADERS = List.of("authorization", "proxy-authorization", "cookie",
      "set-cookie");
  private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "passwd", "api-key",
      "apikey", "api_key", "session", "credential");

  private SentRequest() {}

  /** {@code request sent: GET /path?q=1}, then one indented line per header, then the body. */
  public static String describe(HttpRequest r) {
    return describe("request sent: ", r, r.path());
  }

  /** As {@link #describe(HttpRequest)}, with another label and the full URL instead of the path. */
  public static String describe(String label, HttpRequest r, String target) {
    StringBuilder sb = new StringBuilder(label).append(r.method().toUpperCase(Locale.ROOT)).append(' ')
        .append(target);
    if (!r.query().isEmpty()) {
      sb.append('?').append(r.query().entrySet().stream()
          .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + (secret(e.getKey()) ? REDACTED : v)))
          .collect(Collectors.joining("&")));
    }
    for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
      sb.append("\n  ").append(h.getKey()).append(": ")
          .append(secret(h.getKey()) ? REDACTED : String.join(", ", h.getValue()));
    }
    if (r.body().isPresent() && !r.body().isEmpty()) {
      sb.append("\n  body: ").append(body(r));
    }
    return sb.toString();
  }

  /** {@code <label>200}, then one indented line per header (credentials redacted), then the body (truncated). */
  public static String describe(String label, dev.accord.pact.model.HttpResponse r) {
    StringBuilder sb = new StringBuilder(label).append(r.status());
    for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
      sb.append("\n  ").append(h.getKey()).append(": ")
          .append(secret(h.getKey()) ? REDACTED : String.join(", ", h.getValue()));
    }
    if (r.body().isPresent() && !r.body().isEmpty()) {
      sb.append("\n  body: ").append(body(r.body()));
    }
    return sb.toString();
  }

  static boolean secret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_HEADERS.contains(n) || SECRET_WORDS.stream().anyMatch(n::contains);
  }

  private static String body(HttpRequest r) {
    return body(r.body());
  }

  private static String body(dev.accord.pact.model.Body b) {
    ContentType type = b.contentType().orElse(null);
    if (type != null && type.isBinary()) {
      return b.asBytes().length + " bytes of " + type.mediaType();
    }
    String text = b.asString();
    return text.length() <= BODY_LIMIT ? text
        : text.substring(0, BODY_LIMIT) + "... (" + text.length() + " characters in all)";
  }
}
