package dev.accord.pact.generators.internal;

import dev.accord.pact.matching.PactRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Generates a string that a regular expression fully matches, for the {@code Regex} generator.
 *
 * <p>Supports the subset that example values use: literals and escapes ({@code \d \D \w \W \s \S \t
 * \n \r \f \xhh \\uhhhh \Q..\E}, escaped metacharacters), {@code .}, character classes with ranges
 * and negation, groups (capturing, {@code (?:..)}, {@code (?<name>..)}), alternation, the
 * quantifiers {@code * + ? {n} {n,} {n,m}} (lazy and possessive forms too) and the anchors {@code ^
 * $ \A \z \Z}. Open-ended quantifiers repeat at most {@value #OPEN_REPEAT} times more than their
 * minimum. Anything else (look-around, back-references, word boundaries, flags, Unicode properties,
 * class intersections) is refused with an {@link IllegalArgumentException} that names the construct
 * and its position.
 */
public final class RegexValues {
  static final int OPEN_REPEAT = 8;
  private static final Pattern FLAG_GROUP = Pattern.compile("\\?[a-zA-Z]*(-[a-zA-Z]*)?:");
  private static final int PRINTABLE_FIRST = 0x20;
  private static final int PRINTABLE_LAST = 0x7E;

  private RegexValues() {}

  /**
   * @throws IllegalArgumentException when the regex does not compile, uses an unsupported
   *     construct, or no string can be generated for it
   */
  public static String generate(String regex, Random random) {
    Pattern pattern;
    try {
      pattern = PactRegex.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "the regex '" + regex + "' does not compile: " + e.getDescription(), e);
    }
    Node node = new Parser(PactRegex.toJava(regex)).parseAll();
    StringBuilder out = new StringBuilder();
    node.emit(out, random);
    String value = out.toString();
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "the regex '"
              + regex
              + "' uses a construct the generator cannot honour"
              + " (generated '"
              + value
              + "', which does not match it); simplify the regex or use another generator");
    }
    return value;
  }

  private interface Node {
    void emit(StringBuilder out, Random random);
  }

  private record Literal(String text) implements Node {
    @Override
    public void emit(StringBuilder out, Random random) {
      out.append(text);
    }
  }

  private record Sequence(List<Node> nodes) implements Node {
    @Override
    public void emit(StringBuilder out, Random random) {
      for (Node n : nodes) {
        n.emit(out, random);
      }
    }
  }

  private record Alternation(List<Node> options) implements Node {
    @Override
    public void emit(StringBuilder out, Random random) {
      options.get(random.nextInt(options.size())).emit(out, random);
    }
  }

  private record Repeat(Node node, int min, int max) implements Node {
    @Override
    public void emit(StringBuilder out, Random random) {
      int times = min + random.nextInt(max - min + 1);
      for (int i = 0; i < times; i++) {
        node.emit(out, random);
      }
    }
  }

  /** A set of code points, kept as sorted inclusive ranges. */
  private record CharSet(int[] codePoints) implements Node {
    @Override
    public void emit(StringBuilder out, Random random) {
      out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }

    static CharSet of(List<int[]> ranges, boolean negated) {
      boolean[] seen = new boolean[0x10000];
      List<Integer> points = new ArrayList<>();
      for (int[] r : ranges) {
        for (int c = r[0]; c <= r[1] && c < seen.length; c++) {
          seen[c] = true;
        }
      }
      if (negated) {
        for (int c = PRINTABLE_FIRST; c <= PRINTABLE_LAST; c++) {
          if (!seen[c]) {
            points.add(c);
          }
        }
      } else {
        for (int c = 0; c < seen.length; c++) {
          if (seen[c]) {
            points.add(c);
          }
        }
      }
      return new CharSet(points.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  private static List<int[]> digits() {
    return List.of(new int[] {'0', '9'});
  }

  private static List<int[]> wordChars() {
    return List.of(
        new int[] {'a', 'z'}, new int[] {'A', 'Z'}, new int[] {'0', '9'}, new int[] {'_', '_'});
  }

  private static List<int[]> spaces() {
    return List.of(new int[] {' ', ' '}, new int[] {'\t', '\t'});
  }

  private static List<int[]> complement(List<int[]> ranges) {
    boolean[] in = new boolean[PRINTABLE_LAST + 1];
    for (int[] r : ranges) {
      for (int c = r[0]; c <= r[1] && c <= PRINTABLE_LAST; c++) {
        in[c] = true;
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int c = PRINTABLE_FIRST; c <= PRINTABLE_LAST; c++) {
      if (!in[c]) {
        out.add(new int[] {c, c});
      }
    }
    return out;
  }

  private static final class Parser {
    private final String regex;
    private int pos;

    Parser(String regex) {
      this.regex = regex;
    }

    Node parseAll() {
      Node node = parseAlternation();
      if (pos < regex.length()) {
        throw unsupported("an unbalanced ')'");
      }
      return node;
    }

    private Node parseAlternation() {
      List<Node> options = new ArrayList<>();
      options.add(parseSequence());
      while (pos < regex.length() && regex.charAt(pos) == '|') {
        pos++;
        options.add(parseSequence());
      }
      return options.size() == 1 ? options.get(0) : new Alternation(options);
    }

    private Node parseSequence() {
      List<Node> nodes = new ArrayList<>();
      while (pos < regex.length()) {
        char c = regex.charAt(pos);
        if (c == '|' || c == ')') {
          break;
        }
        Node atom = parseAtom();
        nodes.add(parseQuantifier(atom));
      }
      return new Sequence(nodes);
    }

    private Node parseAtom() {
      char c = regex.charAt(pos);
      switch (c) {
        case '(' -> {
          return parseGroup();
        }
        case '[' -> {
          pos++;
          return parseClass();
        }
        case '.' -> {
          pos++;
          return CharSet.of(List.of(new int[] {'\n', '\n'}), true);
        }
        case '^', '$' -> {
          pos++;
          return new Literal("");
        }
        case '\\' -> {
          return parseEscape();
        }
        case '*', '+', '?' -> throw unsupported("a quantifier '" + c + "' with nothing to repeat");
        default -> {
          int cp = regex.codePointAt(pos);
          pos += Character.charCount(cp);
          return new Literal(new String(Character.toChars(cp)));
        }
      }
    }

    private Node parseGroup() {
      int start = pos;
      pos++;
      Matcher flags = FLAG_GROUP.matcher(regex).region(pos, regex.length());
      if (regex.startsWith("?:", pos)) {
        pos += 2;
      } else if (flags.lookingAt()) {
        pos = flags.end(); // (?m-ix:..), as Ruby writes: the flags do not change what the group
        // generates
      } else if (regex.startsWith("?<", pos)
          && pos + 2 < regex.length()
          && Character.isLetter(regex.charAt(pos + 2))) {
        int close = regex.indexOf('>', pos);
        pos = close + 1;
      } else if (pos < regex.length() && regex.charAt(pos) == '?') {
        pos = start;
        throw unsupported(
            "the group construct '"
                + regex.substring(start, Math.min(regex.length(), start + 4))
                + "' (look-around, flags and atomic groups are not supported)");
      }
      Node inner = parseAlternation();
      if (pos >= regex.length() || regex.charAt(pos) != ')') {
        throw unsupported("an unclosed group");
      }
      pos++;
      return inner;
    }

    private Node parseEscape() {
      int start = pos;
      pos++;
      if (pos >= regex.length()) {
        throw unsupported("a trailing backslash");
      }
      char e = regex.charAt(pos++);
      return switch (e) {
        case 'd' -> CharSet.of(digits(), false);
        case 'D' -> CharSet.of(complement(digits()), false);
        case 'w' -> CharSet.of(wordChars(), false);
        case 'W' -> CharSet.of(complement(wordChars()), false);
        case 's' -> CharSet.of(spaces(), false);
        case 'S' -> CharSet.of(complement(List.of(new int[] {' ', ' '})), false);
        case 'A', 'z', 'Z' -> new Literal("");
        case 'Q' -> {
          int end = regex.indexOf("\\E", pos);
          String quoted = end < 0 ? regex.substring(pos) : regex.substring(pos, end);
          pos = end < 0 ? regex.length() : end + 2;
          yield new Literal(quoted);
        }
        default -> {
          pos = start;
          int cp = parseEscapedChar(false);
          yield new Literal(new String(Character.toChars(cp)));
        }
      };
    }

    /** An escape that stands for one character; {@code pos} at the backslash. */
    private int parseEscapedChar(boolean inClass) {
      int start = pos;
      pos++;
      char e = regex.charAt(pos++);
      switch (e) {
        case 't':
          return '\t';
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 'f':
          return '\f';
        case 'e':
          return 0x1B;
        case 'a':
          return 0x07;
        case '0':
          {
            int end = pos;
            while (end < regex.length()
                && end < pos + 3
                && regex.charAt(end) >= '0'
                && regex.charAt(end) <= '7') {
              end++;
            }
            int v = Integer.parseInt(regex.substring(pos, end), 8);
            pos = end;
            return v;
          }
        case 'x':
          {
            if (pos < regex.length() && regex.charAt(pos) == '{') {
              int close = regex.indexOf('}', pos);
              int v = Integer.parseInt(regex.substring(pos + 1, close), 16);
              pos = close + 1;
              return v;
            }
            int v = Integer.parseInt(regex.substring(pos, pos + 2), 16);
            pos += 2;
            return v;
          }
        case 'u':
          {
            int v = Integer.parseInt(regex.substring(pos, pos + 4), 16);
            pos += 4;
            return v;
          }
        case 'c':
          return regex.charAt(pos++) ^ 64;
        default:
          if (Character.isLetterOrDigit(e)) {
            pos = start;
            String what =
                switch (e) {
                  case 'b', 'B' -> "the word boundary '\\" + e + "'";
                  case 'p', 'P' -> "the Unicode property '\\" + e + "'";
                  case 'G' -> "the anchor '\\G'";
                  case 'k' -> "the named back-reference '\\k'";
                  default ->
                      Character.isDigit(e)
                          ? "the back-reference '\\" + e + "'"
                          : "the escape '\\" + e + "'";
                };
            throw unsupported(what + (inClass ? " in a character class" : ""));
          }
          return e;
      }
    }

    private Node parseClass() {
      int start = pos - 1;
      boolean negated = false;
      if (pos < regex.length() && regex.charAt(pos) == '^') {
        negated = true;
        pos++;
      }
      List<int[]> ranges = new ArrayList<>();
      boolean first = true;
      while (true) {
        if (pos >= regex.length()) {
          pos = start;
          throw unsupported("an unclosed character class");
        }
        char c = regex.charAt(pos);
        if (c == ']' && !first) {
          pos++;
          break;
        }
        first = false;
        if (c == '[' || regex.startsWith("&&", pos)) {
          throw unsupported("nested classes and intersections in a character class");
        }
        int low;
        if (c == '\\') {
          char e = pos + 1 < regex.length() ? regex.charAt(pos + 1) : ' ';
          List<int[]> shorthand =
              switch (e) {
                case 'd' -> digits();
                case 'D' -> complement(digits());
                case 'w' -> wordChars();
                case 'W' -> complement(wordChars());
                case 's' -> spaces();
                case 'S' -> complement(List.of(new int[] {' ', ' '}));
                default -> null;
              };
          if (shorthand != null) {
            ranges.addAll(shorthand);
            pos += 2;
            continue;
          }
          low = parseEscapedChar(true);
        } else {
          low = regex.codePointAt(pos);
          pos += Character.charCount(low);
        }
        int high = low;
        if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
          pos++;
          if (regex.charAt(pos) == '\\') {
            high = parseEscapedChar(true);
          } else {
            high = regex.codePointAt(pos);
            pos += Character.charCount(high);
          }
        }
        ranges.add(new int[] {low, high});
      }
      CharSet set = CharSet.of(ranges, negated);
      if (set.codePoints().length == 0) {
        pos = start;
        throw unsupported("a character class that matches no printable character");
      }
      return set;
    }

    private Node parseQuantifier(Node atom) {
      if (pos >= regex.length()) {
        return atom;
      }
      char c = regex.charAt(pos);
      int min;
      int max;
      switch (c) {
        case '*' -> {
          min = 0;
          max = OPEN_REPEAT;
          pos++;
        }
        case '+' -> {
          min = 1;
          max = 1 + OPEN_REPEAT;
          pos++;
        }
        case '?' -> {
          min = 0;
          max = 1;
          pos++;
        }
        case '{' -> {
          int close = regex.indexOf('}', pos);
          String body = close < 0 ? "" : regex.substring(pos + 1, close);
          if (!body.matches("\\d+(,\\d*)?")) {
            return atom;
          }
          pos = close + 1;
          int comma = body.indexOf(',');
          if (comma < 0) {
            min = Integer.parseInt(body);
            max = min;
          } else {
            min = Integer.parseInt(body.substring(0, comma));
            String hi = body.substring(comma + 1);
            max = hi.isEmpty() ? min + OPEN_REPEAT : Integer.parseInt(hi);
          }
        }
        default -> {
          return atom;
        }
      }
      if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
        pos++;
      }
      return parseQuantifier(new Repeat(atom, min, max));
    }

    private IllegalArgumentException unsupported(String what) {
      return new IllegalArgumentException(
          "the regex '"
              + regex
              + "' uses "
              + what
              + " at index "
              + pos
              + ", which the Regex generator does not support; supported: literals, escapes (\\d \\w \\s ...), '.',"
              + " character classes, groups, alternation and quantifiers");
    }
  }
}
