package dev.accord.broker.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * What is wrong with a JSON text, in words a client can act on: the limit it broke (with the
 * number), or the syntax error and where. Never the parser's class or option names.
 */
public final class JsonProblem {
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();

  private JsonProblem() {}

  /**
   * True when the text broke one of the parser's size limits (nesting, string, number, name
   * length).
   */
  public static boolean isLimit(Throwable e) {
    return e instanceof StreamConstraintsException;
  }

  public static String describe(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      String m = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("nesting depth")) {
        return "is nested more than "
            + LIMITS.getMaxNestingDepth()
            + " levels deep (the limit); flatten the document";
      }
      if (m.contains("number value length") || m.contains("number length")) {
        return "has a number longer than " + LIMITS.getMaxNumberLength() + " digits (the limit)";
      }
      if (m.contains("name length")) {
        return "has a property name longer than "
            + LIMITS.getMaxNameLength()
            + " characters (the limit)";
      }
      if (m.contains("string value length") || m.contains("string length")) {
        return "has a string longer than "
            + LIMITS.getMaxStringLength()
            + " characters (the limit)";
      }
      return "is larger than the broker's JSON limits (nesting "
          + LIMITS.getMaxNestingDepth()
          + " levels, strings "
          + LIMITS.getMaxStringLength()
          + " characters)";
    }
    String message = clean(e.getOriginalMessage());
    TokenStreamLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      message += " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
    return "is not valid JSON (" + message + ")";
  }

  /** The parser's sentence without its advice on parser options or type names. */
  static String clean(String original) {
    if (original == null || original.isBlank()) {
      return "unreadable";
    }
    String s = original;
    int nl = s.indexOf('\n');
    if (nl >= 0) {
      s = s.substring(0, nl);
    }
    for (String cut :
        new String[] {": enable ", "; enable ", " (for ", " (from ", ": was expecting (JSON"}) {
      int i = s.indexOf(cut);
      if (i > 0) {
        s = s.substring(0, i);
      }
    }
    // type names in backticks (`tools.jackson.databind.JsonNode`) become their simple names
    s = s.replaceAll("`(?:[a-zA-Z_$][\\w$]*\\.)+([A-Za-z_$][\\w$]*)(\\(\\))?`", "$1");
    return s.trim();
  }
}
