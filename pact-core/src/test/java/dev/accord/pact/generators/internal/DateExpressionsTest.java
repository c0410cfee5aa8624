package dev.accord.pact.generators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateExpressionsTest {
  /** A Wednesday. */
  private static final ZonedDateTime BASE = ZonedDateTime.parse("2026-01-28T10:15:30Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                 | 2026-01-28",
        "today              | 2026-01-28",
        "now                | 2026-01-28",
        "yesterday          | 2026-01-27",
        "tomorrow           | 2026-01-29",
        "today + 1 day      | 2026-01-29",
        "today - 2 days     | 2026-01-26",
        "+ 3 weeks          | 2026-02-18",
        "today + 1 month    | 2026-02-28",
        "today - 1 year     | 2025-01-28",
        "next week          | 2026-02-04",
        "last month         | 2025-12-28",
        "next fortnight     | 2026-02-11",
        "next monday        | 2026-02-02",
        "last wednesday     | 2026-01-21",
        "next january       | 2027-01-28",
        "last march         | 2025-03-28",
        "TOMORROW + 1 Day   | 2026-01-30",
      })
  void date_expressions(String expression, String expected) {
    assertThat(DateExpressions.date(expression, BASE).toLocalDate()).hasToString(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "now                  | 10:15:30",
        "midnight             | 00:00",
        "noon                 | 12:00",
        "2 pm                 | 14:00",
        "12 am                | 00:00",
        "12pm                 | 12:00",
        "9 o'clock            | 09:00",
        "now + 2 hours        | 12:15:30",
        "midnight + 90 minutes| 01:30",
        "noon - 1 second      | 11:59:59",
        "next hour            | 11:15:30",
        "last minute          | 10:14:30",
      })
  void time_expressions(String expression, String expected) {
    assertThat(DateExpressions.time(expression, BASE).toLocalTime()).hasToString(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "today @ midnight                 | 2026-01-28T00:00Z",
        "now @ midnight + 2 hours         | 2026-01-28T02:00Z",
        "today + 1 day @ noon             | 2026-01-29T12:00Z",
        "tomorrow                         | 2026-01-29T10:15:30Z",
        "now + 3 hours                    | 2026-01-28T13:15:30Z",
        "yesterday @ 11 pm + 2 hours      | 2026-01-28T01:00Z",
      })
  void date_time_expressions(String expression, String expected) {
    assertThat(DateExpressions.dateTime(expression, BASE)).hasToString(expected);
  }

  @org.junit.jupiter.api.Test
  void errors_name_the_word_and_what_was_expected() {
    assertThatThrownBy(() -> DateExpressions.date("today plus 1 day", BASE))
        .hasMessage(
            "in the expression 'today plus 1 day', expected '+', '-', 'next' or 'last' (or a base: today, now,"
                + " yesterday, tomorrow) but found 'plus'");
    assertThatThrownBy(() -> DateExpressions.time("13 pm", BASE))
        .hasMessage("in the expression '13 pm', expected an hour between 1 and 12 but found '13'");
    assertThatThrownBy(() -> DateExpressions.date("today +", BASE))
        .hasMessage("in the expression 'today +', expected a number after '+' but found the end");
    assertThatThrownBy(() -> DateExpressions.dateTime("whenever", BASE))
        .hasMessageContaining("A date-time expression is '<date> @ <time>'");
  }
}
