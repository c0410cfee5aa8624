package dev.accord.broker.security;

import dev.accord.broker.web.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes only from clients, never from another web site a user's browser happens to show. A browser
 * sends a page's cross-site POST without asking first only with a form or text content type, and
 * always names the page's {@code Origin}; so writes with those content types are refused (415), and
 * writes whose {@code Origin} is not the broker's own are refused (403). The Pact clients send JSON
 * and no {@code Origin}, and pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class WriteRequestGuard extends OncePerRequestFilter {
  private static final java.util.regex.Pattern MEDIA_TYPE =
      java.util.regex.Pattern.compile("[a-z0-9!#$&^_.+*-]+/[a-z0-9!#$&^_.+*-]+");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> BROWSER_FORM_TYPES =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  private final String configuredOrigin;

  WriteRequestGuard(@Value("${accord.broker.base-url:}") String baseUrl) {
    this.configuredOrigin = baseUrl.isBlank() ? null : origin(baseUrl.trim());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (READS.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String origin = request.getHeader("Origin");
    if (origin != null) {
      String own = ownOrigin(request);
      String sent = origin(origin.trim());
      if (sent == null || !(sent.equals(own) || sent.equals(configuredOrigin))) {
        ErrorBody.write(
            response,
            403,
            "Cross-origin write refused: "
                + request.getMethod()
                + " from Origin '"
                + origin
                + "', which is not this broker ("
                + own
                + "). Writes come from the Pact clients or CI, which send no Origin, or from the broker's own pages; "
                + "behind a proxy, set accord.broker.base-url to the address browsers use.");
        return;
      }
    }
    String contentType = request.getContentType();
    if (contentType != null) {
      String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (!MEDIA_TYPE.matcher(type).matches() || type.contains("*")) {
        ErrorBody.write(
            response,
            415,
            "Content-Type '"
                + contentType
                + "' is not a media type a request can have; send Content-Type: application/json.");
        return;
      }
      if (BROWSER_FORM_TYPES.contains(type)) {
        ErrorBody.write(
            response,
            415,
            "Content-Type "
                + type
                + " is not accepted for "
                + request.getMethod()
                + ": the broker's writes take application/json (or no body). Send Content-Type: application/json.");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    int port = request.getServerPort();
    boolean defaultPort =
        port < 0
            || ("http".equals(scheme) && port == 80)
            || ("https".equals(scheme) && port == 443);
    return scheme
        + "://"
        + request.getServerName().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }

  /**
   * scheme://host[:port] with the scheme's default port left out; null when it is not an origin
   * ("null", garbage).
   */
  static String origin(String url) {
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null || u.getHost() == null) {
        return null;
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      boolean defaultPort =
          port < 0
              || ("http".equals(scheme) && port == 80)
              || ("https".equals(scheme) && port == 443);
      return scheme
          + "://"
          + u.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
