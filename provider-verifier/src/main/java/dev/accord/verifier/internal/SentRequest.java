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
  private static final int BODY_LIMIT = 1000;
  private static final List<String> SECRET_HEADERS = List.of("authorization", "proxy-authorization", "cookie",
      "set-cookie");
  private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "passwd", "api-key",
      "apikey", "api_key", "session", "credential");

  private SentRequest() {}

  /** {@code request sent: GET /path?q=1}, then one indented line per header, then the body. */
  public static String describe(HttpRequest r) {
    StringBuilder sb = new StringBuilder("request sent: ").append(r.method().toUpperCase(Locale.ROOT)).append(' ')
        .append(r.path());
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

  static boolean secret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_HEADERS.contains(n) || SECRET_WORDS.stream().anyMatch(n::contains);
  }

  private static String body(HttpRequest r) {
    ContentType type = r.body().contentType().orElse(null);
    if (type != null && type.isBinary()) {
      return r.body().asBytes().length + " bytes of " + type.mediaType();
    }
    String text = r.body().asString();
    return text.length() <= BODY_LIMIT ? text
        : text.substring(0, BODY_LIMIT) + "... (" + text.length() + " characters in all)";
  }
}
