package dev.accord.compat.differential;

import dev.accord.compat.differential.DiffCase.Actual;
import dev.accord.compat.differential.DiffCase.BodySpec;
import dev.accord.compat.differential.DiffCase.Direction;
import dev.accord.compat.differential.DiffCase.Expected;
import dev.accord.pact.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes differential cases from a seed: the same seed gives the same cases. Each case puts one or
 * two matching rules (or none) somewhere a pact can hold them (JSON, XML, text and form bodies,
 * headers, query, path, status, message metadata), in a request, a response or a message, in a V3
 * or V4 pact, and pairs the pact's example with an actual value drawn half from values the rule
 * should accept and half from values of every other kind.
 */
final class CaseGenerator {

  /** A regex with values it matches (in Java and in Rust) and values it does not. */
  private record Regex(String regex, List<String> good, List<String> bad) {}

  /** A date, time or datetime format with values it accepts and values it refuses. */
  private record DateFormat(String match, String format, List<String> good, List<String> bad) {}

  /**
   * Rules for one place: the matchers (empty: no rule, the example must be equal), how they
   * combine, the example the pact carries and the actual value; {@code v4Only} for matchers the V3
   * format does not have.
   */
  private record Sample(
      String tag,
      ArrayNode matchers,
      String combine,
      JsonNode example,
      JsonNode actual,
      boolean v4Only) {
    boolean hasRule() {
      return !matchers.isEmpty();
    }

    ObjectNode ruleNode() {
      ObjectNode r = Json.nodes().objectNode();
      r.set("matchers", matchers);
      r.put("combine", combine);
      return r;
    }
  }

  private static final List<Regex> REGEXES =
      List.of(
          new Regex("\\d+", List.of("123", "0"), List.of("12a", "", "abc", "-1")),
          new Regex("^[a-z]+$", List.of("abc", "z"), List.of("Abc", "ab1", "")),
          new Regex("[a-z]+", List.of("abc"), List.of("ABC", "ABCdef", "123x")),
          new Regex(
              "\\w+@\\w+\\.com", List.of("a@b.com"), List.of("a@b.org", "a@b.com.au", "@b.com")),
          new Regex(
              "\\d{4}-\\d{2}-\\d{2}", List.of("2024-01-31"), List.of("2024-1-31", "x2024-01-31")),
          new Regex("(GET|POST)", List.of("GET", "POST"), List.of("PUT", "GETS")),
          new Regex("[A-F0-9]{8}", List.of("0A1B2C3D"), List.of("0a1b2c3d", "0A1B2C3")),
          new Regex("\\d+(\\.\\d{1,2})?", List.of("10", "10.25"), List.of("10.255", ".5")),
          new Regex("a.c", List.of("abc", "a-c"), List.of("ac", "a\nc")),
          // dialects other Pact tools write (Rust's regex crate, Ruby): literal braces, \A \z,
          // inline flags
          new Regex("\\/items\\/{id}", List.of("/items/{id}"), List.of("/items/7")),
          new Regex("\\Aabc\\z", List.of("abc"), List.of("abcd")),
          new Regex("(?-mix:ab+c)", List.of("abbc"), List.of("ac")));

  private static final List<DateFormat> DATES =
      List.of(
          new DateFormat(
              "date",
              "yyyy-MM-dd",
              List.of("2024-01-31", "2000-02-29"),
              List.of("2024-13-01", "2024-02-30", "31/01/2024", "2024-1-5", "2024-01-31T10:00:00")),
          new DateFormat(
              "date", "dd/MM/yyyy", List.of("31/01/2024"), List.of("2024-01-31", "32/01/2024")),
          new DateFormat("date", null, List.of("2024-01-31"), List.of("20240131", "Jan 31 2024")),
          new DateFormat(
              "time",
              "HH:mm:ss",
              List.of("23:59:59", "00:00:00"),
              List.of("24:00:00", "23:59", "11:59:59 PM")),
          new DateFormat("time", "HH:mm", List.of("09:30"), List.of("9:30:00", "25:00")),
          new DateFormat(
              "time", "hh:mm a", List.of("09:30 AM", "11:15 PM"), List.of("21:30", "13:30 PM")),
          new DateFormat(
              "datetime",
              "yyyy-MM-dd'T'HH:mm:ss",
              List.of("2024-01-31T23:59:59"),
              List.of("2024-01-31 23:59:59", "2024-01-31T23:59")),
          new DateFormat(
              "datetime",
              "yyyy-MM-dd'T'HH:mm:ssXXX",
              List.of("2024-01-31T23:59:59+01:00", "2024-01-31T23:59:59Z"),
              List.of("2024-01-31T23:59:59", "2024-01-31T23:59:59+0100")),
          new DateFormat(
              "datetime",
              "yyyy-MM-dd HH:mm:ss.SSS",
              List.of("2024-01-31 23:59:59.123"),
              List.of("2024-01-31 23:59:59", "2024-01-31 23:59:59.1234")),
          new DateFormat(
              "timestamp",
              "yyyy-MM-dd'T'HH:mm:ss",
              List.of("2024-01-31T10:00:00"),
              List.of("2024-01-31")));

