package dev.accord.broker.web;

/**
 * The limits every stored field is checked against before it reaches the database, with a message
 * naming the field, the limit and the fix. The lengths are the columns' ({@code V1__schema.sql}).
 * Request records check their fields with {@link ServedName} and {@link Text}, which use these;
 * {@link #name} checks names that arrive in URL paths.
 */
public final class Fields {
  /**
   * Pacticipant, version, branch, tag and environment names; display names; verifier name and
   * version.
   */
  public static final int NAME = 255;

  /** buildUrl, repositoryUrl. */
  public static final int URL = 2048;

  private Fields() {}

  /**
   * A name that appears in URLs and pages: non-blank, at most {@link #NAME} characters, and only
   * characters the broker can serve back and show unambiguously (no control or invisible formatting
   * characters, no backslash, no ';').
   */
  public static String name(String field, String value) {
    String problem = nameProblem(value);
    if (problem != null) {
      throw ApiException.invalidField(field, problem);
    }
    return value;
  }

  /** What is wrong with a name, as a sentence following the field name; null when nothing is. */
  public static String nameProblem(String value) {
    if (value == null || value.isBlank()) {
      return "is missing or blank; give a non-blank name";
    }
    if (value.length() > NAME) {
      return "is " + value.length() + " characters long; at most " + NAME + " are allowed";
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      String why = unserveable(cp);
      if (why != null) {
        return "contains "
            + describe(cp)
            + " at position "
            + (i + 1)
            + ", "
            + why
            + "; remove it (names may not contain control characters, invisible formatting characters, '\\' or ';')";
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /**
   * What is wrong with an optional free text, as a sentence following the field name; null when
   * nothing is.
   */
  public static String textProblem(String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.length() > max) {
      return "is " + value.length() + " characters long; at most " + max + " are allowed";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.getType(c) == Character.CONTROL
          || Character.isSurrogate(c) && !validPair(value, i)) {
        return "contains "
            + describe(c)
            + " at position "
            + (i + 1)
            + ", which cannot be stored; remove it";
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    return null;
  }

  private static boolean validPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static String unserveable(int cp) {
    if (cp == '\\') {
      return "which HTTP servers refuse in a URL path, so no link to the name would work";
    }
    if (cp == ';') {
      return "which starts a path parameter in a URL, so links to the name would be cut short";
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL -> "a control character";
      case Character.FORMAT -> "an invisible formatting character that makes look-alike names";
      case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line break";
      case Character.SURROGATE -> "half of a character (an unpaired surrogate)";
      case Character.UNASSIGNED, Character.PRIVATE_USE -> "a character with no meaning in Unicode";
      default -> null;
    };
  }

  /**
   * {@code ';' (U+003B SEMICOLON)} for visible characters, {@code U+202E (RIGHT-TO-LEFT OVERRIDE)}
   * for invisible ones.
   */
  static String describe(int cp) {
    String code = String.format("U+%04X", cp);
    String name = Character.getName(cp);
    int type = Character.getType(cp);
    boolean visible =
        type != Character.CONTROL
            && type != Character.FORMAT
            && type != Character.SURROGATE
            && type != Character.UNASSIGNED
            && type != Character.PRIVATE_USE
            && type != Character.LINE_SEPARATOR
            && type != Character.PARAGRAPH_SEPARATOR;
    return (visible ? "'" + new String(Character.toChars(cp)) + "' (" : "(")
        + code
        + (name == null ? "" : " " + name)
        + ")";
  }
}
