package dev.accord.verifier.internal;

import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request the verifier sent and the response it got, as a failed interaction shows them (and a
 * {@code curl} command replaying the request). The request the verifier sent, as a failed
 * interaction shows it: method, path and query, headers, body. Values of credentials
 * (Authorization, Cookie, anything named like a token, key, secret or password) are redacted, since
 * reports end up in CI logs.
 */
public final class SentRequest {
  static final String REDACTED = "[redacted]";

  /** Bodies longer than this many characters are cut in failures and {@code --verbose} output. */
  public static final int BODY_LIMIT = 1000;

  private static final List<String> SECRET_HEADERS =
      List.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final List<String> SECRET_WORDS =
      List.of(
          "token",
          "secret",
          "password",
          "passwd",
          "api-key",
          "apikey",
          "api_key",
          "session",
          "credential");

  /** Response headers that say nothing about the contract, left out of the response shown. */
  private static final List<String> TRANSPORT_HEADERS =
      List.of("date", "content-length", "connection", "transfer-encoding", "keep-alive");

  private SentRequest() {}

  /** {@code request sent: GET /path?q=1}, then one indented line per header, then the body. */
  public static String describe(HttpRequest r) {
    return describe("request sent: ", r, r.path());
  }

  /** As {@link #describe(HttpRequest)}, with another label and the full URL instead of the path. */
  public static String describe(String label, HttpRequest r, String target) {
    StringBuilder sb =
        new StringBuilder(label)
            .append(r.method().toUpperCase(Locale.ROOT))
            .append(' ')
            .append(target);
    if (!r.query().isEmpty()) {
      sb.append('?')
          .append(
              r.query().entrySet().stream()
                  .flatMap(
                      e ->
                          e.getValue().stream()
                              .map(v -> e.getKey() + "=" + (secret(e.getKey()) ? REDACTED : v)))
                  .collect(Collectors.joining("&")));
    }
    for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
      sb.append("\n  ")
          .append(h.getKey())
          .append(": ")
          .append(secret(h.getKey()) ? REDACTED : String.join(", ", h.getValue()));
    }
    if (r.body().isPresent() && !r.body().isEmpty()) {
      sb.append("\n  body: ").append(body(r));
    }
    return sb.toString();
  }

  /**
   * {@code response received: 500}, then one indented line per header, then the body (secrets
   * redacted).
   */
  public static String describeResponse(dev.accord.pact.model.HttpResponse r) {
    return describe("response received: ", r, true);
  }

  /**
   * {@code <label>200}, then one indented line per header (credentials redacted), then the body
   * (truncated).
   */
  public static String describe(String label, dev.accord.pact.model.HttpResponse r) {
    return describe(label, r, false);
  }

  private static String describe(
      String label, dev.accord.pact.model.HttpResponse r, boolean skipTransportHeaders) {
    StringBuilder sb = new StringBuilder(label).append(r.status());
    for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
      if (skipTransportHeaders && TRANSPORT_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      sb.append("\n  ")
          .append(h.getKey())
          .append(": ")
          .append(secret(h.getKey()) ? REDACTED : String.join(", ", h.getValue()));
    }
    if (r.body().isPresent() && !r.body().isEmpty()) {
      sb.append("\n  body: ").append(body(r.body()));
    }
    return sb.toString();
  }

  /**
   * A {@code curl} command sending the request again to {@code url}, single-quoted for a POSIX
   * shell ({@code -g}: the brackets of {@code [redacted]} are not a URL pattern), with the values
   * of credentials replaced by {@code [redacted]} (put them back by hand). A binary body is left
   * out, said so.
   */
  public static String curl(URI url, HttpRequest r) {
    StringBuilder sb =
        new StringBuilder("curl -g -i -X ").append(r.method().toUpperCase(Locale.ROOT)).append(' ');
    String query = url.getRawQuery();
    String target = url.toString();
    if (query != null) {
      String redacted =
          java.util.Arrays.stream(query.split("&"))
              .map(
                  p -> {
                    int eq = p.indexOf('=');
                    String name =
                        java.net.URLDecoder.decode(
                            eq < 0 ? p : p.substring(0, eq),
                            java.nio.charset.StandardCharsets.UTF_8);
                    return eq >= 0 && secret(name) ? p.substring(0, eq + 1) + REDACTED : p;
                  })
              .collect(Collectors.joining("&"));
      target = target.replace("?" + query, "?" + redacted);
    }
    sb.append(shell(target));
    for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
      for (String v : h.getValue()) {
        sb.append(" -H ").append(shell(h.getKey() + ": " + (secret(h.getKey()) ? REDACTED : v)));
      }
    }
    if (r.body().isPresent() && !r.body().isEmpty()) {
      ContentType type = r.body().contentType().orElse(null);
      if (type != null && type.isBinary()) {
        sb.append("  # the ")
            .append(r.body().asBytes().length)
            .append("-byte ")
            .append(type.mediaType())
            .append(" body is not shown");
      } else {
        sb.append(" --data-raw ").append(shell(r.body().asString()));
      }
    }
    return sb.toString();
  }

  private static String shell(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
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
    return text.length() <= BODY_LIMIT
        ? text
        : text.substring(0, BODY_LIMIT) + "... (" + text.length() + " characters in all)";
  }
}
