package dev.accord.pact.json.internal;

/**
 * Builds JSON paths for error messages: {@code $.interactions[3].request}, {@code $.body['$.id']}.
 */
public final class JsonPaths {
  private JsonPaths() {}

  public static String field(String parent, String name) {
    if (isIdentifier(name)) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /**
   * {@code [A-Za-z_][A-Za-z0-9_]*}, checked without a regex: paths are built for every attribute
   * read.
   */
  private static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
