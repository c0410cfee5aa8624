package dev.accord.verifier.internal;

import dev.accord.broker.client.LazyDefaultTls;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sends pact requests with one shared JDK HTTP/1.1 client and turns responses back into pact-core
 * values.
 */
public final class HttpTransport {
  /** Headers the JDK client sets itself and refuses to accept from callers. */
  private static final Set<String> RESTRICTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    RESTRICTED.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
  }

  private final HttpClient client;
  private final Duration timeout;
  private final java.util.concurrent.atomic.AtomicLong timeouts =
      new java.util.concurrent.atomic.AtomicLong();

  public HttpTransport(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            // the JVM's default TLS context, built on the first https:// request rather than here
            .sslContext(new LazyDefaultTls())
            .sslParameters(LazyDefaultTls.parameters())
            .build();
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
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(url).timeout(timeout);
    boolean hasContentType = false;
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      if (RESTRICTED.contains(h.getKey())) {
        continue;
      }
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        hasContentType = true;
      }
      for (String v : h.getValue()) {
        builder.header(h.getKey(), v);
      }
    }
    Body body = request.body();
    java.net.http.HttpRequest.BodyPublisher publisher =
        body.isPresent()
            ? java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.asBytes())
            : java.net.http.HttpRequest.BodyPublishers.noBody();
    if (body.isPresent() && !hasContentType && body.contentType().isPresent()) {
      builder.header("Content-Type", body.contentType().get().raw());
    }
    builder.method(request.method().toUpperCase(java.util.Locale.ROOT), publisher);
    java.net.http.HttpResponse<byte[]> response;
    try {
      response =
          client.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw new Unreachable(url, "connection timed out after " + timeout.toMillis() + " ms");
    } catch (HttpTimeoutException e) {
      timeouts.incrementAndGet();
      throw new TimedOut(url, timeout);
    } catch (ConnectException e) {
      throw new Unreachable(url, e.getMessage() == null ? "connection refused" : e.getMessage());
    } catch (UnresolvedAddressException e) {
      throw new Unreachable(url, "unknown host " + url.getHost());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for " + url, e);
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException
          || e.getCause() instanceof UnresolvedAddressException) {
        throw new Unreachable(url, String.valueOf(e.getCause().getMessage()));
      }
      throw e;
    }
    return toResponse(response);
  }

  private static HttpResponse toResponse(java.net.http.HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response
        .headers()
        .map()
        .forEach(
            (k, v) -> {
              if (!k.startsWith(":")) {
                headers.put(k, v);
              }
            });
    ContentType contentType =
        response.headers().firstValue("Content-Type").map(ContentType::parse).orElse(null);
    byte[] bytes = response.body();
    Body body = bytes == null || bytes.length == 0 ? Body.empty() : Body.bytes(bytes, contentType);
    return new HttpResponse(response.statusCode(), headers, body, null, null);
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
