package dev.accord.verifier.internal;

import dev.accord.broker.client.LazyDefaultTls;
import dev.accord.broker.client.http.Http1Client;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends pact requests exactly as written (method, headers, body) through one shared {@link
 * Http1Client}, with kept-alive connections, and turns responses back into pact-core values.
 */
public final class HttpTransport {
  private final Http1Client client;
  private final Duration timeout;
  private final java.util.concurrent.atomic.AtomicLong timeouts =
      new java.util.concurrent.atomic.AtomicLong();

  public HttpTransport(Duration timeout) {
    this.timeout = timeout;
    // the JVM's default TLS context, built on the first https:// request rather than here
    this.client = new Http1Client(timeout, new LazyDefaultTls());
  }

  public Duration timeout() {
    return timeout;
  }

  private volatile java.util.function.Consumer<String> trace;

  /**
   * Every request and response from now on is described to {@code trace} (credentials redacted);
   * null: none.
   */
  public void trace(java.util.function.Consumer<String> sink) {
    this.trace = sink;
  }

  /** How many requests (state changes included) have timed out so far. */
  public long timeouts() {
    return timeouts.get();
  }

  /**
   * The full URL of {@code request} against {@code baseUrl}: base path + request path + encoded
   * query.
   */
  public static URI target(URI baseUrl, HttpRequest request) {
    String base = baseUrl.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String path = request.path();
    StringBuilder sb = new StringBuilder(base);
    if (!path.startsWith("/")) {
      sb.append('/');
    }
    sb.append(encodePath(path));
    if (!request.query().isEmpty()) {
      char sep = '?';
      for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
        List<String> values = e.getValue().isEmpty() ? List.of("") : e.getValue();
        for (String v : values) {
          sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8));
          if (v != null) {
            sb.append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
          }
          sep = '&';
        }
      }
    }
    return URI.create(sb.toString());
  }

  private static String encodePath(String path) {
    StringBuilder sb = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=:@%".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /**
   * Sends {@code request} to {@code url}.
   *
   * @throws Unreachable when nothing listens at the URL's host and port
   * @throws TimedOut when no response arrived within the timeout
   * @throws IOException for any other transport failure
   */
  public HttpResponse send(URI url, HttpRequest request) throws IOException {
    java.util.function.Consumer<String> sink = trace;
    if (sink == null) {
      return exchange(url, request);
    }
    sink.accept(SentRequest.describe("-> ", request, url.toString()));
    try {
      HttpResponse response = exchange(url, request);
      sink.accept(SentRequest.describe("<- ", response));
      return response;
    } catch (IOException e) {
      sink.accept("<- no response: " + e.getMessage());
      throw e;
    }
  }

  private HttpResponse exchange(URI url, HttpRequest request) throws IOException {
    Map<String, List<String>> headers = request.headers();
    Body body = request.body();
    boolean hasContentType = false;
    for (String name : headers.keySet()) {
      hasContentType |= name.equalsIgnoreCase("Content-Type");
    }
    if (body.isPresent() && !hasContentType && body.contentType().isPresent()) {
      headers = new LinkedHashMap<>(headers);
      headers.put("Content-Type", List.of(body.contentType().get().raw()));
    }
    Http1Client.Response response;
    try {
      response =
          client.send(
              request.method().toUpperCase(java.util.Locale.ROOT),
              url,
              headers,
              body.isPresent() ? body.asBytes() : null);
    } catch (Http1Client.ConnectFailed e) {
      throw new Unreachable(url, e.reason());
    } catch (Http1Client.TimedOut e) {
      timeouts.incrementAndGet();
      throw new TimedOut(url, timeout);
    }
    return toResponse(response);
  }

  private static HttpResponse toResponse(Http1Client.Response response) {
    ContentType contentType = null;
    List<String> types = response.headers().get("Content-Type");
    if (types != null && !types.isEmpty()) {
      contentType = ContentType.parse(types.get(0));
    }
    byte[] bytes = response.body();
    Body body = bytes.length == 0 ? Body.empty() : Body.bytes(bytes, contentType);
    return new HttpResponse(response.status(), response.headers(), body, null, null);
  }

  /** Nothing answers at the URL: the whole verification stops with one error. */
  public static final class Unreachable extends IOException {
    private final URI url;

    Unreachable(URI url, String reason) {
      super(
          "Could not connect to "
              + url.getScheme()
              + "://"
              + url.getAuthority()
              + " ("
              + reason
              + ")");
      this.url = url;
    }

    public URI url() {
      return url;
    }
  }

  /** No response within the per-request timeout. */
  public static final class TimedOut extends IOException {
    TimedOut(URI url, Duration timeout) {
      super("Request to " + url + " timed out after " + timeout.toMillis() + " ms");
    }
  }
}
