package dev.accord.pact.matching.internal;

import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multipart bodies: each side is split with its own boundary; parts are paired by their {@code
 * Content-Disposition} name (by position when parts have no names); each expected part header must
 * be present in the actual part; each part body is matched by its own content type ({@code
 * Content-Transfer-Encoding: base64} is decoded first).
 */
public final class MultipartBodyMatcher {
  private MultipartBodyMatcher() {}

  record Part(String name, Map<String, String> headers, byte[] body) {
    ContentType contentType() {
      String ct = headers.get("content-type");
      return ContentType.parse(ct == null ? "text/plain" : ct);
    }

    String label(int index) {
      return name != null ? "'" + name + "'" : "at index " + index;
    }
  }

  private static final Pattern NAME =
      Pattern.compile("(?i)(?:^|;)\\s*name\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");

  public static void match(
      byte[] expected,
      ContentType expectedType,
      byte[] actual,
      ContentType actualType,
      boolean strict,
      MismatchCollector out) {
    List<Part> expectedParts;
    List<Part> actualParts;
    try {
      expectedParts = parse(expected, expectedType);
    } catch (IllegalArgumentException e) {
      out.add(
          "$",
          null,
          null,
          "The expected multipart body in the pact cannot be read: " + e.getMessage());
      return;
    }
    try {
      actualParts = parse(actual, actualType);
    } catch (IllegalArgumentException e) {
      out.add("$", null, null, "The actual multipart body cannot be read: " + e.getMessage());
      return;
    }
    boolean byName = expectedParts.stream().allMatch(p -> p.name() != null);
    if (!byName && expectedParts.size() != actualParts.size()) {
      out.add(
          "$",
          String.valueOf(expectedParts.size()),
          String.valueOf(actualParts.size()),
          "Expected a multipart"
              + " body with "
              + expectedParts.size()
              + " part(s) but received "
              + actualParts.size()
              + " part(s)");
    }
    for (int i = 0; i < expectedParts.size(); i++) {
      Part e = expectedParts.get(i);
      Part a = null;
      if (byName) {
        for (Part candidate : actualParts) {
          if (e.name().equals(candidate.name())) {
            a = candidate;
            break;
          }
        }
      } else if (i < actualParts.size()) {
        a = actualParts.get(i);
      }
      if (a == null) {
        if (byName) {
          out.add(
              "$." + e.name(),
              null,
              null,
              "Expected a multipart part " + e.label(i) + " but was missing");
        }
        continue;
      }
      matchPart(e, a, i, strict, out);
    }
    if (byName && strict) {
      for (Part a : actualParts) {
        if (a.name() == null || expectedParts.stream().noneMatch(e -> a.name().equals(e.name()))) {
          out.add(
              "$",
              null,
              null,
              "Unexpected multipart part " + a.label(actualParts.indexOf(a)) + " received");
        }
      }
    }
  }

  private static void matchPart(Part e, Part a, int index, boolean strict, MismatchCollector out) {
    for (Map.Entry<String, String> h : e.headers().entrySet()) {
      if (h.getKey().equals("content-type") || h.getKey().equals("content-transfer-encoding")) {
        continue;
      }
      String actualValue = a.headers().get(h.getKey());
      if (actualValue == null || !actualValue.equals(h.getValue())) {
        out.add(
            "$",
            h.getValue(),
            actualValue,
            "Expected multipart part "
                + e.label(index)
                + " to have header '"
                + h.getKey()
                + ": "
                + h.getValue()
                + "' but "
                + (actualValue == null ? "it was missing" : "it was '" + actualValue + "'"));
      }
    }
    ContentType ect = e.contentType();
    ContentType act = a.contentType();
    if (!BodyMatcher.sameType(ect, act)) {
      out.add(
          "$",
          ect.mediaType(),
          act.mediaType(),
          "Expected multipart part "
              + e.label(index)
              + " to have content type '"
              + ect.mediaType()
              + "' but was '"
              + act.mediaType()
              + "'");
      return;
    }
    BodyMatcher.matchContent(
        Body.bytes(e.body(), ect),
        ect,
        Body.bytes(a.body(), act),
        act,
        RuleIndex.empty(),
        strict,
        out);
  }

  static List<Part> parse(byte[] bytes, ContentType type) {
    String boundary = type.parameters().get("boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw new IllegalArgumentException(
          "the content type '" + type.raw() + "' has no boundary parameter");
    }
    // ISO-8859-1 maps bytes 1:1, so binary parts survive the split
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    List<Part> parts = new ArrayList<>();
    int pos = text.indexOf(delimiter);
    if (pos < 0) {
      throw new IllegalArgumentException(
          "the boundary '" + boundary + "' does not occur in the body");
    }
    while (true) {
      int start = pos + delimiter.length();
      if (text.startsWith("--", start)) {
        break;
      }
      int next = text.indexOf(delimiter, start);
      if (next < 0) {
        throw new IllegalArgumentException("the closing boundary '" + delimiter + "--' is missing");
      }
      String raw = text.substring(start, next);
      parts.add(part(stripLineBreaks(raw)));
      pos = next;
    }
    return parts;
  }

  private static String stripLineBreaks(String raw) {
    String s = raw;
    if (s.startsWith("\r\n")) {
      s = s.substring(2);
    } else if (s.startsWith("\n")) {
      s = s.substring(1);
    }
    if (s.endsWith("\r\n")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static Part part(String raw) {
    int split = raw.indexOf("\r\n\r\n");
    int sepLength = 4;
    int lf = raw.indexOf("\n\n");
    if (split < 0 || (lf >= 0 && lf < split)) {
      split = lf;
      sepLength = 2;
    }
    String headerText = split < 0 ? raw : raw.substring(0, split);
    String body = split < 0 ? "" : raw.substring(split + sepLength);
    if (split < 0 && !raw.contains(":")) {
      headerText = "";
      body = raw;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : headerText.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    byte[] content = body.getBytes(StandardCharsets.ISO_8859_1);
    String encoding = headers.get("content-transfer-encoding");
    if (encoding != null && encoding.equalsIgnoreCase("base64")) {
      try {
        content = Base64.getMimeDecoder().decode(body.trim());
      } catch (IllegalArgumentException e) {
        // keep the raw bytes: the comparison will show them
      }
    }
    String name = null;
    String disposition = headers.get("content-disposition");
    if (disposition != null) {
      Matcher m = NAME.matcher(disposition);
      if (m.find()) {
        name = m.group(1) != null ? m.group(1) : m.group(2);
      }
    }
    return new Part(name, headers, content);
  }
}
