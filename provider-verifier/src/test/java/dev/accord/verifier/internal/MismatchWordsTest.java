package dev.accord.verifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule, the hint and the request as a failed interaction shows them. */
class MismatchWordsTest {

  private static List<String> described(HttpResponse expected, HttpResponse actual) {
    return Verification.toFailures(
            Matching.matchResponse(expected, actual), expected.matchingRules())
        .stream()
        .map(f -> f.describe(""))
        .toList();
  }

  @Test
  void statusAndHeaderMismatchesNameThePactsRuleOrThatNoneApplies() {
    // GIVEN a pact with a statusCode rule and a regex on one header, and a response breaking both
    // and another header
    MatchingRules rules =
        MatchingRules.builder()
            .add(Category.STATUS, "", new MatchingRule.StatusCode("success", null))
            .add(Category.HEADER, "X-Version", new MatchingRule.Regex("\\d+"))
            .build();
    HttpResponse expected =
        new HttpResponse(
            200,
            Map.of("X-Version", List.of("1"), "X-Region", List.of("eu"), "X-Trace", List.of("t")),
            Body.missing(),
            rules,
            null);
    HttpResponse actual =
        new HttpResponse(
            500,
            Map.of("X-Version", List.of("v2"), "X-Region", List.of("us")),
            Body.missing(),
            null,
            null);

    // WHEN they are matched, THEN each failure names the rule, expected and actual
    assertThat(described(expected, actual))
        .containsExactlyInAnyOrder(
            """
        Response status did not match
          Expected status code 500 to be a Successful response (200–299)
          rule: statusCode
          expected: 200
          actual:   500""",
            """
        Headers had differences
          at X-Version
          Expected 'v2' to match '\\d+'
          rule: regex '\\d+'
          expected: 1
          actual:   v2""",
            """
        Headers had differences
          at X-Region
          Expected header 'X-Region' to have value 'eu' but was 'us'
          rule: equality (no matching rule at this path)
          expected: eu
          actual:   us""",
            """
        Headers had differences
          at X-Trace
          Expected a header 'X-Trace' but was missing
          rule: none (the pact expects it to be present)
          expected: t
          actual:   (missing)""");
  }

  @Test
  void aHintIsGivenOnlyForAnExactValueAndAnActualValueOfTheSameKind() {
    assertThat(MismatchWords.hint(body("\"Widget\"", "\"Gadget\""), Mismatch.NO_RULE))
        .isEqualTo(
            "the pact expects"
                + " exactly this value; if any string will do, the consumer should use like(\"Widget\"), or"
                + " regex(\"...\", \"Widget\") for a format");
    assertThat(MismatchWords.hint(body("true", "false"), Mismatch.NO_RULE))
        .isEqualTo(
            "the pact expects exactly this value; if any boolean will do, the consumer should use like(true)"
                + " or bool(true)");
    assertThat(MismatchWords.hint(body("29.99", "\"29.99\""), Mismatch.NO_RULE)).isNull();
    assertThat(MismatchWords.hint(body("29.99", "24.99"), "type")).isNull();
    assertThat(MismatchWords.hint(body("{\"a\":1}", "{\"a\":2}"), Mismatch.NO_RULE)).isNull();
  }

  private static Mismatch body(String expected, String actual) {
    return new Mismatch(
        dev.accord.pact.matching.MismatchType.BODY,
        "$.a",
        expected,
        actual,
        "differs",
        Mismatch.NO_RULE);
  }

  @Test
  void theRequestSentShowsEveryPartWithCredentialsRedacted() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("q", List.of("shoes"));
    query.put("access_token", List.of("abc"));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Authorization", List.of("Bearer abc"));
    headers.put("Proxy-Authorization", List.of("Basic abc"));
    headers.put("X-Client-Secret", List.of("abc"));
    headers.put("Accept", List.of("application/json"));
    HttpRequest request =
        new HttpRequest(
            "get",
            "/search",
            query,
            headers,
            Body.text("{\"page\":2}", dev.accord.pact.model.ContentType.parse("application/json")),
            null,
            null);

    assertThat(SentRequest.describe(request))
        .isEqualTo(
            """
        request sent: GET /search?q=shoes&access_token=[redacted]
          Authorization: [redacted]
          Proxy-Authorization: [redacted]
          X-Client-Secret: [redacted]
          Accept: application/json
          body: {"page":2}""");
  }
}
