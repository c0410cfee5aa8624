package dev.accord.broker.client.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange of the broker client, redirects followed: by default over {@link
 * Http1WithRedirects}, or over a {@code java.net.http.HttpClient} the user gave ({@link
 * JavaNetHttp}).
 */
public interface BrokerHttp {

  /**
   * Sends one request and reads its answer.
   *
   * @param headers in order; a name may carry several values
   * @param body the body, or null for none
   */
  Reply send(String method, URI uri, Map<String, List<String>> headers, byte[] body)
      throws IOException, InterruptedException;

  /** An answer: its status, its headers (names compared without case) and its body. */
  record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    /** The first value of the header, if any. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }
}
