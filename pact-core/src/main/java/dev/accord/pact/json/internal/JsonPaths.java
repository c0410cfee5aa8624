package dev.accord.pact.json.internal;

import java.util.regex.Pattern;

/** Builds JSON paths for error messages: {@code $.interactions[3].request}, {@code $.body['$.id']}. */
public final class JsonPaths {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonPaths() {}

  public static String field(String parent, String name) {
    if (IDENTIFIER.matcher(name).matches()) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
