package dev.accord.broker.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Broker exchanges over a {@code java.net.http.HttpClient} the user gave ({@code
 * PactBrokerClient.Builder.httpClient}): its redirect policy, proxy and TLS settings apply.
 */
public final class JavaNetHttp implements BrokerHttp {
  private final HttpClient client;
  private final Duration timeout;

  public JavaNetHttp(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public Reply send(String method, URI uri, Map<String, List<String>> headers, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
    headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response =
        client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    Map<String, List<String>> replyHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    replyHeaders.putAll(response.headers().map());
    return new Reply(response.statusCode(), replyHeaders, response.body());
  }
}
