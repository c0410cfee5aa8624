package dev.accord.pact.internal.path;

import java.util.regex.Pattern;

/**
 * The path of a node in a body, kept as a linked list of segments and rendered only when a mismatch needs
 * it: {@code $.items[2].price}, {@code $['x.y']}, numeric keys as {@code $[100]}. A rendered path is a valid
 * rule expression for the same node (a key holding both quote characters excepted).
 */
public final class BodyPath {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_\\-$]*");
  private static final BodyPath ROOT = new BodyPath(null, "$", false);

  private final BodyPath parent;
  private final String segment;
  private final boolean index;

  private BodyPath(BodyPath parent, String segment, boolean index) {
    this.parent = parent;
    this.segment = segment;
    this.index = index;
  }

  public static BodyPath root() {
    return ROOT;
  }

  public BodyPath field(String name) {
    return new BodyPath(this, name, false);
  }

  public BodyPath index(int i) {
    return new BodyPath(this, Integer.toString(i), true);
  }

  /** The last segment (key, index or {@code $}). */
  public String last() {
    return segment;
  }

  /** {@code 0}, {@code 100}; not {@code 019}, which must stay a quoted key. */
  private static boolean isCanonicalNumber(String s) {
    if (s.isEmpty() || s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    render(sb);
    return sb.toString();
  }

  private void render(StringBuilder sb) {
    if (parent == null) {
      sb.append(segment);
      return;
    }
    parent.render(sb);
    if (index || isCanonicalNumber(segment)) {
      sb.append('[').append(segment).append(']');
    } else if (IDENTIFIER.matcher(segment).matches()) {
      sb.append('.').append(segment);
    } else if (segment.indexOf('\'') >= 0 && segment.indexOf('"') < 0) {
      sb.append("[\"").append(segment).append("\"]");
    } else {
      sb.append("['").append(segment).append("']");
    }
  }
}
