package dev.accord.contract.exploration;

import java.util.regex.Pattern;

/**
 * {@code *} any characters (also none), {@code ?} exactly one; everything else literal, the whole
 * text matched.
 */
final class Glob {

  private Glob() {}

  static boolean matches(String glob, String text) {
    return toPattern(glob).matcher(text).matches();
  }

  static Pattern toPattern(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
