package dev.accord.broker.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds the absolute hrefs clients follow: from {@code accord.broker.base-url} when set, otherwise
 * from the request (with {@code X-Forwarded-*} applied by the forwarded-header filter).
 */
@Component
public class Links {
  private static final String BASE_ATTRIBUTE = Links.class.getName() + ".base";
  private final String configuredBaseUrl;

  Links(@Value("${accord.broker.base-url:}") String configuredBaseUrl) {
    this.configuredBaseUrl = stripSlash(configuredBaseUrl.trim());
  }

  public String base() {
    if (!configuredBaseUrl.isEmpty()) {
      return configuredBaseUrl;
    }
    // Computed once per request and kept on it: a response renders dozens of links, and building
    // the URL from the
    // request (forwarded headers, context path) is the expensive part of each.
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return fromRequest();
    }
    Object cached = request.getAttribute(BASE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (cached instanceof String s) {
      return s;
    }
    String base = fromRequest();
    request.setAttribute(BASE_ATTRIBUTE, base, RequestAttributes.SCOPE_REQUEST);
    return base;
  }

  private static String fromRequest() {
    return stripSlash(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
  }

  /** Absolute URL for a path whose dynamic segments are given raw and percent-encoded here. */
  public String url(String pathTemplate, Object... segments) {
    StringBuilder sb = new StringBuilder(base());
    int seg = 0;
    int i = 0;
    while (i < pathTemplate.length()) {
      char c = pathTemplate.charAt(i);
      if (c == '{') {
        int end = pathTemplate.indexOf('}', i);
        sb.append(encode(String.valueOf(segments[seg++])));
        i = end + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  public static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static Map<String, Object> link(String href) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("href", href);
    return m;
  }

  public static Map<String, Object> link(String href, String title) {
    Map<String, Object> m = link(href);
    m.put("title", title);
    return m;
  }

  public static Map<String, Object> named(String href, String title, String name) {
    Map<String, Object> m = link(href, title);
    m.put("name", name);
    return m;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
