package dev.accord.consumer;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.RuleList;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;

/**
 * One rule engine: every matcher factory of {@link Accord}, with valid and invalid examples. What
 * the DSL accepts when an interaction is declared, pact-core accepts ({@link
 * Matching#checkExample}) and the engine matches (the pact the DSL writes, matched against its own
 * example, as the mock and the verifier do); what the DSL refuses, pact-core refuses, and the DSL's
 * message carries pact-core's words.
 */
class MatcherExamplesAgreeWithPactCoreTest {

  /** One declaration: the factory's signature, the matcher, and whether the example is valid. */
  record Case(String factory, String call, Supplier<Matcher> matcher, boolean valid) {
    @Override
    public String toString() {
      return (valid ? "accepts " : "refuses ") + call;
    }
  }

  private static final Map<String, ValueCompiler.StateVariable> VARIABLES =
      Map.of(
          "id",
          new ValueCompiler.StateVariable(
              "id", Json.toTree(42), List.of(new MatchingRule.IntegerType())));

  private static Case ok(String factory, String call, Supplier<Matcher> m) {
    return new Case(factory, call, m, true);
  }

  private static Case bad(String factory, String call, Supplier<Matcher> m) {
    return new Case(factory, call, m, false);
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    String f = "like(Object)";
    c.add(ok(f, "like(\"x\")", () -> like("x")));
    c.add(ok(f, "like(1)", () -> like(1)));
    c.add(ok(f, "like(1.5)", () -> like(1.5)));
    c.add(ok(f, "like(true)", () -> like(true)));
    c.add(ok(f, "like(null)", () -> like(null)));
    c.add(ok(f, "like(Map.of(\"a\", 1))", () -> like(Map.of("a", 1))));
    c.add(ok(f, "like(List.of(1, 2))", () -> like(List.of(1, 2))));
    f = "eachLike(Object)";
    c.add(ok(f, "eachLike(\"a\")", () -> eachLike("a")));
    c.add(ok(f, "eachLike(Map.of(\"n\", 1))", () -> eachLike(Map.of("n", 1))));
    c.add(ok(f, "eachLike(\"a\").examples(4)", () -> eachLike("a").examples(4)));
    // eachLike(template) requires one element (min 1, as Pact JS and Pact Python): an empty example
    // breaks it
    c.add(bad(f, "eachLike(\"a\").examples(0)", () -> eachLike("a").examples(0)));
    f = "eachLike(Object,int)";
    c.add(ok(f, "eachLike(\"a\", 0)", () -> eachLike("a", 0)));
    c.add(ok(f, "eachLike(\"a\", 0).examples(0)", () -> eachLike("a", 0).examples(0)));
    c.add(ok(f, "eachLike(\"a\", 3)", () -> eachLike("a", 3)));
    c.add(bad(f, "eachLike(\"a\", -1)", () -> eachLike("a", -1)));
    c.add(bad(f, "eachLike(\"a\", 3).examples(2)", () -> eachLike("a", 3).examples(2)));
    f = "eachLike(Object,int,int)";
    c.add(ok(f, "eachLike(\"a\", 1, 3)", () -> eachLike("a", 1, 3)));
    c.add(ok(f, "eachLike(\"a\", 2, 2)", () -> eachLike("a", 2, 2)));
    c.add(bad(f, "eachLike(\"a\", 2, 1)", () -> eachLike("a", 2, 1)));
    c.add(bad(f, "eachLike(\"a\", 0, 0)", () -> eachLike("a", 0, 0)));
    c.add(bad(f, "eachLike(\"a\", 1, 2).examples(3)", () -> eachLike("a", 1, 2).examples(3)));
    f = "arrayContaining(Object[])";
    c.add(
        ok(
            f,
            "arrayContaining(Map.of(\"id\", integer(1)))",
            () -> arrayContaining(Map.of("id", integer(1)))));
    c.add(
        ok(
            f,
            "arrayContaining(regex(\"\\\\d+\", \"12\"), \"x\")",
            () -> arrayContaining(regex("\\d+", "12"), "x")));
    c.add(
        bad(
            f,
            "arrayContaining(regex(\"\\\\d+\", \"ab\"))",
            () -> arrayContaining(regex("\\d+", "ab"))));
    f = "eachKey(Matcher,Object)";
    c.add(
        ok(
            f,
            "eachKey(regex(\"[a-z]+\", \"en\"), Map.of(\"en\", 1))",
            () -> eachKey(regex("[a-z]+", "en"), Map.of("en", 1))));
    c.add(
        bad(
            f,
            "eachKey(regex(\"[a-z]+\", \"en\"), Map.of(\"EN\", 1))",
            () -> eachKey(regex("[a-z]+", "en"), Map.of("EN", 1))));
    c.add(
        bad(
            f,
            "eachKey(regex(\"[a-z]+\", \"en\"), \"en\")",
            () -> eachKey(regex("[a-z]+", "en"), "en")));
    f = "eachValue(Matcher,Object)";
    c.add(
        ok(
            f,
            "eachValue(integer(1), Map.of(\"a\", 1, \"b\", 2))",
            () -> eachValue(integer(1), Map.of("a", 1, "b", 2))));
    c.add(
        ok(f, "eachValue(integer(1), List.of(1, 2))", () -> eachValue(integer(1), List.of(1, 2))));
    c.add(
        bad(
            f,
            "eachValue(integer(1), Map.of(\"a\", \"x\"))",
            () -> eachValue(integer(1), Map.of("a", "x"))));
    c.add(bad(f, "eachValue(integer(1), \"x\")", () -> eachValue(integer(1), "x")));
    f = "regex(String,String)";
    c.add(ok(f, "regex(\"\\\\d+\", \"123\")", () -> regex("\\d+", "123")));
    c.add(ok(f, "regex(\"^a.*$\", \"abc\")", () -> regex("^a.*$", "abc")));
    c.add(ok(f, "regex(\"(?i)abc\", \"ABC\")", () -> regex("(?i)abc", "ABC")));
    c.add(bad(f, "regex(\"\\\\d+\", \"12a\")", () -> regex("\\d+", "12a")));
    c.add(bad(f, "regex(\"\\\\d{3}\", \"1234\")", () -> regex("\\d{3}", "1234")));
    c.add(bad(f, "regex(\"[a-z\", \"abc\")", () -> regex("[a-z", "abc")));
    c.add(bad(f, "regex(\"\\\\d+\", null)", () -> regex("\\d+", null)));
    f = "integer(long)";
    c.add(ok(f, "integer(0)", () -> integer(0)));
    c.add(ok(f, "integer(-5)", () -> integer(-5)));
    c.add(ok(f, "integer(Long.MAX_VALUE)", () -> integer(Long.MAX_VALUE)));
    f = "decimal(double)";
    c.add(ok(f, "decimal(29.99)", () -> decimal(29.99)));
    c.add(ok(f, "decimal(-2.25)", () -> decimal(-2.25)));
    c.add(ok(f, "decimal(1.0)", () -> decimal(1.0)));
    f = "decimal(BigDecimal)";
    c.add(ok(f, "decimal(new BigDecimal(\"1.50\"))", () -> decimal(new BigDecimal("1.50"))));
    c.add(ok(f, "decimal(new BigDecimal(\"0.001\"))", () -> decimal(new BigDecimal("0.001"))));
    f = "number(Number)";
    c.add(ok(f, "number(1)", () -> number(1)));
    c.add(ok(f, "number(1.5)", () -> number(1.5)));
    c.add(ok(f, "number(new BigDecimal(\"3\"))", () -> number(new BigDecimal("3"))));
    c.add(bad(f, "number(null)", () -> number(null)));
    f = "bool(boolean)";
    c.add(ok(f, "bool(true)", () -> bool(true)));
    c.add(ok(f, "bool(false)", () -> bool(false)));
    f = "include(String,String)";
    c.add(ok(f, "include(\"x\", \"axb\")", () -> include("x", "axb")));
    c.add(ok(f, "include(\"\", \"abc\")", () -> include("", "abc")));
    c.add(bad(f, "include(\"x\", \"abc\")", () -> include("x", "abc")));
    c.add(bad(f, "include(\"x\", null)", () -> include("x", null)));
    c.add(ok("nullValue()", "nullValue()", Accord::nullValue));
    f = "notEmpty(Object)";
    c.add(ok(f, "notEmpty(\"a\")", () -> notEmpty("a")));
    c.add(ok(f, "notEmpty(List.of(1))", () -> notEmpty(List.of(1))));
    c.add(ok(f, "notEmpty(Map.of(\"a\", 1))", () -> notEmpty(Map.of("a", 1))));
    c.add(ok(f, "notEmpty(0)", () -> notEmpty(0)));
    c.add(ok(f, "notEmpty(false)", () -> notEmpty(false)));
    c.add(bad(f, "notEmpty(\"\")", () -> notEmpty("")));
    c.add(bad(f, "notEmpty(List.of())", () -> notEmpty(List.of())));
    c.add(bad(f, "notEmpty(Map.of())", () -> notEmpty(Map.of())));
    c.add(bad(f, "notEmpty(null)", () -> notEmpty(null)));
    f = "semver(String)";
    c.add(ok(f, "semver(\"1.2.3\")", () -> semver("1.2.3")));
    c.add(ok(f, "semver(\"0.0.0\")", () -> semver("0.0.0")));
    c.add(ok(f, "semver(\"1.2.3-rc.1\")", () -> semver("1.2.3-rc.1")));
    c.add(ok(f, "semver(\"1.2.3-0\")", () -> semver("1.2.3-0")));
    c.add(ok(f, "semver(\"1.2.3-0a\")", () -> semver("1.2.3-0a")));
    c.add(ok(f, "semver(\"1.2.3+build.01\")", () -> semver("1.2.3+build.01")));
    c.add(bad(f, "semver(\"1.2.3-01\")", () -> semver("1.2.3-01")));
    c.add(bad(f, "semver(\"1.2.3-alpha.01\")", () -> semver("1.2.3-alpha.01")));
    c.add(bad(f, "semver(\"1.2\")", () -> semver("1.2")));
    c.add(bad(f, "semver(\"01.2.3\")", () -> semver("01.2.3")));
    c.add(bad(f, "semver(\"v1.2.3\")", () -> semver("v1.2.3")));
    c.add(bad(f, "semver(\"1.2.3-\")", () -> semver("1.2.3-")));
    f = "uuid(String)";
    c.add(ok(f, "uuid(lower case)", () -> uuid("123e4567-e89b-12d3-a456-426614174000")));
    c.add(ok(f, "uuid(upper case)", () -> uuid("123E4567-E89B-12D3-A456-426614174000")));
    c.add(
        bad(
            f,
            "uuid(\"123e4567e89b12d3a456426614174000\")",
            () -> uuid("123e4567e89b12d3a456426614174000")));
    f = "date(String)";
    c.add(ok(f, "date(\"2024-05-01\")", () -> date("2024-05-01")));
    c.add(bad(f, "date(\"2024-13-01\")", () -> date("2024-13-01")));
    c.add(bad(f, "date(\"01/05/2024\")", () -> date("01/05/2024")));
    f = "date(String,String)";
    c.add(ok(f, "date(\"dd/MM/yyyy\", \"01/05/2024\")", () -> date("dd/MM/yyyy", "01/05/2024")));
    c.add(ok(f, "date(\"yyyyMMdd\", \"20240501\")", () -> date("yyyyMMdd", "20240501")));
    c.add(bad(f, "date(\"dd/MM/yyyy\", \"2024-05-01\")", () -> date("dd/MM/yyyy", "2024-05-01")));
    c.add(bad(f, "date(\"bbbb\", \"2024\")", () -> date("bbbb", "2024")));
    f = "time(String)";
    c.add(ok(f, "time(\"10:15:30\")", () -> time("10:15:30")));
    c.add(bad(f, "time(\"25:00:00\")", () -> time("25:00:00")));
    c.add(bad(f, "time(\"10:15\")", () -> time("10:15")));
    f = "time(String,String)";
    c.add(ok(f, "time(\"HH:mm\", \"10:15\")", () -> time("HH:mm", "10:15")));
    c.add(
        ok(
            f,
            "time(\"HH:mm:ss.SSS\", \"10:15:30.123\")",
            () -> time("HH:mm:ss.SSS", "10:15:30.123")));
    c.add(bad(f, "time(\"HH:mm\", \"10:15:30\")", () -> time("HH:mm", "10:15:30")));
    f = "datetime(String)";
    c.add(ok(f, "datetime(\"2024-05-01T10:15:30Z\")", () -> datetime("2024-05-01T10:15:30Z")));
    c.add(
        ok(
            f,
            "datetime(\"2024-05-01T10:15:30+02:00\")",
            () -> datetime("2024-05-01T10:15:30+02:00")));
    c.add(bad(f, "datetime(\"2024-05-01 10:15\")", () -> datetime("2024-05-01 10:15")));
    c.add(
        bad(
            f,
            "datetime(\"2024-05-01T10:15:30.123Z\")",
            () -> datetime("2024-05-01T10:15:30.123Z")));
    f = "datetime(String,String)";
    c.add(
        ok(
            f,
            "datetime(\"yyyy-MM-dd'T'HH:mm:ss.SSSXXX\", \"2024-05-01T10:15:30.123Z\")",
            () -> datetime("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2024-05-01T10:15:30.123Z")));
    c.add(
        ok(
            f,
            "datetime(\"yyyy-MM-dd HH:mm\", \"2024-05-01 10:15\")",
            () -> datetime("yyyy-MM-dd HH:mm", "2024-05-01 10:15")));
    c.add(
        bad(
            f,
            "datetime(\"yyyy-MM-dd HH:mm\", \"2024-05-01T10:15\")",
            () -> datetime("yyyy-MM-dd HH:mm", "2024-05-01T10:15")));
    c.add(
        bad(
            f,
            "datetime(\"yyyy-MM-dd HH:mm\", 1)",
            () ->
                new Matcher(
                    Matcher.Kind.VALUE,
                    1,
                    List.of(new MatchingRule.Timestamp("yyyy-MM-dd HH:mm")),
                    null,
                    "datetime(\"yyyy-MM-dd HH:mm\", 1)")));
    f = "statusCode(String,int)";
    c.add(ok(f, "statusCode(\"success\", 200)", () -> statusCode("success", 200)));
    c.add(ok(f, "statusCode(\"client_error\", 404)", () -> statusCode("client_error", 404)));
    c.add(ok(f, "statusCode(\"clientError\", 404)", () -> statusCode("clientError", 404)));
    c.add(ok(f, "statusCode(\"CLIENT-ERROR\", 404)", () -> statusCode("CLIENT-ERROR", 404)));
    c.add(ok(f, "statusCode(\"serverError\", 503)", () -> statusCode("serverError", 503)));
    c.add(ok(f, "statusCode(\"info\", 101)", () -> statusCode("info", 101)));
    c.add(ok(f, "statusCode(\"redirect\", 301)", () -> statusCode("redirect", 301)));
    c.add(ok(f, "statusCode(\"nonError\", 302)", () -> statusCode("nonError", 302)));
    c.add(ok(f, "statusCode(\"error\", 400)", () -> statusCode("error", 400)));
    c.add(bad(f, "statusCode(\"success\", 404)", () -> statusCode("success", 404)));
    c.add(bad(f, "statusCode(\"clientError\", 500)", () -> statusCode("clientError", 500)));
    c.add(bad(f, "statusCode(\"error\", 200)", () -> statusCode("error", 200)));
    c.add(bad(f, "statusCode(\"teapot\", 418)", () -> statusCode("teapot", 418)));
    f = "fromProviderState(String,Object)";
    c.add(ok(f, "fromProviderState(\"id\", 42)", () -> fromProviderState("id", 42)));
    c.add(
        ok(
            f,
            "fromProviderState(\"/a/${id}\", \"/a/1\")",
            () -> fromProviderState("/a/${id}", "/a/1")));
    c.add(ok("stateVariable(String)", "stateVariable(\"id\")", () -> stateVariable("id")));
    c.add(
        ok(
            "path(Object[])",
            "path(\"/products/\", stateVariable(\"id\"))",
            () -> path("/products/", stateVariable("id"))));
    c.add(ok("randomInt(int,int,int)", "randomInt(1, 10, 5)", () -> randomInt(1, 10, 5)));
    c.add(ok("randomDecimal(int,double)", "randomDecimal(3, 1.5)", () -> randomDecimal(3, 1.5)));
    f = "randomHexadecimal(int,String)";
    c.add(ok(f, "randomHexadecimal(4, \"0a1F\")", () -> randomHexadecimal(4, "0a1F")));
    c.add(bad(f, "randomHexadecimal(4, \"zz\")", () -> randomHexadecimal(4, "zz")));
    c.add(ok("randomString(int,String)", "randomString(5, \"abc\")", () -> randomString(5, "abc")));
    c.add(ok("randomBoolean(boolean)", "randomBoolean(true)", () -> randomBoolean(true)));
    f = "randomUuid(String)";
    c.add(ok(f, "randomUuid(valid)", () -> randomUuid("123e4567-e89b-12d3-a456-426614174000")));
    c.add(bad(f, "randomUuid(\"nope\")", () -> randomUuid("nope")));
    f = "generatedRegex(String,String)";
    c.add(ok(f, "generatedRegex(\"\\\\d+\", \"12\")", () -> generatedRegex("\\d+", "12")));
    c.add(bad(f, "generatedRegex(\"\\\\d+\", \"x\")", () -> generatedRegex("\\d+", "x")));
    f = "generatedDate(String,String,String)";
    c.add(
        ok(
            f,
            "generatedDate(\"yyyy-MM-dd\", \"today\", \"2024-05-01\")",
            () -> generatedDate("yyyy-MM-dd", "today", "2024-05-01")));
    c.add(
        bad(
            f,
            "generatedDate(\"yyyy-MM-dd\", \"today\", \"01.05.2024\")",
            () -> generatedDate("yyyy-MM-dd", "today", "01.05.2024")));
    f = "generatedDatetime(String,String,String)";
    c.add(
        ok(
            f,
            "generatedDatetime(\"yyyy-MM-dd'T'HH:mm:ss\", \"now\", \"2024-05-01T10:00:00\")",
            () -> generatedDatetime("yyyy-MM-dd'T'HH:mm:ss", "now", "2024-05-01T10:00:00")));
    c.add(
        bad(
            f,
            "generatedDatetime(\"yyyy-MM-dd'T'HH:mm:ss\", \"now\", \"2024-05-01\")",
            () -> generatedDatetime("yyyy-MM-dd'T'HH:mm:ss", "now", "2024-05-01")));
    f = "mockServerUrl(String,String)";
    c.add(
        ok(
            f,
            "mockServerUrl(\".*(/orders/\\\\d+)$\", \"http://localhost:8080/orders/1\")",
            () -> mockServerUrl(".*(/orders/\\d+)$", "http://localhost:8080/orders/1")));
    c.add(
        bad(
            f,
            "mockServerUrl(\".*(/orders/\\\\d+)$\", \"http://localhost:8080/users/1\")",
            () -> mockServerUrl(".*(/orders/\\d+)$", "http://localhost:8080/users/1")));
    return c;
  }

