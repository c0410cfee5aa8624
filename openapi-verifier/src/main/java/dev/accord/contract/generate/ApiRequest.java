package dev.accord.contract.generate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request ready to send: the method, the path with its parameters filled in (the servers' base
 * path included), the query, the headers and the body.
 *
 * @param method the HTTP method
 * @param path the path, percent-encoded where needed ({@code /v1/status/42})
 * @param query the query parameters in order; a repeated parameter has several values
 * @param headers the headers, one value each
 * @param body the body, or null for none
 * @param contentType the body's media type, or null for none
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    String body,
    String contentType) {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    RESTRICTED.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
  }

  public ApiRequest {
    query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * The path and the encoded query, as a request line shows them ({@code /status/42?verbose=true}).
   */
  public String pathAndQuery() {
    StringBuilder sb = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      for (String v : e.getValue()) {
        sb.append(sep)
            .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        sep = '&';
      }
    }
    return sb.toString();
  }

  /** {@code METHOD /path?query}. */
  public String requestLine() {
    return method + " " + pathAndQuery();
  }

  /**
   * The JDK request against {@code baseUrl} (its path is kept: {@code http://host/app} + {@code
   * /status/42}), with {@code extraHeaders} added or replacing the request's own.
   */
  public HttpRequest toHttpRequest(
      URI baseUrl, Duration timeout, Map<String, String> extraHeaders) {
    String base = baseUrl.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery())).timeout(timeout);
    Map<String, String> all = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    all.putAll(headers);
    if (contentType != null && !all.containsKey("Content-Type")) {
      all.put("Content-Type", contentType);
    }
    all.putAll(extraHeaders);
    all.forEach(
        (name, value) -> {
          if (!RESTRICTED.contains(name)) {
            builder.header(name, value);
          }
        });
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return builder.build();
  }

  /** The request as {@code curl} would send it, for messages. */
  public String toCurl(URI baseUrl) {
    String base = baseUrl.toString().replaceAll("/$", "");
    StringBuilder sb =
        new StringBuilder("curl -X ")
            .append(method)
            .append(" '")
            .append(base)
            .append(pathAndQuery())
            .append('\'');
    headers.forEach(
        (k, v) ->
            sb.append(" -H '").append(k).append(": ").append(v.replace("'", "'\\''")).append('\''));
    if (contentType != null
        && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
      sb.append(" -H 'Content-Type: ").append(contentType).append('\'');
    }
    if (body != null) {
      sb.append(" --data '").append(body.replace("'", "'\\''")).append('\'');
    }
    return sb.toString();
  }
}
