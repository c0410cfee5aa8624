package dev.accord.pact.generators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\d{1,8}",
        "[a-zA-Z]+",
        "[^0-9]{3}",
        "(foo|bar)baz?",
        "\\w+@\\w+\\.com",
        "^\\s*\\S+$",
        "(?:ab)*c{2,}",
        "(?<year>\\d{4})-(0[1-9]|1[0-2])",
        "\\Q.*\\E\\.",
        "[\\d\\-_.]{5}",
        "\\x41\\u0042\\t",
        "[A-Z]{2}\\d{3}[-/]?x*?",
        "\\/\\w{3}\\/\\d{3}",
        "\\\\d",
        "a|b|c|",
        "[\\w&&]?z"
      })
  void generates_full_matches(String regex) {
    if (regex.contains("&&")) {
      assertThatThrownBy(() -> RegexValues.generate(regex, new Random(1)))
          .hasMessageContaining("nested classes and intersections in a character class");
      return;
    }
    for (int seed = 0; seed < 25; seed++) {
      assertThat(RegexValues.generate(regex, new Random(seed))).matches(regex);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"(?=a)b", "(a)\\1", "\\bword\\b", "\\p{Alpha}", "(?i)abc"})
  void unsupportedConstructsAreRefusedByName(String regex) {
    assertThatThrownBy(() -> RegexValues.generate(regex, new Random(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the regex '" + regex + "' uses ")
        .hasMessageContaining("which the Regex generator does not support");
  }

  @org.junit.jupiter.api.Test
  void a_regex_that_does_not_compile_is_reported() {
    assertThatThrownBy(() -> RegexValues.generate("[a-", new Random(1)))
        .hasMessageStartingWith("the regex '[a-' does not compile: ");
  }
}
