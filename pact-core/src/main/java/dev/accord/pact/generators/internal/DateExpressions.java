package dev.accord.pact.generators.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code expression} language of the {@code Date}, {@code Time} and {@code DateTime}
 * generators.
 *
 * <pre>
 * date      := [today | now | yesterday | tomorrow] { (+|-) N (day|week|fortnight|month|year)[s]
 *                                                    | (next|last) (day|week|fortnight|month|year|monday..sunday|january..december) }
 * time      := [now | midnight | noon | N (am|pm) | N o'clock] { (+|-) N (hour|minute|second|millisecond)[s]
 *                                                               | (next|last) (hour|minute|second) }
 * date-time := date [@ time] | time
 * </pre>
 *
 * Examples: {@code today + 1 day}, {@code next week}, {@code last friday}, {@code 2 pm + 30
 * minutes}, {@code now @ midnight + 2 hours}, {@code tomorrow @ noon}. Names are case-insensitive;
 * an empty expression is the base. Errors are {@link IllegalArgumentException}s naming the
 * unexpected word and what was expected there.
 */
public final class DateExpressions {
  private DateExpressions() {}

  /** Applies a date expression to the date part of {@code base}; the time of day is kept. */
  public static ZonedDateTime date(String expression, ZonedDateTime base) {
    Tokens t = new Tokens(expression);
    ZonedDateTime result = evalDate(t, base);
    t.expectEnd("a date operation such as '+ 1 day' or 'next week'");
    return result;
  }

  /** Applies a time expression to the time of day of {@code base}; the date may roll over. */
  public static ZonedDateTime time(String expression, ZonedDateTime base) {
    Tokens t = new Tokens(expression);
    ZonedDateTime result = evalTime(t, base);
    t.expectEnd("a time operation such as '+ 2 hours' or 'next hour'");
    return result;
  }

  /** {@code <date> @ <time>}, a date expression alone, or a time expression alone. */
  public static ZonedDateTime dateTime(String expression, ZonedDateTime base) {
    int at = expression.indexOf('@');
    if (at >= 0) {
      ZonedDateTime day = date(expression.substring(0, at), base);
      return time(expression.substring(at + 1), day);
    }
    try {
      return date(expression, base);
    } catch (IllegalArgumentException dateProblem) {
      try {
        return time(expression, base);
      } catch (IllegalArgumentException timeProblem) {
        throw new IllegalArgumentException(
            dateProblem.getMessage()
                + "; read as a time expression: "
                + timeProblem.getMessage()
                + ". A date-time expression is '<date> @ <time>', e.g. 'today + 1 day @ noon'");
      }
    }
  }

  private static ZonedDateTime evalDate(Tokens t, ZonedDateTime base) {
    ZonedDateTime value = base;
    String first = t.peek();
    if (first != null) {
      switch (first) {
        case "now", "today" -> t.next();
        case "yesterday" -> {
          t.next();
          value = value.minusDays(1);
        }
        case "tomorrow" -> {
          t.next();
          value = value.plusDays(1);
        }
        default -> {}
      }
    }
    while (t.peek() != null) {
      String op = t.next();
      switch (op) {
        case "+", "-" -> {
          long n = t.number("a number after '" + op + "'");
          String unit = t.word("a date unit (day, week, fortnight, month, year)");
          long amount = op.equals("+") ? n : -n;
          value =
              switch (singular(unit)) {
                case "day" -> value.plusDays(amount);
                case "week" -> value.plusWeeks(amount);
                case "fortnight" -> value.plusWeeks(2 * amount);
                case "month" -> value.plusMonths(amount);
                case "year" -> value.plusYears(amount);
                default -> throw t.error(unit, "a date unit (day, week, fortnight, month, year)");
              };
        }
        case "next", "last" -> {
          String what = t.word("day, week, fortnight, month, year, a weekday or a month name");
          value = nextOrLastDate(t, value, op.equals("next"), what);
        }
        default ->
            throw t.error(
                op, "'+', '-', 'next' or 'last' (or a base: today, now, yesterday, tomorrow)");
      }
    }
    return value;
  }

