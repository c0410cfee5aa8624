package dev.accord.contract.exploration;

import java.util.Map;

/**
 * A request exploration sends, as the hooks and reports see it.
 *
 * @param operation the operation's id (its operationId, or {@code METHOD /path})
 * @param method the HTTP method
 * @param url the whole URL, query included
 * @param headers the headers sent, in order
 * @param body the body sent, or null
 */
public record ExploredRequest(
    String operation, String method, String url, Map<String, String> headers, String body) {

  public ExploredRequest {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }

  /** The request as a {@code curl} command line, single-quoted for a POSIX shell. */
  public String curl() {
    StringBuilder curl = new StringBuilder("curl -i");
    if (!method.equals("GET") || body != null) {
      curl.append(" -X ").append(method);
    }
    curl.append(' ').append(quote(url));
    headers.forEach((name, value) -> curl.append(" -H ").append(quote(name + ": " + value)));
    if (body != null) {
      curl.append(" --data-raw ").append(quote(body));
    }
    return curl.toString();
  }

  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