  /** JSON values of every kind: the "anything else" an actual value may be. */
  private static final List<String> ANY =
      List.of(
          "\"abc\"",
          "\"\"",
          "\"123\"",
          "\"1.5\"",
          "\"true\"",
          "0",
          "42",
          "-7",
          "1.5",
          "2.0",
          "1e3",
          "true",
          "false",
          "null",
          "{}",
          "{\"x\":1}",
          "[]",
          "[1,2]");

  /** String values of every kind (headers, query, path, XML, form, metadata). */
  private static final List<String> ANY_TEXT =
      List.of(
          "abc",
          "",
          "123",
          "-5",
          "1.5",
          "2.0",
          "true",
          "TRUE",
          "null",
          "2024-01-31",
          "1.2.3",
          "x y",
          "ABC",
          "0A1B2C3D");

  private final Random rnd;

  CaseGenerator(long seed) {
    this.rnd = new Random(seed);
  }

  List<DiffCase> cases(int count) {
    List<DiffCase> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next(String.format("case-%05d", i)));
    }
    return out;
  }

  private DiffCase next(String id) {
    int d = rnd.nextInt(10);
    Direction direction =
        d < 4 ? Direction.REQUEST : d < 8 ? Direction.RESPONSE : Direction.MESSAGE;
    int spec = rnd.nextBoolean() ? 3 : 4;
    Draft draft = new Draft(id, direction, spec);
    List<String> places =
        new ArrayList<>(
            List.of("json", "json", "json", "json", "json", "json", "xml", "xml", "text"));
    if (direction == Direction.MESSAGE) {
      places.add("metadata");
      places.add("metadata");
    } else {
      places.addAll(List.of("form", "header", "header", "header"));
    }
    if (direction == Direction.REQUEST) {
      places.addAll(List.of("query", "query", "path"));
    }
    if (direction == Direction.RESPONSE) {
      places.add("status");
    }
    if (spec == 4) {
      places.add("binary");
    }
    switch (pick(places)) {
      case "json" -> jsonBody(draft);
      case "xml" -> xmlBody(draft);
      case "text" -> textBody(draft);
      case "form" -> formBody(draft);
      case "header" -> header(draft);
      case "query" -> query(draft);
      case "path" -> path(draft);
      case "status" -> status(draft);
      case "binary" -> binaryBody(draft);
      default -> metadata(draft);
    }
    return draft.build();
  }

  // ---- places
  // ------------------------------------------------------------------------------------------------

  private void jsonBody(Draft draft) {
    boolean v4 = draft.spec == 4;
    ObjectNode example = Json.nodes().objectNode();
    example.put("id", 1);
    ObjectNode actual = example.deepCopy();
    String location;
    int shape = rnd.nextInt(10);
    if (shape < 4) {
      Sample s = rnd.nextInt(3) == 0 ? container(v4) : leaf(v4);
      String path = pick(List.of("$.k", "$.k", "$['k']"));
      example.set("k", s.example);
      actual.set("k", s.actual);
      draft.bodyRule(path, s);
      location = "body:json " + path + " " + s.tag;
    } else if (shape < 6) {
      Sample s = leaf(v4);
      example.putObject("a").set("k", s.example);
      actual.putObject("a").set("k", s.actual);
      draft.bodyRule("$.a.k", s);
      location = "body:json $.a.k " + s.tag;
    } else if (shape < 8) {
      // items of an array, every one under a [*] rule, and maybe a type/min rule on the array
      // itself
      Sample s = leaf(v4);
      ArrayNode ex = example.putArray("items");
      ex.addObject().set("k", s.example);
      ArrayNode ac = actual.putArray("items");
      int n = rnd.nextInt(3);
      ac.addObject().set("k", s.actual);
      for (int i = 0; i < n; i++) {
        ac.addObject().set("k", rnd.nextBoolean() ? s.example : s.actual);
      }
      String arrayRule = "";
      if (rnd.nextBoolean()) {
        ArrayNode m = Json.nodes().arrayNode();
        m.addObject().put("match", "type").put("min", 1);
        draft.bodyRule("$.items", new Sample("type+min:1", m, "AND", null, null, false));
        arrayRule = " $.items=type+min:1";
      }
      draft.bodyRule("$.items[*].k", s);
      location = "body:json $.items[*].k " + s.tag + arrayRule + " actualItems=" + (n + 1);
    } else {
      // no rule at all: plain JSON equality, with an extra, a missing or a changed key
      example.put("name", "x");
      example.putArray("tags").add("a").add("b");
      actual = example.deepCopy();
      String change =
          pick(
              List.of(
                  "none",
                  "extraKey",
                  "missingKey",
                  "changedValue",
                  "reorderedArray",
                  "longerArray",
                  "intVsFloat"));
      switch (change) {
        case "extraKey" -> actual.put("extra", true);
        case "missingKey" -> actual.remove("name");
        case "changedValue" -> actual.put("name", "y");
        case "reorderedArray" -> actual.putArray("tags").add("b").add("a");
        case "longerArray" -> actual.putArray("tags").add("a").add("b").add("c");
        case "intVsFloat" -> actual.put("id", 1.0);
        default -> {}
      }
      location = "body:json no-rule " + change;
    }
    if (rnd.nextInt(6) == 0) {
      actual.put("unexpected", "u");
      location += " +extraKey";
    }
    String contentType =
        pick(List.of("application/json", "application/json", "application/json; charset=UTF-8"));
    String actualType =
        rnd.nextInt(8) == 0
            ? pick(List.of("application/hal+json", "text/plain", "application/vnd.api+json"))
            : contentType;
    if (!actualType.equals(contentType)) {
      location += " actualContentType=" + actualType;
    }
    draft.body(
        new BodySpec(contentType, example, null),
        contentType,
        Json.write(actual).getBytes(StandardCharsets.UTF_8),
        actualType);
    draft.describe(location);
  }

  private void xmlBody(Draft draft) {
    Sample s = stringSample(draft.spec == 4);
    String target = pick(List.of("text", "attribute", "container", "none"));
    String exampleXml;
    String actualXml;
    String location;
    switch (target) {
      case "text" -> {
        exampleXml = "<root><item id=\"1\">" + xml(s.example.asString()) + "</item></root>";
        actualXml = "<root><item id=\"1\">" + xml(s.actual.asString()) + "</item></root>";
        draft.bodyRule("$.root.item['#text']", s);
        location = "body:xml $.root.item['#text'] " + s.tag;
      }
      case "attribute" -> {
        exampleXml = "<root><item id=\"" + xml(s.example.asString()) + "\">t</item></root>";
        actualXml = "<root><item id=\"" + xml(s.actual.asString()) + "\">t</item></root>";
        draft.bodyRule("$.root.item['@id']", s);
        location = "body:xml $.root.item['@id'] " + s.tag;
      }
      case "container" -> {
        int expectedItems = 1 + rnd.nextInt(2);
        int actualItems = rnd.nextInt(4);
        String rule = pick(List.of("type", "type+min:2", "type+max:2", "type+min:1+max:2", "none"));
        ArrayNode m = Json.nodes().arrayNode();
        if (!rule.equals("none")) {
          ObjectNode r = m.addObject().put("match", "type");
          if (rule.contains("min:")) {
            r.put("min", Integer.parseInt(rule.replaceAll(".*min:(\\d).*", "$1")));
          }
          if (rule.contains("max:")) {
            r.put("max", Integer.parseInt(rule.replaceAll(".*max:(\\d).*", "$1")));
          }
          draft.bodyRule("$.root.item", new Sample(rule, m, "AND", null, null, false));
        }
        boolean otherName = actualItems > 0 && rnd.nextInt(4) == 0;
        exampleXml = "<root>" + "<item id=\"1\">t</item>".repeat(expectedItems) + "</root>";
        actualXml =
            "<root>"
                + "<item id=\"2\">u</item>".repeat(actualItems)
                + (otherName ? "<other>o</other>" : "")
                + "</root>";
        location =
            "body:xml $.root.item "
                + rule
                + " expectedItems="
                + expectedItems
                + " actualItems="
                + actualItems
                + (otherName ? " +otherElement" : "");
      }
      default -> {
        String change =
            pick(
                List.of(
                    "none",
                    "extraAttribute",
                    "extraElement",
                    "changedText",
                    "missingAttribute",
                    "namespace"));
        exampleXml = "<root><item id=\"1\">t</item></root>";
        actualXml =
            switch (change) {
              case "extraAttribute" -> "<root><item id=\"1\" extra=\"e\">t</item></root>";
              case "extraElement" -> "<root><item id=\"1\">t</item><item id=\"1\">t</item></root>";
              case "changedText" -> "<root><item id=\"1\">T</item></root>";
              case "missingAttribute" -> "<root><item>t</item></root>";
              case "namespace" -> "<root xmlns=\"urn:other\"><item id=\"1\">t</item></root>";
              default -> exampleXml;
            };
        location = "body:xml no-rule " + change;
      }
    }
    String contentType = pick(List.of("application/xml", "application/xml", "text/xml"));
    String actualType = rnd.nextInt(8) == 0 ? "application/atom+xml" : contentType;
    String declaration = rnd.nextBoolean() ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" : "";
    draft.body(
        new BodySpec(contentType, null, declaration + exampleXml),
        contentType,
        (declaration + actualXml).getBytes(StandardCharsets.UTF_8),
        actualType);
    draft.describe(
        location + (actualType.equals(contentType) ? "" : " actualContentType=" + actualType));
  }

  private void textBody(Draft draft) {
    String example = "hello world 42";
    String actual =
        pick(List.of(example, "hello world 43", "Hello world 42", "hello world 42\n", ""));
    String location = "body:text no-rule";
    if (rnd.nextBoolean()) {
      String regex = pick(List.of("hello world \\d+", "hello.*", "^hello world \\d{2}$", "world"));
      ArrayNode m = Json.nodes().arrayNode();
      m.addObject().put("match", "regex").put("regex", regex);
      draft.bodyRule("$", new Sample("regex", m, "AND", null, null, false));
      location = "body:text $ regex(" + regex + ")";
    }
    String actualType = rnd.nextInt(6) == 0 ? "text/html" : "text/plain";
    draft.body(
        new BodySpec("text/plain", null, example),
        "text/plain",
        actual.getBytes(StandardCharsets.UTF_8),
        actualType);
    draft.describe(
        location
            + " actual="
            + quote(actual)
            + (actualType.equals("text/plain") ? "" : " actualContentType=" + actualType));
  }

  /** Bytes under a contentType (or notEmpty) rule at $, or compared byte for byte. */
  private void binaryBody(Draft draft) {
    Map<String, byte[]> kinds = new LinkedHashMap<>();
    kinds.put(
        "png",
        new byte[] {
          (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
        });
    kinds.put(
        "jpeg",
        new byte[] {
          (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0
        });
    kinds.put("gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1));
    kinds.put("pdf", "%PDF-1.4\n%\u00e2\u00e3".getBytes(StandardCharsets.ISO_8859_1));
    kinds.put("text", "hello".getBytes(StandardCharsets.UTF_8));
    kinds.put("empty", new byte[0]);
    String expectedKind = pick(List.of("png", "jpeg", "pdf"));
    String mediaType =
        switch (expectedKind) {
          case "png" -> "image/png";
          case "jpeg" -> "image/jpeg";
          default -> "application/pdf";
        };
    String actualKind = pick(new ArrayList<>(kinds.keySet()));
    String rule = pick(List.of("contentType", "contentType", "notEmpty", "none"));
    if (!rule.equals("none")) {
      ObjectNode matcher = m(rule);
      if (rule.equals("contentType")) {
        matcher.put("value", mediaType);
      }
      draft.bodyRule(
          "$", new Sample(rule, Json.nodes().arrayNode().add(matcher), "AND", null, null, true));
    }
    byte[] actual = kinds.get(actualKind);
    if (actualKind.equals(expectedKind)) {
      actual = java.util.Arrays.copyOf(actual, actual.length + 1);
    }
    String actualType = rnd.nextBoolean() ? mediaType : "application/octet-stream";
    draft.body(
        new BodySpec(
            mediaType,
            null,
            java.util.Base64.getEncoder().encodeToString(kinds.get(expectedKind)),
            true),
        mediaType,
        actual,
        actualType);
    draft.describe(
        "body:binary $ "
            + rule
            + "("
            + mediaType
            + ") actual="
            + actualKind
            + " actualContentType="
            + actualType);
  }

  private void formBody(Draft draft) {
    Sample s = stringSample(draft.spec == 4);
    String example = "a=1&b=" + form(s.example.asString());
    String actual = "a=1&b=" + form(s.actual.asString());
    String extra = pick(List.of("", "", "&c=3", "&b=2"));
    actual += extra;
    draft.bodyRule("$.b", s);
    String ct = "application/x-www-form-urlencoded";
    draft.body(new BodySpec(ct, null, example), ct, actual.getBytes(StandardCharsets.UTF_8), ct);
    draft.describe("body:form $.b " + s.tag + (extra.isEmpty() ? "" : " extra=" + extra));
  }

  private void header(Draft draft) {
    int kind = rnd.nextInt(3);
    if (kind == 0) {
      Sample s = stringSample(draft.spec == 4);
      draft.expectedHeaders.put("X-Val", s.example.asString());
      // a header line cannot carry a line break, and an empty value is sent as no value at all
      String actual = s.actual.asString().replace("\n", " ");
      draft.actualHeaders.put("X-Val", actual.isEmpty() ? "none" : actual);
      if (s.hasRule()) {
        draft.rules.withObject("header").set("X-Val", s.ruleNode());
      }
      draft.v4Only |= s.v4Only;
      draft.describe("header:X-Val " + s.tag);
      return;
    }
    String name = kind == 1 ? "Accept" : "Content-Type";
    List<String> values =
        kind == 1
            ? List.of(
                "application/json",
                "alligators",
                "application/json, text/plain",
                "text/html;q=0.9",
                "application/hal+json")
            : List.of(
                "application/json",
                "application/json; charset=UTF-8",
                "text/plain; charset=utf-8",
                "application/xml",
                "application/json;charset=utf-8");
    String expected = pick(values);
    String actual =
        pick(
            List.of(
                expected,
                expected,
                expected.toUpperCase(),
                pick(values),
                expected.replace(", ", ","),
                expected + "; charset=UTF-16",
                expected.replace("json", "Json")));
    draft.expectedHeaders.put(name, expected);
    draft.actualHeaders.put(name, actual);
    draft.describe(
        "header:" + name + " no-rule expected=" + quote(expected) + " actual=" + quote(actual));
  }

  private void query(Draft draft) {
    Sample s = stringSample(draft.spec == 4);
    draft.expectedQuery.put("q", List.of(s.example.asString()));
    draft.actualQuery.add(Map.entry("q", s.actual.asString()));
    String extra = pick(List.of("", "", "", "extraParam", "repeated"));
    if (extra.equals("extraParam")) {
      draft.actualQuery.add(Map.entry("other", "1"));
    } else if (extra.equals("repeated")) {
      draft.actualQuery.add(Map.entry("q", s.example.asString()));
    }
    if (s.hasRule()) {
      draft.rules.withObject("query").set("q", s.ruleNode());
    }
    draft.v4Only |= s.v4Only;
    draft.describe("query:q " + s.tag + (extra.isEmpty() ? "" : " " + extra));
  }

  private void path(Draft draft) {
    String example = "/items/42";
    String actual =
        pick(List.of("/items/42", "/items/7", "/items/abc", "/items/42/", "/Items/42", "/items"));
    String location = "path no-rule";
    if (rnd.nextInt(3) > 0) {
      String regex = pick(List.of("/items/\\d+", "\\/items\\/[0-9]+", "/items/.*", "/items/\\w+"));
      ArrayNode m = Json.nodes().arrayNode();
      m.addObject().put("match", "regex").put("regex", regex);
      draft.rules.putObject("path").set("matchers", m);
      draft.rules.withObject("path").put("combine", "AND");
      location = "path regex(" + regex + ")";
    }
    draft.expectedPath = example;
    draft.actualPath = actual;
    draft.describe(location + " actual=" + quote(actual));
  }

  private void status(Draft draft) {
    int actual = pick(List.of(200, 201, 202, 299, 301, 400, 404, 418, 500, 503));
    String location = "status no-rule";
    if (draft.spec == 4 && rnd.nextBoolean()) {
      ArrayNode m = Json.nodes().arrayNode();
      ObjectNode r = m.addObject().put("match", "statusCode");
      if (rnd.nextInt(4) == 0) {
        r.putArray("status").add(200).add(201);
        location = "status statusCode[200,201]";
      } else {
        String cls =
            pick(List.of("success", "nonError", "error", "clientError", "serverError", "redirect"));
        r.put("status", cls);
        location = "status statusCode(" + cls + ")";
      }
      draft.rules.putObject("status").set("matchers", m);
      draft.rules.withObject("status").put("combine", "AND");
      draft.v4Only = true;
    }
    draft.expectedStatus = 200;
    draft.actualStatus = actual;
    draft.describe(location + " actual=" + actual);
  }

  private void metadata(Draft draft) {
    Sample s = stringSample(true);
    draft.expectedMetadata.put("key", s.example);
    draft.actualMetadata.put("key", s.actual);
    if (s.hasRule()) {
      draft.rules.withObject("metadata").set("key", s.ruleNode());
    }
    draft.v4Only |= s.v4Only;
    ObjectNode body = Json.nodes().objectNode().put("id", 1);
    draft.body(
        new BodySpec("application/json", body, null),
        "application/json",
        Json.write(body).getBytes(StandardCharsets.UTF_8),
        "application/json");
    draft.describe("metadata:key " + s.tag);
  }

  // ---- samples
  // -----------------------------------------------------------------------------------------------

  /** A rule (or none) for one JSON leaf. */
  private Sample leaf(boolean v4) {
    int k = rnd.nextInt(v4 ? 17 : 14);
    return switch (k) {
      case 0 -> noRule(jsonOf("\"abc\""), rnd.nextBoolean() ? jsonOf("\"abc\"") : any());
      case 1, 2 -> {
        Regex r = pick(REGEXES);
        yield withRule(
            "regex(" + r.regex + ")",
            m("regex").put("regex", r.regex),
            Json.toTree(pick(r.good)),
            rnd.nextBoolean() ? Json.toTree(pick(rnd.nextBoolean() ? r.good : r.bad)) : any(),
            false);
      }
      case 3 -> {
        JsonNode ex = any();
        yield withRule("type", m("type"), ex, rnd.nextBoolean() ? any() : ex, false);
      }
      case 4 ->
          withRule(
              "include(ab)",
              m("include").put("value", "ab"),
              jsonOf("\"xaby\""),
              rnd.nextBoolean() ? Json.toTree(pick(List.of("ab", "cab", "a b", "AB"))) : any(),
              false);
      case 5 -> withRule("integer", m("integer"), jsonOf("7"), any(), false);
      case 6 -> withRule("decimal", m("decimal"), jsonOf("7.5"), any(), false);
      case 7 -> withRule("number", m("number"), jsonOf("7"), any(), false);
      case 8 -> withRule("boolean", m("boolean"), jsonOf("true"), any(), false);
      case 9 -> withRule("null", m("null"), jsonOf("null"), any(), false);
      case 10, 11 -> dateSample();
      case 12 -> {
        Sample a = leafString(false);
        Sample b = leafString(false);
        yield combined(a, b);
      }
      case 13 -> equalityUnderType();
      case 14 ->
          withRule(
              "semver",
              m("semver"),
              jsonOf("\"1.2.3\""),
              Json.toTree(
                  pick(
                      List.of(
                          "1.2.3",
                          "1.2",
                          "1.2.3-alpha.1",
                          "01.2.3",
                          "v1.2.3",
                          "1.2.3+build.5",
                          "1.2.3-01"))),
              true);
      case 15 -> withRule("notEmpty", m("notEmpty"), jsonOf("\"x\""), any(), true);
      default -> {
        Sample inner = leafString(false);
        yield new Sample(
            "notEmpty AND " + inner.tag,
            inner.matchers.deepCopy().add(m("notEmpty")),
            "AND",
            inner.example,
            inner.actual,
            true);
      }
    };
  }

  /** A rule on a JSON array or object. */
  private Sample container(boolean v4) {
    int k = rnd.nextInt(v4 ? 8 : 4);
    return switch (k) {
      case 0 -> {
        String rule = pick(List.of("type+min:1", "type+min:2", "type+max:2", "type+min:1+max:3"));
        ObjectNode r = m("type");
        if (rule.contains("min:")) {
          r.put("min", Integer.parseInt(rule.replaceAll(".*min:(\\d).*", "$1")));
        }
        if (rule.contains("max:")) {
          r.put("max", Integer.parseInt(rule.replaceAll(".*max:(\\d).*", "$1")));
        }
        ArrayNode ex = Json.nodes().arrayNode().add(1).add(2);
        ArrayNode ac = Json.nodes().arrayNode();
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
          ac.add(i == 2 && rnd.nextBoolean() ? Json.toTree("three") : Json.toTree(i));
        }
        yield withRule(rule + " actual=" + Json.write(ac), r, ex, ac, false);
      }
      case 1 -> {
        JsonNode ex = jsonOf("{\"a\":1,\"b\":\"x\"}");
        yield withRule(
            "type(object)",
            m("type"),
            ex,
            jsonOf(
                pick(
                    List.of(
                        "{\"a\":2,\"b\":\"y\"}",
                        "{\"a\":\"2\",\"b\":\"y\"}",
                        "{\"a\":2}",
                        "{\"a\":2,\"b\":\"y\",\"c\":true}",
                        "[]"))),
            false);
      }
      case 2 ->
          withRule(
              "values",
              m("values"),
              jsonOf("{\"a\":1}"),
              jsonOf(pick(List.of("{\"x\":2,\"y\":3}", "{\"x\":\"s\"}", "{}", "{\"a\":1}", "[1]"))),
              false);
      case 3 ->
          withRule(
              "type(array of objects)",
              m("type"),
              jsonOf("[{\"n\":1,\"s\":\"a\"}]"),
              jsonOf(
                  pick(
                      List.of(
                          "[{\"n\":2,\"s\":\"b\"},{\"n\":3,\"s\":\"c\"}]",
                          "[{\"n\":2,\"s\":3}]",
                          "[]",
                          "[{\"n\":2}]",
                          "[{\"n\":2,\"s\":\"b\",\"x\":1}]"))),
              false);
      case 4 -> {
        ObjectNode r = m("eachKey");
        r.putArray("rules").add(m("regex").put("regex", "^[a-z]+$"));
        r.put("value", "abc");
        yield withRule(
            "eachKey(regex ^[a-z]+$)",
            r,
            jsonOf("{\"abc\":1}"),
            jsonOf(pick(List.of("{\"xyz\":2}", "{\"X1\":2}", "{}", "{\"a\":1,\"B\":2}"))),
            true);
      }
      case 5 -> {
        ObjectNode r = m("eachValue");
        boolean regex = rnd.nextBoolean();
        r.putArray("rules").add(regex ? m("regex").put("regex", "\\d+") : m("type"));
        r.put("value", "1");
        yield withRule(
            "eachValue(" + (regex ? "regex \\d+" : "type") + ")",
            r,
            jsonOf("{\"a\":\"1\"}"),
            jsonOf(
                pick(
                    List.of(
                        "{\"b\":\"2\",\"c\":\"3\"}",
                        "{\"b\":\"x\"}",
                        "{\"b\":2}",
                        "{}",
                        "[\"1\",\"2\"]"))),
            true);
      }
      case 6 -> {
        ObjectNode r = m("arrayContains");
        ObjectNode variant = r.putArray("variants").addObject();
        variant.put("index", 0);
        ObjectNode nRule = variant.putObject("rules").putObject("$.n");
        nRule.putArray("matchers").add(m("integer"));
        nRule.put("combine", "AND");
        variant.putObject("generators");
        ObjectNode variant2 = ((ArrayNode) r.get("variants")).addObject();
        variant2.put("index", 1);
        variant2.putObject("rules");
        variant2.putObject("generators");
        yield withRule(
            "arrayContains",
            r,
            jsonOf("[{\"kind\":\"a\",\"n\":1},{\"kind\":\"b\",\"n\":2}]"),
            jsonOf(
                pick(
                    List.of(
                        "[{\"kind\":\"b\",\"n\":2},{\"kind\":\"a\",\"n\":9}]",
                        "[{\"kind\":\"a\",\"n\":1}]",
                        "[{\"kind\":\"a\",\"n\":1.5},{\"kind\":\"b\",\"n\":2}]",
                        "[{\"kind\":\"c\"},{\"kind\":\"b\",\"n\":2},{\"kind\":\"a\",\"n\":3}]",
                        "[]"))),
            true);
      }
      default ->
          withRule(
              "notEmpty(container)",
              m("notEmpty"),
              jsonOf("[1]"),
              jsonOf(pick(List.of("[]", "[2,3]", "{}", "{\"a\":1}", "\"\"", "null"))),
              true);
    };
  }

  /** A rule for a value that is text on the wire (header, query, XML, form, metadata). */
  private Sample stringSample(boolean v4) {
    int k = rnd.nextInt(v4 ? 10 : 9);
    return switch (k) {
      case 0 -> noRule(Json.toTree("abc"), Json.toTree(pick(List.of("abc", "abd", "ABC", "abc "))));
      case 1, 2 -> leafString(false);
      case 3 -> withRule("integer", m("integer"), Json.toTree("42"), anyText(), false);
      case 4 -> withRule("decimal", m("decimal"), Json.toTree("4.2"), anyText(), false);
      case 5 -> withRule("number", m("number"), Json.toTree("42"), anyText(), false);
      case 6 -> withRule("boolean", m("boolean"), Json.toTree("true"), anyText(), false);
      case 7 -> dateSampleText();
      case 8 -> combined(leafString(false), leafString(false));
      default -> withRule(pick(List.of("semver", "notEmpty")), null, null, null, true);
    };
  }

  /** Regex or include with a string example (used alone and in combinations). */
  private Sample leafString(boolean v4Only) {
    if (rnd.nextInt(3) == 0) {
      return withRule(
          "include(ab)",
          m("include").put("value", "ab"),
          Json.toTree("xaby"),
          Json.toTree(pick(List.of("ab", "cab", "a b", "AB", "xaby"))),
          v4Only);
    }
    Regex r = pick(REGEXES);
    return withRule(
        "regex(" + r.regex + ")",
        m("regex").put("regex", r.regex),
        Json.toTree(pick(r.good)),
        Json.toTree(pick(rnd.nextBoolean() ? r.good : r.bad)),
        v4Only);
  }

  private Sample combined(Sample a, Sample b) {
    String combine = rnd.nextBoolean() ? "AND" : "OR";
    ArrayNode matchers = a.matchers.deepCopy();
    b.matchers.forEach(matchers::add);
    JsonNode actual = rnd.nextBoolean() ? a.actual : b.actual;
    return new Sample(
        a.tag + " " + combine + " " + b.tag, matchers, combine, a.example, actual, false);
  }

  /** A type rule on an object and an equality rule resetting it on one key. */
  private Sample equalityUnderType() {
    JsonNode actual =
        jsonOf(
            pick(
                List.of(
                    "{\"fixed\":\"f\",\"free\":\"z\"}",
                    "{\"fixed\":\"g\",\"free\":\"z\"}",
                    "{\"fixed\":\"f\",\"free\":5}")));
    return new Sample(
        "type(object)+equality($.k.fixed) actual=" + Json.write(actual),
        Json.nodes().arrayNode().add(m("type")),
        "AND",
        jsonOf("{\"fixed\":\"f\",\"free\":\"x\"}"),
        actual,
        false);
  }

  private Sample dateSample() {
    DateFormat f = pick(DATES);
    ObjectNode rule = m(f.match);
    if (f.format != null) {
      rule.put("format", f.format);
    }
    String actual = rnd.nextBoolean() ? pick(f.good) : pick(f.bad);
    return withRule(
        f.match + "(" + f.format + ")",
        rule,
        Json.toTree(f.good.get(0)),
        rnd.nextInt(5) == 0 ? any() : Json.toTree(actual),
        false);
  }

  private Sample dateSampleText() {
    DateFormat f = pick(DATES);
    ObjectNode rule = m(f.match);
    if (f.format != null) {
      rule.put("format", f.format);
    }
    return withRule(
        f.match + "(" + f.format + ")",
        rule,
        Json.toTree(f.good.get(0)),
        Json.toTree(pick(rnd.nextBoolean() ? f.good : f.bad)),
        false);
  }

  private Sample withRule(
      String name, ObjectNode matcher, JsonNode example, JsonNode actual, boolean v4Only) {
    if (matcher == null) {
      // semver or notEmpty on a text value
      matcher = m(name);
      example = Json.toTree(name.equals("semver") ? "1.2.3" : "x");
      actual =
          name.equals("semver")
              ? Json.toTree(pick(List.of("1.2.3", "1.2", "1.2.3-rc.1", "01.2.3", "v1")))
              : Json.toTree(pick(List.of("x", "", " ")));
    }
    ArrayNode matchers = Json.nodes().arrayNode().add(matcher);
    return new Sample(
        name + " actual=" + Json.write(actual), matchers, "AND", example, actual, v4Only);
  }

  private Sample noRule(JsonNode example, JsonNode actual) {
    return new Sample(
        "no-rule expected=" + Json.write(example) + " actual=" + Json.write(actual),
        Json.nodes().arrayNode(),
        "AND",
        example,
        actual,
        false);
  }

  // ---- helpers
  // -----------------------------------------------------------------------------------------------

  private static ObjectNode m(String match) {
    return Json.nodes().objectNode().put("match", match);
  }

  private JsonNode any() {
    return jsonOf(pick(ANY));
  }

  private JsonNode anyText() {
    return Json.toTree(pick(ANY_TEXT));
  }

  private static JsonNode jsonOf(String json) {
    return Json.parse(json);
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }

  private static String form(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String quote(String s) {
    return "'" + s.replace("\n", "\\n") + "'";
  }

  /** A case being put together. */
  private static final class Draft {
    final String id;
    final Direction direction;
    int spec;
    boolean v4Only;
    String description = "";
    String expectedPath = "/things";
    String actualPath = "/things";
    final Map<String, List<String>> expectedQuery = new LinkedHashMap<>();
    final List<Map.Entry<String, String>> actualQuery = new ArrayList<>();
    final Map<String, String> expectedHeaders = new LinkedHashMap<>();
    final Map<String, String> actualHeaders = new LinkedHashMap<>();
    int expectedStatus = 200;
    int actualStatus = 200;
    BodySpec body;
    byte[] actualBody;
    final ObjectNode rules = Json.nodes().objectNode();
    final Map<String, JsonNode> expectedMetadata = new LinkedHashMap<>();
    final Map<String, JsonNode> actualMetadata = new LinkedHashMap<>();

    Draft(String id, Direction direction, int spec) {
      this.id = id;
      this.direction = direction;
      this.spec = spec;
    }

    void bodyRule(String path, Sample s) {
      if (s.hasRule()) {
        rules.withObject("body").set(path, s.ruleNode());
      }
      if (s.tag.startsWith("type(object)+equality")) {
        ObjectNode reset = Json.nodes().objectNode();
        reset.putArray("matchers").add(m("equality"));
        reset.put("combine", "AND");
        rules.withObject("body").set(path + ".fixed", reset);
      }
      v4Only |= s.v4Only;
    }

    void body(BodySpec expected, String expectedHeaderType, byte[] actual, String actualType) {
      this.body = expected;
      this.actualBody = actual;
      if (direction != Direction.MESSAGE) {
        expectedHeaders.put("Content-Type", expectedHeaderType);
      }
      actualHeaders.put("Content-Type", actualType);
    }

    void describe(String location) {
      description = location;
    }

    DiffCase build() {
      if (v4Only) {
        spec = 4;
      }
      String method = direction == Direction.REQUEST ? (body != null ? "POST" : "GET") : "GET";
      Expected expected =
          new Expected(
              method,
              expectedPath,
              expectedQuery,
              expectedHeaders,
              expectedStatus,
              body,
              rules,
              expectedMetadata);
      Actual actual =
          new Actual(
              method,
              actualPath,
              actualQuery,
              actualHeaders,
              actualStatus,
              actualBody,
              actualMetadata);
      return new DiffCase(
          id, direction, spec, direction + " V" + spec + " " + description, expected, actual);
    }
  }
}