  /** What the DSL says when the interaction is declared: null when it accepts, else its message. */
  private static String dslVerdict(Matcher matcher, boolean status) {
    ValueCompiler compiler = new ValueCompiler("the response body of interaction 'x'", VARIABLES);
    try {
      if (status) {
        compiler.compileScalar(matcher, true);
      } else {
        compiler.compile(Map.of("v", matcher));
      }
      return null;
    } catch (ContractDefinitionException e) {
      return e.getMessage();
    }
  }

  /** What pact-core says of the matcher's own example under each of its rules, depth first. */
  private static List<Mismatch> pactCoreVerdict(Matcher m) {
    List<Mismatch> found = new ArrayList<>();
    switch (m.kind) {
      case VALUE ->
          m.rules.forEach(r -> found.addAll(Matching.checkExample(r, Json.toTree(m.example))));
      case EACH_LIKE -> {
        Matcher.EachLike each = (Matcher.EachLike) m;
        ArrayNode list = Json.nodes().arrayNode();
        for (int i = 0; i < each.examples; i++) {
          list.add(Json.toTree(m.example));
        }
        m.rules.forEach(r -> found.addAll(Matching.checkExample(r, list)));
      }
      case ARRAY_CONTAINING ->
          ((Matcher.ArrayContaining) m)
              .variants.stream()
                  .filter(v -> v instanceof Matcher)
                  .forEach(v -> found.addAll(pactCoreVerdict((Matcher) v)));
      case EACH_KEY ->
          found.addAll(
              Matching.checkExample(
                  new MatchingRule.EachKey(((Matcher.Each) m).element.rules, null),
                  Json.toTree(m.example)));
      case EACH_VALUE ->
          found.addAll(
              Matching.checkExample(
                  new MatchingRule.EachValue(((Matcher.Each) m).element.rules, null),
                  Json.toTree(m.example)));
      case STATE_VARIABLE,
          TEMPLATE -> {} // no example of their own: the state parameter's is checked where declared
      default ->
          throw new IllegalStateException("a matcher kind this test does not know: " + m.kind);
    }
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theDslAcceptsExactlyWhatPactCoreAcceptsAndRefusesInItsWords(Case c) {
    // GIVEN a matcher as a consumer test declares it
    Matcher matcher = c.matcher().get();
    boolean status = matcher.rules.stream().anyMatch(r -> r instanceof MatchingRule.StatusCode);

    // WHEN the DSL compiles it and pact-core checks the example against the same rules
    String dsl = dslVerdict(matcher, status);
    List<Mismatch> core = pactCoreVerdict(matcher);

    // THEN both give the verdict the case expects, and a refusal is worded by pact-core
    assertThat(core)
        .as("pact-core on " + c.call())
        .matches(list -> list.isEmpty() == c.valid(), "verdict " + c.valid());
    if (c.valid()) {
      assertThat(dsl).as("the DSL on " + c.call()).isNull();
      assertTheEngineMatchesTheWrittenPactAgainstItsOwnExample(matcher, status);
    } else {
      assertThat(dsl)
          .as("the DSL on " + c.call())
          .isNotNull()
          .contains(": " + core.get(0).description() + ".\n");
      if (matcher.kind != Matcher.Kind.ARRAY_CONTAINING) { // there the variant at fault is named
        assertThat(dsl).contains("  matcher: " + matcher.describe + "\n");
      }
    }
  }

  /**
   * The mock answers with the example and the verifier matches by the rules: the example must pass
   * both.
   */
  private static void assertTheEngineMatchesTheWrittenPactAgainstItsOwnExample(
      Matcher matcher, boolean status) {
    ValueCompiler compiler = new ValueCompiler("the response body of interaction 'x'", VARIABLES);
    HttpResponse response;
    if (status) {
      ValueCompiler.Scalar s = compiler.compileScalar(matcher, true);
      response =
          HttpResponse.of(Integer.parseInt(s.example()))
              .withMatchingRules(
                  MatchingRules.builder()
                      .add(Category.STATUS, "", new RuleList(s.rules(), null))
                      .build());
    } else {
      ValueCompiler.Compiled compiled = compiler.compile(Map.of("v", matcher));
      MatchingRules.Builder rules = MatchingRules.builder();
      compiled.rules().forEach((path, list) -> rules.add(Category.BODY, path, list));
      response =
          HttpResponse.of(200)
              .withBody(Body.json(compiled.example()))
              .withMatchingRules(rules.build());
    }
    assertThat(Matching.matchResponse(response, response))
        .as("the engine on the pact the DSL wrote")
        .isEmpty();
  }

  @Test
  void everyMatcherFactoryOfTheDslIsCovered() {
    // GIVEN every public static factory of the entry class that returns a matcher
    Set<String> factories =
        Arrays.stream(Accord.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
            .filter(m -> Matcher.class.isAssignableFrom(m.getReturnType()))
            .map(MatcherExamplesAgreeWithPactCoreTest::signature)
            .collect(Collectors.toCollection(TreeSet::new));

    // THEN each has cases, and a factory with an example that can be wrong has a refused case too
    Set<String> covered =
        cases().stream().map(Case::factory).collect(Collectors.toCollection(TreeSet::new));
    assertThat(covered).isEqualTo(factories);
    assertThat(cases()).hasSizeGreaterThan(100);
  }

  private static String signature(Method m) {
    return m.getName()
        + "("
        + Stream.of(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(","))
        + ")";
  }

  @Test
  void aSemverPreReleaseWithALeadingZeroIsRefusedWhenDeclared() {
    ValueCompiler compiler = new ValueCompiler("the response body of interaction 'x'", Map.of());

    assertThatThrownBy(() -> compiler.compile(Map.of("version", semver("1.2.3-01"))))
        .isInstanceOf(ContractDefinitionException.class)
        .hasMessage(
            "Invalid matcher in the response body of interaction 'x' at $.version: "
                + "'1.2.3-01' is not a valid semantic version.\n"
                + "  matcher: semver(\"1.2.3-01\")\n"
                + "  example: '1.2.3-01'\n"
                + "  fix:     change the example so that it satisfies its own rule, or change the rule");
  }

  @Test
  void aClientErrorStatusClassInPactCoresSpellingIsAccepted() {
    ValueCompiler compiler = new ValueCompiler("the response status of interaction 'x'", Map.of());

    ValueCompiler.Scalar status = compiler.compileScalar(statusCode("client_error", 404), true);

    assertThat(status.example()).isEqualTo("404");
    assertThat(status.rules()).containsExactly(new MatchingRule.StatusCode("client_error", null));
  }

  @Test
  void throughTheRealMockAClientErrorClassIsServedAndALeadingZeroPreReleaseIsRefusedWhenDeclared(
      @TempDir Path pacts) throws Exception {
    try (Contract contract =
        Contract.between("orders-service", "products-service").pactDirectory(pacts).start()) {
      // GIVEN a response status declared with pact-core's spelling of the class
      contract.test(
          "a missing product",
          provider -> {
            provider
                .uponReceiving("a request for a missing product")
                .withRequest(GET, "/api/products/none")
                .willRespondWith(statusCode("client_error", 404));

            // WHEN the client calls the mock THEN it is served
            int status =
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(URI.create(provider.url() + "/api/products/none"))
                            .build(),
                        BodyHandlers.discarding())
                    .statusCode();
            assertThat(status).isEqualTo(404);
          });

      // GIVEN a semantic version whose pre-release has a leading zero THEN the declaration fails,
      // in pact-core's words
      assertThatThrownBy(
              () ->
                  contract.test(
                      "a versioned product",
                      provider ->
                          provider
                              .uponReceiving("a request for a versioned product")
                              .withRequest(GET, "/api/products/v")
                              .willRespondWith(200)
                              .body(Map.of("version", semver("1.2.3-01")))))
          .isInstanceOf(ContractDefinitionException.class)
          .hasMessageStartingWith(
              "Invalid matcher in the response body of interaction 'a request for a versioned"
                  + " product' at $.version: '1.2.3-01' is not a valid semantic version.\n");
    }
  }
}
