package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.generators.internal.RegexValues;
import java.util.Random;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regexes as the Pact tools that wrote them read them (Rust, Ruby, JavaScript), translated to
 * java.util.regex.
 */
class PactRegexTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      # the Pact Broker's own pacts: braces that are not a quantifier are literal text
      http:\\/\\/.*{pacticipant}.*{branch}         | http://broker/pacticipants/{pacticipant}/branches/{branch} | true
      http:\\/\\/.*{pacticipant}.*{branch}         | http://broker/pacticipants/foo/branches/main            | false
      .*(\\/pacticipants\\/{pacticipant})$         | http://broker/pacticipants/{pacticipant}                | true
      {x}                                        | {x}                                                     | true
      a{b,c}                                     | a{b,c}                                                  | true
      a{}                                        | a{}                                                     | true
      # real quantifiers stay quantifiers, Ruby's {,n} is {0,n}
      \\d{3}                                     | 123                                                     | true
      \\d{3}                                     | 1234                                                    | false
      \\d{2,}                                    | 12345                                                   | true
      a{,2}                                      | aa                                                      | true
      a{,2}                                      | aaa                                                     | false
      # Ruby's Regexp#to_s: m is dot-all, ^ and $ match at line ends
      (?-mix:\\A\\d+\\z)                         | 42                                                      | true
      (?-mix:a.b)                                | "a\nb"                                                  | false
      (?m-ix:a.b)                                | "a\nb"                                                  | true
      (?i-mx:abc)                                | ABC                                                     | true
      (?-mix:^a$\\n^b$)                          | "a\nb"                                                  | true
      # anchors Ruby and Rust write
      \\Aabc\\z                                  | abc                                                     | true
      \\Aabc\\Z                                  | abc                                                     | true
      \\Aabc\\z                                  | "abc\n"                                                 | false
      # Ruby's \\h is a hex digit (Java's would be horizontal space)
      \\h+                                       | 0fA9                                                    | true
      \\h+                                       | " "                                                     | false
      [\\hx]+                                    | 0fx                                                     | true
      \\H                                        | g                                                       | true
      # POSIX classes, ASCII as in Rust
      [[:alpha:]]+                               | abcXYZ                                                  | true
      [[:alpha:]]+                               | abc1                                                    | false
      [[:^digit:]]+                              | abc                                                     | true
      [[:alnum:]_-]+                             | a_1-b                                                   | true
      [[:xdigit:]]{4}                            | beef                                                    | true
      [[:space:]]                                | " "                                                     | true
      [[:punct:]]+                               | !{}~                                                    | true
      # named groups and back-references in the other dialects' forms
      (?P<first_name>\\w+)-(?P=first_name)       | ab-ab                                                   | true
      (?P<first_name>\\w+)-(?P=first_name)       | ab-cd                                                   | false
      (?<a_1>x)\\k<a_1>                          | xx                                                      | true
      # comments, \\u{..} (JavaScript) and \\v (a vertical tab)
      a(?#the letter a)b                         | ab                                                      | true
      \\u{41}                                    | A                                                       | true
      """)
  void aRegexMeansWhatItMeantInTheDialectThatWroteIt(String regex, String value, boolean matches) {
    String actual = value.replace("\\n", "\n");

    assertThat(PactRegex.compile(regex).matcher(actual).matches())
        .as("%s (Java: %s) against '%s'", regex, PactRegex.toJava(regex), value)
        .isEqualTo(matches);
  }

  @Test
  void aJavaRegexIsKeptAsItIs() {
    for (String regex :
        new String[] {
          "\\d+",
          "[a-z&&[^e]]+",
          "(?i)abc",
          "a{2,3}?",
          "(?<name>x)\\k<name>",
          "\\p{Alpha}+",
          "\\Q{x}\\E",
          "[{}]"
        }) {
      assertThat(PactRegex.toJava(regex)).as(regex).isEqualTo(regex);
    }
  }

  @Test
  void rubyToSFlagsBecomeTheirJavaMeaning() {
    assertThat(PactRegex.toJava("(?-mix:\\A\\h+\\z)")).isEqualTo("(?m-six:\\A[0-9a-fA-F]+\\z)");
    assertThat(PactRegex.toJava("(?m-ix:.*)")).isEqualTo("(?ms-ix:.*)");
  }

  @Test
  void aRegexNoDialectReadsFailsNamingTheRegexAsThePactWroteIt() {
    assertThatThrownBy(() -> PactRegex.compile("(abc{x}"))
        .isInstanceOf(PatternSyntaxException.class)
        .satisfies(e -> assertThat(((PatternSyntaxException) e).getPattern()).isEqualTo("(abc{x}"))
        .satisfies(
            e ->
                assertThat(((PatternSyntaxException) e).getDescription())
                    .isEqualTo("Unclosed group"));
  }

  @Test
  void theRegexGeneratorReadsTheSameDialects() {
    String value = RegexValues.generate("(?-mix:\\A[[:digit:]]{3}-\\h{2}-{id}\\z)", new Random(7));

    assertThat(value).matches("\\d{3}-[0-9a-fA-F]{2}-\\{id}");
  }
}
