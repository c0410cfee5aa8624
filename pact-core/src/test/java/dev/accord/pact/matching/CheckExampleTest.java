package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.MatchingRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An example against its own rule, in the engine's words. */
class CheckExampleTest {

  private static List<String> check(MatchingRule rule, String json) {
    return Matching.checkExample(rule, Json.parse(json)).stream().map(Mismatch::toString).toList();
  }

  @Test
  void aSemverPreReleaseWithALeadingZeroIsRefused() {
    assertThat(check(new MatchingRule.Semver(), "\"1.2.3-01\""))
        .containsExactly("body $: '1.2.3-01' is not a valid semantic version");
    assertThat(check(new MatchingRule.Semver(), "\"1.2.3-rc.1+build.5\"")).isEmpty();
  }

  @Test
  void statusClassesAreReadInEverySpellingTheEngineReads() {
    assertThat(check(new MatchingRule.StatusCode("client_error", null), "404")).isEmpty();
    assertThat(check(new MatchingRule.StatusCode("clientError", null), "500"))
        .containsExactly(
            "body $: Expected status code 500 to be a Client Error response (400\u2013499)");
    assertThat(check(new MatchingRule.StatusCode("teapot", null), "418"))
        .containsExactly(
            "body $: Unknown status"
                + " class 'teapot' in the statusCode matcher; use one of info, success, redirect, clientError, serverError,"
                + " nonError, error, or a list of status codes");
  }

  @Test
  void aStatusClassIsNamedInAnySpellingAndSaysWhatItContains() {
    assertThat(StatusClass.named("client_error")).contains(StatusClass.CLIENT_ERROR);
    assertThat(StatusClass.named("CLIENT-ERROR")).contains(StatusClass.CLIENT_ERROR);
    assertThat(StatusClass.named("teapot")).isEmpty();
    assertThat(StatusClass.NON_ERROR.contains(399)).isTrue();
    assertThat(StatusClass.NON_ERROR.contains(400)).isFalse();
    assertThat(StatusClass.ERROR.words()).isEqualTo("error (400 and above)");
  }

  @Test
  void containerRulesApplyAsInAPact() {
    assertThat(check(new MatchingRule.Type(2, null), "[1]"))
        .containsExactly("body $: Expected [1] (size 1) to have minimum size of 2");
    assertThat(check(new MatchingRule.Type(3, 1), "[1]"))
        .containsExactly(
            "body $: The maximum size 1 of the type matcher is below its minimum size 3; give min <= max");
    assertThat(
            check(
                new MatchingRule.EachKey(List.of(new MatchingRule.Regex("[a-z]+")), null),
                "{\"EN\": 1}"))
        .containsExactly("body $.EN: Expected 'EN' to match '[a-z]+'");
    assertThat(
            check(
                new MatchingRule.EachValue(List.of(new MatchingRule.IntegerType()), null), "\"x\""))
        .containsExactly(
            "body $: The eachValue matcher applies to a map or a list, but the example is 'x' (String)");
  }

  @Test
  void aRuleNoValueCanSatisfyIsReported() {
    assertThat(check(new MatchingRule.Regex("[a-z"), "\"abc\""))
        .singleElement()
        .asString()
        .isEqualTo(
            "body $: The regex rule's regular expression '[a-z' cannot be read (Unclosed character class); fix the"
                + " regex matcher in the pact");
    assertThat(check(new MatchingRule.Date("yyyy-qq-bb"), "\"2024-01-01\""))
        .singleElement()
        .asString()
        .startsWith(
            "body $: The date format 'yyyy-qq-bb' is not a valid DateTimeFormatter pattern");
  }

  @Test
  void matchValueComparesAnActualValueWithThePactsExample() {
    assertThat(Matching.matchValue(MatchingRule.Type.any(), Json.parse("\"a\""), Json.parse("1")))
        .extracting(Mismatch::description)
        .containsExactly("Expected 1 (Integer) to be the same type as 'a' (String)");
    assertThat(PactRegex.compile("\\d+").matcher("42").matches()).isTrue();
  }
}
