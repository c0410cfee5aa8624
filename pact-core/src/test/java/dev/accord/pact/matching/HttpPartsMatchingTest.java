package dev.accord.pact.matching;

import static dev.accord.pact.matching.MatchingFixtures.described;
import static dev.accord.pact.matching.MatchingFixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Method, path, query, headers (spec 2.7, 2.8) and status. */
class HttpPartsMatchingTest {

  private static HttpRequest get(String path) {
    return HttpRequest.of("GET", path);
  }

  private static Map<String, List<String>> query(String... pairs) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    for (String pair : pairs) {
      String[] kv = pair.split("=", 2);
      q.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>()).add(kv[1]);
    }
    return q;
  }

  private static Map<String, List<String>> headers(String... nameValues) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      h.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
    }
    return h;
  }

  private static List<Mismatch> requestHeaders(
      Map<String, List<String>> expected, Map<String, List<String>> actual) {
    return Matching.matchRequest(get("/").withHeaders(expected), get("/").withHeaders(actual));
  }

  @Test
  void methodIsCaseInsensitive() {
    assertThat(Matching.matchRequest(HttpRequest.of("GET", "/"), HttpRequest.of("get", "/")))
        .isEmpty();
  }

  @Test
  void differentMethodIsAMethodMismatch() {
    List<Mismatch> m =
        Matching.matchRequest(HttpRequest.of("GET", "/"), HttpRequest.of("POST", "/"));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.METHOD);
              assertThat(x.description()).isEqualTo("Expected method 'GET' but received 'POST'");
            });
  }

  @Test
  void pathIsExactAndTrailingSlashMatters() {
    assertThat(Matching.matchRequest(get("/a"), get("/a"))).isEmpty();
    assertThat(described(Matching.matchRequest(get("/a"), get("/a/"))))
        .containsExactly(" -> Expected path '/a' but received '/a/'");
    assertThat(Matching.matchRequest(get("/a"), get("/A"))).hasSize(1);
  }

  @Test
  void pathRegexRuleOverridesEquality() {
    HttpRequest expected =
        get("/aaa/100/")
            .withMatchingRules(
                rules(Category.PATH, "", new MatchingRule.Regex("/[a-zA-Z]+/\\d+/?")));
    assertThat(Matching.matchRequest(expected, get("/XYZ/123"))).isEmpty();
    assertThat(Matching.matchRequest(expected, get("/XYZ/abc")))
        .singleElement()
        .satisfies(x -> assertThat(x.type()).isEqualTo(MismatchType.PATH));
  }

  @Test
  void queryParametersMayComeInAnyOrder() {
    assertThat(
            Matching.matchRequest(
                get("/").withQuery(query("a=1", "b=2")), get("/").withQuery(query("b=2", "a=1"))))
        .isEmpty();
  }

  @Test
  void missingAndUnexpectedQueryParametersAreReported() {
    List<Mismatch> m =
        Matching.matchRequest(
            get("/").withQuery(query("a=1", "b=2")), get("/").withQuery(query("a=1", "c=3")));
    assertThat(m).extracting(Mismatch::type).containsOnly(MismatchType.QUERY);
    assertThat(m)
        .extracting(Mismatch::description)
        .containsExactly(
            "Expected query parameter 'b' but was missing",
            "Unexpected query parameter 'c' received");
    assertThat(m).extracting(Mismatch::path).containsExactly("b", "c");
  }

  @Test
  void repeatedQueryValuesCompareByPositionAndCount() {
    assertThat(
            described(
                Matching.matchRequest(
                    get("/").withQuery(query("a=1", "a=2")),
                    get("/").withQuery(query("a=2", "a=1")))))
        .containsExactly(
            "a -> Expected query parameter 'a' with value '1' but was '2'",
            "a -> Expected query parameter 'a' with value '2' but was '1'");
    assertThat(
            described(
                Matching.matchRequest(
                    get("/").withQuery(query("a=1", "a=2")), get("/").withQuery(query("a=1")))))
        .containsExactly(
            "a -> Expected query parameter 'a' with 2 value(s) [1, 2] but received 1 value(s) [1]");
  }

  @Test
  void queryValuesMayContainEqualsSigns() {
    assertThat(
            Matching.matchRequest(
                get("/").withQuery(query("a=x=y")), get("/").withQuery(query("a=x=y"))))
        .isEmpty();
  }

  @Test
  void queryRuleAppliesToEveryRepeatedValue() {
    HttpRequest expected =
        get("/")
            .withQuery(query("a=1", "b=2"))
            .withMatchingRules(rules(Category.QUERY, "a", new MatchingRule.Regex("\\d{1,4}")));
    assertThat(Matching.matchRequest(expected, get("/").withQuery(query("a=123", "b=2", "a=9999"))))
        .isEmpty();
    assertThat(
            described(
                Matching.matchRequest(
                    expected, get("/").withQuery(query("a=123", "b=2", "a=9999X")))))
        .containsExactly("a -> Expected '9999X' to match '\\d{1,4}'");
  }

  @Test
  void numberMatchersCoerceQueryAndHeaderValuesFromStrings() {
    var rules =
        dev.accord.pact.model.MatchingRules.builder()
            .add(Category.QUERY, "a", new MatchingRule.NumberType())
            .add(Category.HEADER, "X-A", new MatchingRule.IntegerType())
            .build();
    HttpRequest expected =
        get("/")
            .withQuery(query("a=1234"))
            .withHeaders(headers("X-A", "1234"))
            .withMatchingRules(rules);
    assertThat(
            Matching.matchRequest(
                expected, get("/").withQuery(query("a=100.2")).withHeaders(headers("X-A", "100"))))
        .isEmpty();
    assertThat(
            described(
                Matching.matchRequest(
                    expected,
                    get("/").withQuery(query("a=x")).withHeaders(headers("X-A", "100.5")))))
        .containsExactly(
            "a -> Expected 'x' (String) to be a number",
            "X-A -> Expected '100.5' (String) to be an integer");
  }

  @Test
  void decimalMatcherCoercesFromStringsInQueries() {
    HttpRequest expected =
        get("/")
            .withQuery(query("a=1234.0"))
            .withMatchingRules(rules(Category.QUERY, "a", new MatchingRule.DecimalType()));
    assertThat(Matching.matchRequest(expected, get("/").withQuery(query("a=100.2")))).isEmpty();
    assertThat(Matching.matchRequest(expected, get("/").withQuery(query("a=100")))).hasSize(1);
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    assertThat(
            requestHeaders(headers("X-TEST", "Compatibility"), headers("x-test", "Compatibility")))
        .isEmpty();
  }

  @Test
  void headerValuesAreCaseSensitive() {
    assertThat(
            requestHeaders(headers("X-TEST", "Compatibility"), headers("X-TEST", "compatibility")))
        .hasSize(1);
  }

  @Test
  void missingHeaderIsReportedWithItsName() {
    List<Mismatch> m =
        requestHeaders(headers("X-TEST", "Compatibility"), headers("X-OTHER", "Something"));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.HEADER);
              assertThat(x.path()).isEqualTo("X-TEST");
              assertThat(x.description()).isEqualTo("Expected a header 'X-TEST' but was missing");
            });
  }

  @Test
  void extraHeadersAreAllowed() {
    assertThat(requestHeaders(headers("A", "1"), headers("A", "1", "B", "2"))).isEmpty();
  }

  @Test
  void commaSeparatedValuesAreSplitAndWhitespaceIgnored() {
    assertThat(requestHeaders(headers("X-List", "a, b,c"), headers("X-List", "a,b, c"))).isEmpty();
    assertThat(requestHeaders(headers("X-List", "a, b"), headers("X-List", "a", "X-List", "b")))
        .isEmpty();
    assertThat(described(requestHeaders(headers("X-List", "a, b"), headers("X-List", "b, a"))))
        .containsExactly("X-List -> Expected header 'X-List' to have value 'a, b' but was 'b, a'");
  }

  @Test
  void dateHeadersAreNotSplitOnCommas() {
    assertThat(
            requestHeaders(
                headers("Date", "Tue, 15 Nov 1994 08:12:31 GMT"),
                headers("Date", "Tue,15 Nov 1994 08:12:31 GMT")))
        .hasSize(1);
  }

  @Test
  void repeatedSingleValueHeaderEqualsItsCommaJoinedForm() {
    assertThat(
            requestHeaders(
                headers("Link", "<a>; rel=first, <b>; rel=next"),
                headers("Link", "<a>; rel=first", "Link", "<b>; rel=next")))
        .isEmpty();
  }

  @Test
  void contentTypeWithTheSameCharsetInAnotherCaseMatches() {
    assertThat(
            requestHeaders(
                headers("content-type", "application/json;charset=UTF-8"),
                headers("Content-Type", "application/json;charset=utf-8")))
        .isEmpty();
  }

  @Test
  void contentTypeMayHaveExtraParameters() {
    assertThat(
            requestHeaders(
                headers("content-type", "application/json"),
                headers("content-type", "application/json;charset=UTF-8")))
        .isEmpty();
  }

  @Test
  void contentTypeMissingTheExpectedCharsetFails() {
    assertThat(
            described(
                requestHeaders(
                    headers("content-type", "application/json;charset=UTF-8"),
                    headers("content-type", "application/json"))))
        .containsExactly(
            "content-type -> Expected header "
                + "'content-type' to have value 'application/json;charset=UTF-8' but was 'application/json'");
  }

  @Test
  void contentTypeWithADifferentCharsetFails() {
    assertThat(
            described(
                requestHeaders(
                    headers("content-type", "application/json;charset=UTF-16"),
                    headers("content-type", "application/json;charset=UTF-8"))))
        .containsExactly(
            "content-type -> Expected "
                + "header 'content-type' to have value 'application/json;charset=UTF-16' but was 'application/json;charset=UTF-8'");
  }

  @Test
  void acceptMayHaveExtraQualityParameters() {
    assertThat(
            requestHeaders(
                headers(
                    "accept", "text/html, application/xhtml+xml, application/xml, image/webp, */*"),
                headers(
                    "accept",
                    "text/html, application/xhtml+xml, application/xml;q=0.9, image/webp, */*;q=0.8")))
        .isEmpty();
  }

  @Test
  void acceptMissingAMediaRangeFails() {
    assertThat(
            requestHeaders(
                headers(
                    "accept", "text/html, application/xhtml+xml, application/xml, image/webp, */*"),
                headers("accept", "text/html, application/xml;q=0.9, image/webp, */*;q=0.8")))
        .hasSize(1);
  }

  @Test
  void headerRuleAppliesToEachRepeatedValue() {
    HttpRequest expected =
        get("/")
            .withHeaders(headers("X-Test", "1000"))
            .withMatchingRules(
                rules(Category.HEADER, "x-test", new MatchingRule.Regex("\\d{1,4}")));
    assertThat(
            Matching.matchRequest(
                expected, get("/").withHeaders(headers("X-Test", "1000", "X-Test", "1234"))))
        .isEmpty();
    List<Mismatch> m =
        Matching.matchRequest(
            expected,
            get("/").withHeaders(headers("X-Test", "1000", "X-Test", "1234", "X-Test", "9999ABC")));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.HEADER);
              assertThat(x.description()).isEqualTo("Expected '9999ABC' to match '\\d{1,4}'");
            });
  }

  @Test
  void headerRuleMayMatchAValueContainingCommasWhole() {
    HttpRequest expected =
        get("/")
            .withHeaders(headers("X-Range", "1,2"))
            .withMatchingRules(
                rules(Category.HEADER, "X-Range", new MatchingRule.Regex("\\d+,\\d+")));
    assertThat(Matching.matchRequest(expected, get("/").withHeaders(headers("X-Range", "10,20"))))
        .isEmpty();
  }

  @Test
  void expectedCookiesMustBeASubsetOfTheActualOnes() {
    assertThat(requestHeaders(headers("Cookie", "a=1; b=2"), headers("Cookie", "b=2; c=3; a=1")))
        .isEmpty();
    assertThat(requestHeaders(headers("Cookie", "a=1; b=2"), headers("Cookie", "a=1"))).hasSize(1);
  }

  @Test
  void statusMustBeEqualWithoutARule() {
    List<Mismatch> m = Matching.matchResponse(HttpResponse.of(200), HttpResponse.of(201));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.STATUS);
              assertThat(x.description()).isEqualTo("Expected status 200 but received 201");
            });
  }

  @Test
  void statusCodeMatcherAcceptsAStatusClass() {
    HttpResponse expected =
        HttpResponse.of(200)
            .withMatchingRules(
                rules(Category.STATUS, "", new MatchingRule.StatusCode("success", null)));
    assertThat(Matching.matchResponse(expected, HttpResponse.of(299))).isEmpty();
    assertThat(Matching.matchResponse(expected, HttpResponse.of(400)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.STATUS);
              assertThat(x.description())
                  .isEqualTo("Expected status code 400 to be a Successful response (200\u2013299)");
            });
  }

  @Test
  void statusCodeMatcherAcceptsEveryClass() {
    assertThat(status("info", 101)).isEmpty();
    assertThat(status("redirect", 304)).isEmpty();
    assertThat(status("clientError", 404)).isEmpty();
    assertThat(status("serverError", 503)).isEmpty();
    assertThat(status("nonError", 302)).isEmpty();
    assertThat(status("error", 500)).isEmpty();
    assertThat(status("nonError", 404)).hasSize(1);
    assertThat(status("error", 200)).hasSize(1);
    assertThat(status("clientError", 500))
        .singleElement()
        .extracting(Mismatch::description)
        .isEqualTo("Expected status code 500 to be a Client Error response (400\u2013499)");
  }

  @Test
  void statusCodeMatcherAcceptsAListOfCodes() {
    HttpResponse expected =
        HttpResponse.of(200)
            .withMatchingRules(
                rules(Category.STATUS, "", new MatchingRule.StatusCode(null, List.of(200, 204))));
    assertThat(Matching.matchResponse(expected, HttpResponse.of(204))).isEmpty();
    assertThat(described(Matching.matchResponse(expected, HttpResponse.of(201))))
        .containsExactly(" -> Expected status code 201 to be one of [200, 204]");
  }

  private static List<Mismatch> status(String cls, int actual) {
    HttpResponse expected =
        HttpResponse.of(200)
            .withMatchingRules(rules(Category.STATUS, "", new MatchingRule.StatusCode(cls, null)));
    return Matching.matchResponse(expected, HttpResponse.of(actual));
  }

  @Test
  void responseHeadersAreMatchedToo() {
    HttpResponse expected = HttpResponse.of(200).withHeaders(headers("X-Id", "1"));
    assertThat(
            Matching.matchResponse(
                expected, HttpResponse.of(200).withHeaders(headers("x-id", "2"))))
        .singleElement()
        .extracting(Mismatch::type)
        .isEqualTo(MismatchType.HEADER);
  }
}
