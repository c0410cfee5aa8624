package dev.accord.broker.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may send requests. Checked when a webhook is saved and again before every
 * delivery, after DNS resolution, so a name that later resolves to an internal address is still
 * refused.
 */
@Component
class WebhookTargets {
  /** scheme://authority, where authority is everything up to the first / ? or #. */
  private static final Pattern SCHEME_AND_AUTHORITY =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*)://([^/?#]*)");

  private final WebhookProperties properties;

  WebhookTargets(WebhookProperties properties) {
    this.properties = properties;
  }

  /**
   * The refusals for a URL template (empty = allowed). Names that do not resolve yet are accepted
   * and checked at delivery.
   */
  List<String> problemsWithUrl(String url) {
    List<String> problems = new ArrayList<>();
    int bad =
        url.codePoints()
            .filter(c -> Character.isWhitespace(c) || Character.isISOControl(c))
            .findFirst()
            .orElse(-1);
    if (bad >= 0) {
      problems.add(
          "\""
              + url.replace("\r", "\\r").replace("\n", "\\n")
              + "\" contains "
              + (bad == ' ' ? "a space" : String.format("the character U+%04X", bad))
              + ", which is not allowed in a URL; percent-encode it (a space is %20)");
      return problems;
    }
    Matcher m = SCHEME_AND_AUTHORITY.matcher(url);
    if (!m.find()) {
      problems.add(
          "\"" + url + "\" is not an absolute URL; give one like https://ci.example.com/build");
      return problems;
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String authority = m.group(2);
    if (properties.getAllowedSchemes().stream().noneMatch(s -> s.equalsIgnoreCase(scheme))) {
      problems.add(
          "scheme \""
              + scheme
              + "\" is not allowed; allowed: "
              + properties.getAllowedSchemes()
              + " (configure accord.webhooks.allowed-schemes)");
    }
    if (authority.contains("${")) {
      problems.add(
          "the host part of the URL (\""
              + authority
              + "\") may not contain a template variable; only the path, query and fragment may");
      return problems;
    }
    String host = host(authority);
    if (host.isEmpty()) {
      problems.add("\"" + url + "\" has no host");
      return problems;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException | SecurityException e) {
      addresses = new InetAddress[0];
    }
    String refusal = refusal(host, addresses);
    if (refusal != null) {
      problems.add(refusal);
    }
    return problems;
  }

  /**
   * Why a request to this host (resolved to these addresses) is refused, or null when it is
   * allowed.
   */
  String refusal(String host, InetAddress[] addresses) {
    String h = host.toLowerCase(Locale.ROOT);
    List<String> allowList = properties.getAllowedHosts();
    boolean listed =
        allowList.stream().anyMatch(e -> matchesName(e, h))
            || (addresses.length > 0
                && allowList.stream().anyMatch(e -> allAddressesMatch(e, addresses)));
    if (!allowList.isEmpty() && !listed) {
      return "host \""
          + host
          + "\" is not in the allowed hosts "
          + allowList
          + " (configure accord.webhooks.allowed-hosts)";
    }
    if (!listed) {
      for (InetAddress a : addresses) {
        String kind = internalKind(a);
        if (kind != null) {
          return "host \""
              + host
              + "\" resolves to "
              + a.getHostAddress()
              + ", a "
              + kind
              + " address; webhooks may not target internal addresses "
              + "unless the host is listed in accord.webhooks.allowed-hosts";
        }
      }
    }
    return null;
  }

  /** The host of an authority ({@code user@host:port}, {@code [v6]:port}). */
  static String host(String authority) {
    String a = authority.substring(authority.lastIndexOf('@') + 1);
    if (a.startsWith("[")) {
      int end = a.indexOf(']');
      return end < 0 ? a.substring(1) : a.substring(1, end);
    }
    int colon = a.indexOf(':');
    return colon < 0 ? a : a.substring(0, colon);
  }

  private static boolean matchesName(String entry, String host) {
    String e = entry.trim().toLowerCase(Locale.ROOT);
    if (e.startsWith("*.")) {
      return host.endsWith(e.substring(1));
    }
    return !e.contains("/") && e.equals(host);
  }

  private static boolean allAddressesMatch(String entry, InetAddress[] addresses) {
    String e = entry.trim();
    if (e.startsWith("*.") || !(e.contains("/") || looksLikeIp(e))) {
      return false;
    }
    for (InetAddress a : addresses) {
      if (!inRange(e, a)) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeIp(String s) {
    return s.matches("[0-9.]+") || s.contains(":");
  }

  static boolean inRange(String cidrOrIp, InetAddress address) {
    String[] parts = cidrOrIp.split("/", 2);
    InetAddress network;
    try {
      if (!looksLikeIp(parts[0])) {
        return false;
      }
      network = InetAddress.getByName(parts[0]);
    } catch (UnknownHostException e) {
      return false;
    }
    byte[] n = network.getAddress();
    byte[] a = address.getAddress();
    if (n.length != a.length) {
      return false;
    }
    int bits = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : n.length * 8;
    for (int i = 0; i < n.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
      if ((n[i] & mask) != (a[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Loopback, link-local, private, multicast, unspecified, carrier-grade NAT or IPv6 unique-local;
   * null for public.
   */
  static String internalKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "private (site-local)";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
      return "carrier-grade NAT (100.64.0.0/10)";
    }
    if (a instanceof Inet4Address && (b[0] & 0xff) == 0) {
      return "unspecified (0.0.0.0/8)";
    }
    if (a instanceof Inet4Address && (b[0] & 0xff) >= 240) {
      return (b[0] & 0xff) == 255
              && (b[1] & 0xff) == 255
              && (b[2] & 0xff) == 255
              && (b[3] & 0xff) == 255
          ? "broadcast (255.255.255.255)"
          : "reserved (240.0.0.0/4)";
    }
    if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return "private (IPv6 unique-local)";
    }
    return null;
  }
}
