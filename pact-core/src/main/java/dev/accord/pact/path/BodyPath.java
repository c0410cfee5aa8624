package dev.accord.pact.path;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The concrete path of one node in a body: keys and indexes, no wildcards. Mismatches name it
 * ({@code $.items[2].price}, {@code $['x.y']}, numeric keys as {@code $[100]}); a rendered path is
 * a valid {@link PathExpression} for the same node (a key holding both quote characters excepted).
 *
 * <pre>{@code
 * BodyPath path = BodyPath.root().field("items").index(2).field("price");
 * path.toString();                                          // "$.items[2].price"
 * PathExpression.parse("$.items[*].price").matches(path);   // true
 * }</pre>
 *
 * <p>Kept as a linked list of segments and rendered only when asked, so walking a large body costs
 * no string building.
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

  /** {@code $}: the body itself. */
  public static BodyPath root() {
    return ROOT;
  }

  /** The path of a key of the object at this path. */
  public BodyPath field(String name) {
    return new BodyPath(this, name, false);
  }

  /** The path of an element of the array at this path. */
  public BodyPath index(int i) {
    return new BodyPath(this, Integer.toString(i), true);
  }

  /** The last segment (key, index or {@code $}). */
  public String last() {
    return segment;
  }

  /** The path one step up; null for the root. */
  public BodyPath parent() {
    return parent;
  }

  /** Whether the last segment is an array index. */
  public boolean isIndex() {
    return index;
  }

  /**
   * The segments below the root, from the top: {@code $.a[1]} gives the paths {@code $.a} and
   * {@code $.a[1]}.
   */
  List<BodyPath> segments() {
    List<BodyPath> all = new ArrayList<>();
    for (BodyPath p = this; p.parent != null; p = p.parent) {
      all.add(p);
    }
    Collections.reverse(all);
    return all;
  }

  /**
   * The index, or the value of an all-digit key ({@code -1} otherwise): rules name both as {@code
   * [n]}.
   */
  int numericValue() {
    if (segment.isEmpty() || segment.length() > 9) {
      return -1;
    }
    for (int i = 0; i < segment.length(); i++) {
      if (!Character.isDigit(segment.charAt(i))) {
        return -1;
      }
    }
    return parent == null ? -1 : Integer.parseInt(segment);
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
  public boolean equals(Object o) {
    return o instanceof BodyPath other
        && index == other.index
        && segment.equals(other.segment)
        && (parent == null ? other.parent == null : parent.equals(other.parent));
  }

  @Override
  public int hashCode() {
    return (parent == null ? 0 : parent.hashCode() * 31) + segment.hashCode();
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
