package dev.accord.broker.client.internal;

import dev.accord.broker.client.http.Http1Client;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Broker exchanges over {@link Http1Client} (blocking sockets: no selector thread, so a one-call
 * CLI exits at once), following redirects as {@code java.net.http}'s {@code Redirect.NORMAL} does:
 * 301, 302, 303, 307 and 308 with a Location are followed, except from https:// to http://; 303
 * turns the request into a GET without a body, so do 301 and 302 a POST; 307 and 308 send the same
 * method and body again. At most {@link #MAX_REDIRECTS} are followed; the Authorization header is
 * not sent to another origin.
 */
public final class Http1WithRedirects implements BrokerHttp {
  /** The most redirects followed for one request, as {@code java.net.http} by default. */
  public static final int MAX_REDIRECTS = 5;

  private final Http1Client client;

  public Http1WithRedirects(Http1Client client) {
    this.client = client;
  }

  /** More than {@link #MAX_REDIRECTS} redirects in a row: a loop, most likely. Not retried. */
  public static final class TooManyRedirects extends IOException {
    TooManyRedirects(URI last) {
      super(
          "it was redirected more than "
              + MAX_REDIRECTS
              + " times (the last time to "
              + last
              + "); is the broker, or a proxy in front of it, redirecting in a loop?");
    }
  }

  @Override
  public Reply send(String method, URI uri, Map<String, List<String>> headers, byte[] body)
      throws IOException {
    for (int redirects = 0; ; redirects++) {
      Http1Client.Response response = client.send(method, uri, headers, body);
      int status = response.status();
      Reply reply = new Reply(status, response.headers(), response.body());
      if (!redirect(status)) {
        return reply;
      }
      URI next = target(uri, reply.header("Location").orElse(null));
      if (next == null) {
        return reply;
      }
      if (redirects == MAX_REDIRECTS) {
        throw new TooManyRedirects(next);
      }
      String nextMethod =
          status == 303 || ((status == 301 || status == 302) && method.equals("POST"))
              ? "GET"
              : method;
      if (!nextMethod.equals(method)) {
        body = null;
        headers = without(headers, "Content-Type");
      }
      if (!Origins.same(uri, next)) {
        headers = without(headers, "Authorization");
      }
      method = nextMethod;
      uri = next;
    }
  }

  private static boolean redirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The Location resolved against the request's URL, or null when it is not to be followed. */
  private static URI target(URI from, String location) {
    if (location == null || location.isBlank()) {
      return null;
    }
    URI next;
    try {
      next = from.resolve(location.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    boolean downgrade = scheme.equals("http") && from.getScheme().equalsIgnoreCase("https");
    if (!(scheme.equals("http") || scheme.equals("https")) || downgrade || next.getHost() == null) {
      return null;
    }
    return next;
  }

  private static Map<String, List<String>> without(Map<String, List<String>> headers, String name) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach(
        (key, values) -> {
          if (!key.equalsIgnoreCase(name)) {
            copy.put(key, values);
          }
        });
    return copy;
  }
}
