package dev.accord.broker.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reading HAL documents: links (single or arrays), embedded resources, templated hrefs. */
public final class Hal {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  private Hal() {}

  /** The href of {@code _links[rel]}; for an array of links, the first one. */
  public static Optional<String> href(JsonNode resource, String rel) {
    JsonNode link = resource.path("_links").path(rel);
    if (link.isArray()) {
      link = link.path(0);
    }
    JsonNode href = link.path("href");
    return href.isString() && !href.asString().isBlank()
        ? Optional.of(href.asString())
        : Optional.empty();
  }

  /** Every link object of {@code _links[rel]}, whether the broker sent one object or an array. */
  public static List<JsonNode> links(JsonNode resource, String rel) {
    JsonNode link = resource.path("_links").path(rel);
    List<JsonNode> out = new ArrayList<>();
    if (link.isArray()) {
      link.forEach(out::add);
    } else if (link.isObject()) {
      out.add(link);
    }
    return out;
  }

  /** The names of every relation in {@code _links}. */
  public static List<String> relations(JsonNode resource) {
    List<String> out = new ArrayList<>();
    resource.path("_links").propertyNames().forEach(out::add);
    return out;
  }

  /** {@code _embedded[name]} as a list (empty when absent). */
  public static List<JsonNode> embedded(JsonNode resource, String name) {
    JsonNode node = resource.path("_embedded").path(name);
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(out::add);
    } else if (node.isObject()) {
      out.add(node);
    }
    return out;
  }

  /**
   * Fills {@code {name}} placeholders with percent-encoded values (everything except {@code
   * A-Za-z0-9-_.~} is encoded, so {@code /} in a branch name stays inside one segment).
   *
   * @throws IllegalArgumentException naming a placeholder without a value
   */
  public static String expand(String template, Map<String, String> params) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = params.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "The broker link '"
                + template
                + "' needs a value for {"
                + name
                + "}; given: "
                + params.keySet());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(encode(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Percent-encodes one path segment or query value (RFC 3986 unreserved characters stay). */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** A text field, or null when absent or JSON null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isMissingNode() ? null : v.asString();
  }
}
