package dev.accord.broker.ui;

/**
 * A flat status badge drawn by the broker itself (no shields.io: the broker may have no internet
 * access). Text is XML-escaped; widths are estimated from character counts, as for a 11px
 * sans-serif font.
 */
record Badge(String label, String message, String colour) {
  static final String VERIFIED = "#4c1";
  static final String FAILED = "#e05d44";
  static final String UNKNOWN = "#9f9f9f";

  static Badge of(String label, Boolean verified) {
    if (verified == null) {
      return new Badge(label, "unknown", UNKNOWN);
    }
    return verified ? new Badge(label, "verified", VERIFIED) : new Badge(label, "failed", FAILED);
  }

  String svg() {
    int left = width(label);
    int right = width(message);
    int total = left + right;
    String l = escape(label);
    String m = escape(message);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + total
        + "\" height=\"20\" role=\"img\" aria-label=\""
        + l
        + ": "
        + m
        + "\">"
        + "<title>"
        + l
        + ": "
        + m
        + "</title>"
        + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
        + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
        + "<clipPath id=\"r\"><rect width=\""
        + total
        + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
        + "<g clip-path=\"url(#r)\"><rect width=\""
        + left
        + "\" height=\"20\" fill=\"#555\"/>"
        + "<rect x=\""
        + left
        + "\" width=\""
        + right
        + "\" height=\"20\" fill=\""
        + colour
        + "\"/>"
        + "<rect width=\""
        + total
        + "\" height=\"20\" fill=\"url(#s)\"/></g>"
        + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
        + "<text x=\""
        + left / 2.0
        + "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">"
        + l
        + "</text>"
        + "<text x=\""
        + left / 2.0
        + "\" y=\"14\">"
        + l
        + "</text>"
        + "<text x=\""
        + (left + right / 2.0)
        + "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">"
        + m
        + "</text>"
        + "<text x=\""
        + (left + right / 2.0)
        + "\" y=\"14\">"
        + m
        + "</text></g></svg>";
  }

  private static int width(String text) {
    return 10 + (int) Math.ceil(text.codePointCount(0, text.length()) * 7.0);
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    b.append('?'); // not allowed in XML 1.0
                  } else {
                    b.appendCodePoint(c);
                  }
                }
              }
            });
    return b.toString();
  }
}
