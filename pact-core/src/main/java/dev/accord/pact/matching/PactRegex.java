package dev.accord.pact.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression as a pact carries it, read in the dialect of the Pact tool that wrote it
 * (Rust's {@code regex} crate, Ruby, JavaScript, Java) and translated to {@link java.util.regex} so
 * that it means what it meant there. Every place that compiles a regex from a pact (matching rules,
 * generators, the broker's usage map, the consumer DSL) compiles it here.
 *
 * <p>What is translated:
 *
 * <ul>
 *   <li>{@code {} and {@code }} that are not a quantifier are literal text, as in Ruby, JavaScript
 *       and the Pact Broker's own pacts: {@code http:\/\/.*{pacticipant}.*{branch}};
 *   <li>Ruby's inline flag groups as {@code Regexp#to_s} writes them, {@code (?-mix:...)}, {@code
 *       (?m-ix:...)}: Ruby's {@code m} is Java's {@code s} (dot matches a newline), and Ruby's
 *       {@code ^}/{@code $} always match at line ends (Java's {@code m});
 *   <li>{@code \h} and {@code \H} (Ruby: a hexadecimal digit, Java: horizontal whitespace), {@code
 *       \v} (a vertical tab), <code>&#92;u{...}</code> (JavaScript) and {@code {,n}} (Ruby: {@code
 *       {0,n}});
 *   <li>POSIX bracket classes {@code [[:alpha:]]}, {@code [[:^digit:]]} ... (ASCII, as in Rust);
 *   <li>named groups {@code (?P<name>...)}, {@code (?'name'...)} and names Java refuses ({@code
 *       first_name}), their back-references, and {@code (?#comments)}.
 * </ul>
 *
 * {@code \A}, {@code \z} and {@code \Z} mean the same in Java and are kept.
 *
 * <pre>{@code
 * Pattern p = PactRegex.compile(".*(\\/pacticipants\\/{pacticipant})$");
 * p.matcher("http://broker/pacticipants/{pacticipant}").matches(); // true
 * PactRegex.toJava("(?-mix:\\A\\h+\\z)");                          // "(?m-six:\\A[0-9a-fA-F]+\\z)"
 * }</pre>
 */
public final class PactRegex {
  private static final int CACHE_LIMIT = 10_000;
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
  private static final Pattern FLAGS = Pattern.compile("\\(\\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])");
  private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(,(\\d*))?}");
  private static final Map<String, String> POSIX =
      Map.ofEntries(
          Map.entry("alpha", "a-zA-Z"),
          Map.entry("digit", "0-9"),
          Map.entry("alnum", "a-zA-Z0-9"),
          Map.entry("upper", "A-Z"),
          Map.entry("lower", "a-z"),
          Map.entry("space", " \\t\\n\\x0B\\f\\r"),
          Map.entry("blank", " \\t"),
          Map.entry("xdigit", "0-9a-fA-F"),
          Map.entry("word", "a-zA-Z0-9_"),
          Map.entry("punct", "!-/:-@\\[-`{-~"),
          Map.entry("cntrl", "\\x00-\\x1F\\x7F"),
          Map.entry("print", "\\x20-\\x7E"),
          Map.entry("graph", "\\x21-\\x7E"),
          Map.entry("ascii", "\\x00-\\x7F"));

  private PactRegex() {}

  /**
   * Compiles a pact's regex (cached).
   *
   * @throws PatternSyntaxException when the regex cannot be read in any dialect; its pattern is the
   *     regex as the pact wrote it
   */
  public static Pattern compile(String regex) {
    return compile(regex, 0);
  }

  /**
   * As {@link #compile(String)}, with {@link Pattern} flags (e.g. {@code DOTALL | MULTILINE} for a
   * text body).
   */
  public static Pattern compile(String regex, int flags) {
    Objects.requireNonNull(regex, "regex");
    String key = flags + ":" + regex;
    Pattern cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    Pattern p;
    try {
      p = Pattern.compile(toJava(regex), flags);
    } catch (PatternSyntaxException e) {
      throw new PatternSyntaxException(e.getDescription(), regex, -1);
    }
    if (CACHE.size() > CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(key, p);
    return p;
  }

  /** The regex's {@link java.util.regex} form (unchanged where the dialects agree). */
  public static String toJava(String regex) {
    return new Translation(regex).run();
  }

  /**
   * One pass over the source, tracking character classes and whether the last token can be
   * repeated.
   */
  private static final class Translation {
    private final String s;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> groupNames = new HashMap<>();
    private int i;
    private boolean canRepeat;

    Translation(String s) {
      this.s = s;
    }

    String run() {
      while (i < s.length()) {
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> escape(false);
          case '[' -> characterClass();
          case '(' -> group();
          case ')' -> emit(")", true);
          case '|', '^', '*', '+', '?' -> emit(String.valueOf(c), false);
          case '{' -> brace();
          case '}' -> emit("\\}", true);
          default -> emit(String.valueOf(c), true);
        }
      }
      return out.toString();
    }

    private void emit(String text, boolean repeatable) {
      out.append(text);
      canRepeat = repeatable;
      i++;
    }

    private void brace() {
      Matcher m = QUANTIFIER.matcher(s).region(i, s.length());
      if (canRepeat
          && m.lookingAt()
          && !(m.group(1).isEmpty() && (m.group(2) == null || m.group(3).isEmpty()))) {
        String min = m.group(1).isEmpty() ? "0" : m.group(1);
        out.append('{').append(min).append(m.group(2) == null ? "" : m.group(2)).append('}');
        i = m.end();
        canRepeat = false;
        return;
      }
      out.append("\\{");
      i++;
      canRepeat = true;
    }

    /** An escape at {@code i}; inside a class it must expand to class members only. */
    private void escape(boolean inClass) {
      if (i + 1 >= s.length()) {
        out.append('\\');
        i++;
        return;
      }
      char d = s.charAt(i + 1);
      canRepeat = true;
      switch (d) {
        case 'h' -> {
          out.append(inClass ? "0-9a-fA-F" : "[0-9a-fA-F]");
          i += 2;
        }
        case 'H' -> {
          out.append("[^0-9a-fA-F]");
          i += 2;
        }
        case 'v' -> {
          out.append("\\x0B");
          i += 2;
        }
        case 'u' -> {
          if (i + 2 < s.length() && s.charAt(i + 2) == '{') {
            out.append("\\x");
            i += 2;
            int close = s.indexOf('}', i);
            out.append(s, i, close < 0 ? s.length() : close + 1);
            i = close < 0 ? s.length() : close + 1;
          } else {
            out.append("\\u");
            i += 2;
          }
        }
        case 'Q' -> {
          int end = s.indexOf("\\E", i + 2);
          int stop = end < 0 ? s.length() : end + 2;
          out.append(s, i, stop);
          i = stop;
        }
        case 'k' -> {
          if (i + 2 < s.length() && (s.charAt(i + 2) == '<' || s.charAt(i + 2) == '\'')) {
            char close = s.charAt(i + 2) == '<' ? '>' : '\'';
            int end = s.indexOf(close, i + 3);
            if (end > 0) {
              out.append("\\k<").append(groupName(s.substring(i + 3, end))).append('>');
              i = end + 1;
              return;
            }
          }
          out.append("\\k");
          i += 2;
        }
        case 'p', 'P' -> property(d);
        default -> {
          out.append('\\').append(d);
          i += 2;
        }
      }
    }

    /** {@code \p{Greek}} (Rust) is {@code \p{IsGreek}} in Java; what Java reads already is kept. */
    private void property(char d) {
      if (i + 2 < s.length() && s.charAt(i + 2) == '{') {
        int close = s.indexOf('}', i + 3);
        if (close > 0) {
          String name = s.substring(i + 3, close);
          String java = "\\" + d + "{" + name + "}";
          if (!compiles(java) && compiles("\\" + d + "{Is" + name + "}")) {
            java = "\\" + d + "{Is" + name + "}";
          }
          out.append(java);
          i = close + 1;
          return;
        }
      }
      out.append('\\').append(d);
      i += 2;
    }

    private static boolean compiles(String regex) {
      try {
        Pattern.compile(regex);
        return true;
      } catch (PatternSyntaxException e) {
        return false;
      }
    }

    private void characterClass() {
      out.append('[');
      i++;
      if (i < s.length() && s.charAt(i) == '^') {
        out.append('^');
        i++;
      }
      if (i < s.length() && s.charAt(i) == ']') {
        out.append("\\]"); // a leading ']' is a member in Ruby, Rust and POSIX
        i++;
      }
      int depth = 1;
      while (i < s.length() && depth > 0) {
        char c = s.charAt(i);
        if (c == '\\') {
          escape(true);
        } else if (c == '[' && s.startsWith("[:", i) && posix()) {
          continue;
        } else if (c == '[') {
          depth++;
          out.append(c);
          i++;
        } else if (c == ']') {
          depth--;
          out.append(c);
          i++;
        } else {
          out.append(c);
          i++;
        }
      }
      canRepeat = true;
    }

    /**
     * {@code [:alpha:]} or {@code [:^alpha:]} at {@code i}; false (nothing consumed) when it is not
     * one.
     */
    private boolean posix() {
      int end = s.indexOf(":]", i + 2);
      if (end < 0) {
        return false;
      }
      String name = s.substring(i + 2, end);
      boolean negated = name.startsWith("^");
      String members = POSIX.get(negated ? name.substring(1) : name);
      if (members == null) {
        return false;
      }
      out.append(negated ? "[^" + members + "]" : members);
      i = end + 2;
      return true;
    }

    private void group() {
      if (!s.startsWith("(?", i)) {
        emit("(", false);
        return;
      }
      if (s.startsWith("(?#", i)) {
        int end = s.indexOf(')', i);
        i = end < 0 ? s.length() : end + 1;
        return;
      }
      if (s.startsWith("(?P<", i)
          || s.startsWith("(?'", i)
          || (s.startsWith("(?<", i)
              && i + 3 < s.length()
              && s.charAt(i + 3) != '='
              && s.charAt(i + 3) != '!')) {
        int start = s.indexOf(s.startsWith("(?'", i) ? '\'' : '<', i) + 1;
        int end = s.indexOf(s.startsWith("(?'", i) ? '\'' : '>', start);
        if (end > start) {
          out.append("(?<").append(groupName(s.substring(start, end))).append('>');
          i = end + 1;
          canRepeat = false;
          return;
        }
      }
      if (s.startsWith("(?P=", i)) {
        int end = s.indexOf(')', i);
        if (end > 0) {
          out.append("\\k<").append(groupName(s.substring(i + 4, end))).append('>');
          i = end + 1;
          canRepeat = true;
          return;
        }
      }
      Matcher flags = FLAGS.matcher(s).region(i, s.length());
      if (flags.lookingAt()
          && flags.group(2) != null
          && isRubyFlags(flags.group(1), flags.group(2))) {
        String on = flags.group(1);
        String off = flags.group(2);
        // Ruby: m = dot matches newline (Java s); ^ and $ always match at line ends (Java m)
        String javaOn = "m" + on.replace("m", "s");
        String javaOff = off.replace("m", "s");
        out.append("(?")
            .append(javaOn)
            .append(javaOff.isEmpty() ? "" : "-" + javaOff)
            .append(flags.group(3));
        i = flags.end();
        canRepeat = false;
        return;
      }
      emit("(", false);
    }

    /** The form Ruby's {@code Regexp#to_s} writes: every one of m, i, x, either on or off. */
    private static boolean isRubyFlags(String on, String off) {
      String all = on + off;
      return all.length() == 3
          && all.chars().allMatch(ch -> ch == 'm' || ch == 'i' || ch == 'x')
          && all.chars().distinct().count() == 3;
    }

    /** Java group names are letters then letters or digits. */
    private String groupName(String name) {
      return groupNames.computeIfAbsent(
          name,
          n -> {
            String clean = n.replaceAll("[^A-Za-z0-9]", "");
            if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
              clean = "g" + clean;
            }
            String candidate = clean;
            int suffix = 2;
            while (groupNames.containsValue(candidate)) {
              candidate = clean + suffix++;
            }
            return candidate;
          });
    }
  }
}
