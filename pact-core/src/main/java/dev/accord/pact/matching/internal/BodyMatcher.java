package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.PactRegex;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.path.BodyPath;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Matches a body by content type (Pact specification sections 1.6 and 2.9): presence semantics
 * first (a missing expected body matches anything, an empty one requires an empty actual body, JSON
 * {@code null} requires null or nothing), then the content types (a different base type is a {@code
 * body-content-type} mismatch; an actual body without a declared type is read as the expected
 * type), then the matcher for the type: JSON, XML, form-urlencoded, multipart, text or binary. An
 * expected body without a declared type is sniffed (JSON, XML, magic bytes, else text).
 */
public final class BodyMatcher {
  private BodyMatcher() {}

  /**
   * @param expectedType the expected content type if declared (header, body, metadata), else empty
   * @param actualType the actual content type if declared, else empty
   * @param strict whether unexpected keys, attributes, children and form parameters fail (requests)
   */
  public static void match(
      Body expected,
      Optional<ContentType> expectedType,
      Body actual,
      Optional<ContentType> actualType,
      RuleIndex rules,
      boolean strict,
      MismatchCollector body,
      MismatchCollector contentTypes) {
    if (expected.isMissing()) {
      return;
    }
    boolean actualEmpty = actual.isMissing() || actual.isEmpty();
    if (expected.isEmpty()) {
      if (!actualEmpty) {
        body.add(
            "$",
            "",
            preview(actual),
            "Expected an empty body but received '" + preview(actual) + "'");
      }
      return;
    }
    if (expected.isJsonNull()) {
      if (!actualEmpty && !(actual.isJsonContent() && actual.asJson().isNull())) {
        body.add(
            "$",
            "null",
            preview(actual),
            "Expected an empty body or JSON null but received '" + preview(actual) + "'");
      }
      return;
    }
    ContentType e = expectedType.orElseGet(() -> detected(expected));
    // an actual body that declares no content type is read as the expected type: its content
    // decides
    ContentType a = actualType.orElse(e);
    if (!sameType(e, a)) {
      contentTypes.add(
          "$",
          e.mediaType(),
          a.mediaType(),
          "Expected a body of '"
              + e.mediaType()
              + "' but the actual content type was '"
              + a.mediaType()
              + "'");
      return;
    }
    if (actualEmpty && !(isBinary(e) && !rules.isEmpty())) {
      body.add(
          "$",
          preview(expected),
          null,
          "Expected a body of '"
              + e.mediaType()
              + "' ("
              + Values.abbreviate(preview(expected), 80)
              + ") but the actual body was "
              + (actual.isMissing() ? "missing" : "empty"));
      return;
    }
    matchContent(expected, e, actual, a, rules, strict, body);
  }

  /** Matches two present bodies of the same content type. */
  static void matchContent(
      Body expected,
      ContentType e,
      Body actual,
      ContentType a,
      RuleIndex rules,
      boolean strict,
      MismatchCollector out) {
    if (e.isJson()) {
      matchJson(expected, actual, rules, strict, out);
    } else if (e.isXml()) {
      XmlBodyMatcher.match(expected.asBytes(), actual.asBytes(), rules, strict, out);
    } else if (e.isFormUrlEncoded()) {
      MultiValueMatcher.match(
          parseForm(expected.asString()),
          parseForm(actual.asString()),
          name -> rules.rootCursor().field(name).rules(),
          name -> BodyPath.root().field(name).toString(),
          strict,
          MultiValueMatcher.Wording.FORM,
          out);
    } else if (e.isMultipart()) {
      MultipartBodyMatcher.match(expected.asBytes(), e, actual.asBytes(), a, strict, out);
    } else if (e.isText()) {
      matchText(text(expected, e), text(actual, a), rules, out);
    } else {
      matchBinary(expected.asBytes(), e, actual.asBytes(), a, rules, out);
    }
  }

  private static void matchJson(
      Body expected, Body actual, RuleIndex rules, boolean strict, MismatchCollector out) {
    JsonNode expectedJson;
    try {
      expectedJson =
          expected.isJsonContent()
              ? expected.asJson()
              : Json.nodes().stringNode(expected.asString());
    } catch (RuntimeException ex) {
      expectedJson = Json.nodes().stringNode(expected.asString());
    }
    JsonNode actualJson;
    try {
      // a body built from a tree, or bytes parsed once before, is not serialised and parsed again
      actualJson =
          actual.isJsonContent() ? actual.asJson() : Json.mapper().readTree(actual.asBytes());
    } catch (JacksonException ex) {
      out.add(
          "$",
          Values.json(expectedJson),
          preview(actual),
          "Expected a JSON body but the actual body is not"
              + " valid JSON ("
              + ex.getOriginalMessage()
              + "): '"
              + Values.abbreviate(preview(actual), 80)
              + "'");
      return;
    }
    if (actualJson == null || actualJson.isMissingNode()) {
      actualJson = Json.nodes().nullNode();
    }
    JsonBodyMatcher.match(expectedJson, actualJson, rules, !strict, out);
  }

