package dev.accord.contract.comparison.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Media types as content negotiation reads them: parameters ignored, {@code *} wildcards, q=0
 * refused.
 */
public final class MediaTypes {

  private MediaTypes() {}

  /** {@code application/json; charset=utf-8} gives {@code application/json}. */
  public static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a media range ({@code application/*}, {@code *}{@code /*}) covers a media type; both
   * ways a wildcard.
   */
  public static boolean matches(String range, String mediaType) {
    String a = essence(range);
    String b = essence(mediaType);
    if (a.equals(b) || a.equals("*/*") || b.equals("*/*") || a.equals("*") || b.equals("*")) {
      return true;
    }
    String[] ra = a.split("/", 2);
    String[] rb = b.split("/", 2);
    if (ra.length < 2 || rb.length < 2) {
      return false;
    }
    return ra[0].equals(rb[0]) && (ra[1].equals("*") || rb[1].equals("*"));
  }

  /**
   * The document's content key that serves a media type: equal first, then a wildcard on either
   * side.
   */
  public static Optional<String> select(String mediaType, Collection<String> documented) {
    for (String candidate : documented) {
      if (essence(candidate).equals(essence(mediaType))) {
        return Optional.of(candidate);
      }
    }
    for (String candidate : documented) {
      if (matches(candidate, mediaType)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether an Accept header accepts at least one of the documented media types. */
  public static boolean accepts(String acceptHeader, Collection<String> documented) {
    for (String range : acceptRanges(acceptHeader)) {
      for (String candidate : documented) {
        if (matches(range, candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> acceptRanges(String header) {
    List<String> ranges = new ArrayList<>();
    for (String part : header.split(",")) {
      String range = part.trim();
      if (range.isEmpty()) {
        continue;
      }
      boolean refused = false;
      for (String parameter : range.split(";")) {
        String p = parameter.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (p.startsWith("q=") && p.substring(2).matches("0(\\.0*)?")) {
          refused = true;
        }
      }
      if (!refused) {
        ranges.add(essence(range));
      }
    }
    return ranges;
  }

  /**
   * Whether a media type carries JSON ({@code application/json}, {@code application/hal+json},
   * ...).
   */
  public static boolean isJson(String mediaType) {
    String e = essence(mediaType);
    return e.equals("application/json")
        || e.endsWith("+json")
        || e.equals("*/*")
        || e.equals("application/*");
  }
}
