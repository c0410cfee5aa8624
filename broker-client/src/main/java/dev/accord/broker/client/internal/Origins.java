package dev.accord.broker.client.internal;

import java.net.URI;

/**
 * Whether two URLs share an origin (scheme, host and port, the default port when none is given).
 */
final class Origins {
  private Origins() {}

  static boolean same(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  /** The port, or the scheme's default (443 for https, 80 otherwise) when the URL gives none. */
  static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