  static void matchText(String expected, String actual, RuleIndex rules, MismatchCollector out) {
    RuleCursor root = rules.rootCursor();
    if (root.hasRules() && !root.cascaded()) {
      RuleList list = root.rules();
      List<String> problems =
          ValueRules.combine(
              list,
              rule -> {
                if (rule instanceof MatchingRule.Regex r) {
                  try {
                    Pattern p = PactRegex.compile(r.regex(), Pattern.DOTALL | Pattern.MULTILINE);
                    return p.matcher(actual).matches()
                        ? List.of()
                        : List.of(
                            "Expected body '"
                                + Values.abbreviate(actual, 200)
                                + "' to match '"
                                + r.regex()
                                + "'");
                  } catch (PatternSyntaxException ex) {
                    return List.of(ValueRules.unreadable(r.regex(), ex));
                  }
                }
                return ValueRules.apply(
                    rule,
                    Json.nodes().stringNode(expected),
                    Json.nodes().stringNode(actual),
                    false,
                    false);
              });
      problems.forEach(p -> out.add("$", expected, actual, p));
      return;
    }
    if (!expected.equals(actual)) {
      out.add(
          "$",
          expected,
          actual,
          "Expected body '"
              + expected
              + "' to match '"
              + actual
              + "' using equality but did not match");
    }
  }

  static void matchBinary(
      byte[] expected,
      ContentType e,
      byte[] actual,
      ContentType a,
      RuleIndex rules,
      MismatchCollector out) {
    RuleCursor root = rules.rootCursor();
    if (root.hasRules() && !root.cascaded()) {
      List<String> problems =
          ValueRules.combine(root.rules(), rule -> binaryRule(rule, expected, actual));
      problems.forEach(
          p ->
              out.add(
                  "$",
                  Values.describeBytes(e.mediaType(), expected),
                  Values.describeBytes(a.mediaType(), actual),
                  p));
      return;
    }
    if (!Arrays.equals(expected, actual)) {
      out.add(
          "$",
          Values.describeBytes(e.mediaType(), expected),
          Values.describeBytes(a.mediaType(), actual),
          "Actual body ["
              + Values.describeBytes(a.mediaType(), actual)
              + "] is not equal to the expected body ["
              + Values.describeBytes(e.mediaType(), expected)
              + "]");
    }
  }

  private static List<String> binaryRule(MatchingRule rule, byte[] expected, byte[] actual) {
    if (rule instanceof MatchingRule.ContentTypeRule c) {
      return ValueRules.contentType(c.contentType(), actual);
    }
    if (rule instanceof MatchingRule.NotEmpty) {
      return actual.length > 0 ? List.of() : List.of("Expected [] (0 bytes) to not be empty");
    }
    if (rule instanceof MatchingRule.Type) {
      return List.of();
    }
    if (rule instanceof MatchingRule.Equality) {
      return Arrays.equals(expected, actual)
          ? List.of()
          : List.of(
              "Expected binary contents of "
                  + expected.length
                  + " bytes to be equal to the actual "
                  + actual.length
                  + " bytes, but they differ");
    }
    if (rule instanceof MatchingRule.Other o) {
      return List.of(ValueRules.unsupported(o));
    }
    String text = new String(actual, StandardCharsets.ISO_8859_1);
    return ValueRules.apply(
        rule,
        Json.nodes().stringNode(new String(expected, StandardCharsets.ISO_8859_1)),
        Json.nodes().stringNode(text),
        false,
        false);
  }

  /**
   * As the reference implementation (pact_models {@code is_equivalent_to}): a wildcard type matches
   * anything, an actual structured-syntax type counts as its suffix ({@code application/hal+json}
   * is {@code application/json}, {@code application/atom+xml} is {@code application/xml}), and
   * {@code application/xml} and {@code text/xml} are one. Parameters are the Content-Type header's
   * business.
   */
  static boolean sameType(ContentType e, ContentType a) {
    if (isWildcard(e) || isWildcard(a) || e.mediaType().equals(a.mediaType())) {
      return true;
    }
    int plus = a.subtype().lastIndexOf('+');
    if (plus >= 0 && e.mediaType().equals(a.type() + "/" + a.subtype().substring(plus + 1))) {
      return true;
    }
    return isPlainXml(e) && isPlainXml(a);
  }

  private static boolean isWildcard(ContentType ct) {
    return ct.type().equals("*") || ct.subtype().equals("*");
  }

  private static boolean isPlainXml(ContentType ct) {
    return ct.mediaType().equals("application/xml") || ct.mediaType().equals("text/xml");
  }

  private static boolean isBinary(ContentType ct) {
    return !ct.isText() && !ct.isMultipart();
  }

  /**
   * The content type of a body that declares none, detected from its text as the reference
   * implementation does ({@link ContentTypeDetector#detectUndeclared}); a JSON tree that looks like
   * plain text (a JSON string or number) is still JSON. Bytes that are not text are recognised by
   * their magic numbers.
   */
  static ContentType detected(Body body) {
    byte[] bytes = body.asBytes();
    String sniffed = ContentTypeDetector.detectUndeclared(bytes);
    if (body.isJsonContent()
        && body.contentType().isEmpty()
        && !body.isEmpty()
        && sniffed.equals("text/plain")) {
      return ContentType.JSON;
    }
    return ContentType.parse(sniffed);
  }

  private static String text(Body body, ContentType ct) {
    Charset cs = ct.charsetOrUtf8();
    return new String(body.asBytes(), cs);
  }

  private static String preview(Body body) {
    if (body.isMissing()) {
      return "";
    }
    String s = body.asString();
    return Values.abbreviate(s, 200);
  }

  /** Parses {@code a=1&b=2&a=3} into names and decoded values, in order. */
  public static Map<String, List<String>> parseForm(String text) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return result;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.trim(), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