  private static ZonedDateTime nextOrLastDate(
      Tokens t, ZonedDateTime value, boolean next, String what) {
    int sign = next ? 1 : -1;
    switch (what) {
      case "day":
        return value.plusDays(sign);
      case "week":
        return value.plusWeeks(sign);
      case "fortnight":
        return value.plusWeeks(2L * sign);
      case "month":
        return value.plusMonths(sign);
      case "year":
        return value.plusYears(sign);
      default:
        break;
    }
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).equals(what)) {
        return value.with(next ? TemporalAdjusters.next(d) : TemporalAdjusters.previous(d));
      }
    }
    for (Month m : Month.values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(what)) {
        int diff = m.getValue() - value.getMonthValue();
        if (next && diff <= 0) {
          diff += 12;
        } else if (!next && diff >= 0) {
          diff -= 12;
        }
        return value.plusMonths(diff);
      }
    }
    throw t.error(
        what,
        "day, week, fortnight, month, year, a weekday (monday..sunday) or a month (january..december)");
  }

  private static ZonedDateTime evalTime(Tokens t, ZonedDateTime base) {
    ZonedDateTime value = base;
    String first = t.peek();
    if (first != null) {
      if (first.equals("now")) {
        t.next();
      } else if (first.equals("midnight")) {
        t.next();
        value = value.with(LocalTime.MIDNIGHT);
      } else if (first.equals("noon")) {
        t.next();
        value = value.with(LocalTime.NOON);
      } else if (Character.isDigit(first.charAt(0))) {
        long hour = t.number("an hour");
        String suffix = t.word("'am', 'pm' or \"o'clock\" after the hour");
        int h =
            switch (suffix) {
              case "am" -> checkHour(t, hour, 12) % 12;
              case "pm" -> checkHour(t, hour, 12) % 12 + 12;
              case "o'clock" -> checkHour(t, hour, 23);
              default -> throw t.error(suffix, "'am', 'pm' or \"o'clock\" after the hour");
            };
        value = value.with(LocalTime.of(h, 0));
      }
    }
    while (t.peek() != null) {
      String op = t.next();
      switch (op) {
        case "+", "-" -> {
          long n = t.number("a number after '" + op + "'");
          String unit = t.word("a time unit (hour, minute, second, millisecond)");
          long amount = op.equals("+") ? n : -n;
          value = value.plus(amount, timeUnit(t, unit));
        }
        case "next", "last" -> {
          String unit = t.word("hour, minute or second");
          value = value.plus(op.equals("next") ? 1 : -1, timeUnit(t, unit));
        }
        default ->
            throw t.error(op, "'+', '-', 'next' or 'last' (or a base: now, midnight, noon, 2 pm)");
      }
    }
    return value;
  }

  private static int checkHour(Tokens t, long hour, int max) {
    if (hour < (max == 12 ? 1 : 0) || hour > max) {
      throw t.error(Long.toString(hour), "an hour between " + (max == 12 ? 1 : 0) + " and " + max);
    }
    return (int) hour;
  }

  private static ChronoUnit timeUnit(Tokens t, String unit) {
    return switch (singular(unit)) {
      case "hour" -> ChronoUnit.HOURS;
      case "minute" -> ChronoUnit.MINUTES;
      case "second" -> ChronoUnit.SECONDS;
      case "millisecond" -> ChronoUnit.MILLIS;
      default -> throw t.error(unit, "a time unit (hour, minute, second, millisecond)");
    };
  }

  private static String singular(String unit) {
    return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
  }

  /**
   * Words, numbers and the operators {@code + -}, lower-cased; {@code 2pm} splits into {@code 2
   * pm}.
   */
  private static final class Tokens {
    private final String expression;
    private final List<String> tokens = new ArrayList<>();
    private int index;

    Tokens(String expression) {
      this.expression = expression == null ? "" : expression.trim();
      String s = this.expression.toLowerCase(Locale.ROOT);
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '+' || c == '-') {
          tokens.add(String.valueOf(c));
          i++;
        } else if (Character.isDigit(c)) {
          int j = i;
          while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
          }
          tokens.add(s.substring(i, j));
          i = j;
        } else {
          int j = i;
          while (j < s.length()
              && !Character.isWhitespace(s.charAt(j))
              && "+-".indexOf(s.charAt(j)) < 0
              && !Character.isDigit(s.charAt(j))) {
            j++;
          }
          tokens.add(s.substring(i, j));
          i = j;
        }
      }
    }

    String peek() {
      return index < tokens.size() ? tokens.get(index) : null;
    }

    String next() {
      return tokens.get(index++);
    }

    long number(String expected) {
      String tok = peek();
      if (tok == null || !Character.isDigit(tok.charAt(0))) {
        throw error(tok, expected);
      }
      index++;
      return Long.parseLong(tok);
    }

    String word(String expected) {
      String tok = peek();
      if (tok == null || Character.isDigit(tok.charAt(0)) || tok.equals("+") || tok.equals("-")) {
        throw error(tok, expected);
      }
      index++;
      return tok;
    }

    void expectEnd(String expected) {
      if (peek() != null) {
        throw error(peek(), expected);
      }
    }

    IllegalArgumentException error(String found, String expected) {
      return new IllegalArgumentException(
          "in the expression '"
              + expression
              + "', expected "
              + expected
              + " but found "
              + (found == null ? "the end" : "'" + found + "'"));
    }
  }
}
