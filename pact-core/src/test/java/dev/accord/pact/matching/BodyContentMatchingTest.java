package dev.accord.pact.matching;

import static dev.accord.pact.matching.MatchingFixtures.bodyRule;
import static dev.accord.pact.matching.MatchingFixtures.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Body presence (spec 1.6), content types and non-JSON bodies (spec 2.9). */
class BodyContentMatchingTest {

  private static final byte[] JPEG_A =
      bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 1, 2, 3);
  private static final byte[] JPEG_B =
      bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 'E', 'x', 'i', 'f', 9, 9);
  private static final byte[] PDF =
      "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static HttpRequest put(Body body) {
    return HttpRequest.of("PUT", "/").withBody(body);
  }

  private static HttpRequest put(Body body, String contentType) {
    return put(body).withHeaders(Map.of("Content-Type", List.of(contentType)));
  }

  private static List<Mismatch> request(HttpRequest expected, HttpRequest actual) {
    return Matching.matchRequest(expected, actual);
  }

  // ---- presence

  @Test
  void missingExpectedBodyMatchesAnyBody() {
    assertThat(request(HttpRequest.of("PUT", "/"), put(Body.text("anything", ContentType.TEXT))))
        .isEmpty();
  }

  @Test
  void emptyExpectedBodyRequiresAnEmptyBody() {
    assertThat(request(put(Body.empty()), put(Body.empty()))).isEmpty();
    assertThat(request(put(Body.empty()), HttpRequest.of("PUT", "/"))).isEmpty();
    assertThat(described(request(put(Body.empty()), put(Body.text("x", ContentType.TEXT)))))
        .containsExactly("$ -> Expected an empty body but received 'x'");
  }

  @Test
  void jsonNullExpectedBodyAcceptsNullOrNothing() {
    Body nullBody = Body.json(Json.nodes().nullNode());
    assertThat(request(put(nullBody), put(Body.json(Json.nodes().nullNode())))).isEmpty();
    assertThat(request(put(nullBody), put(Body.empty()))).isEmpty();
    assertThat(request(put(nullBody), put(Body.json(Json.parse("{}"))))).hasSize(1);
  }

  @Test
  void presentExpectedBodyWithMissingActualBodyIsAMismatch() {
    List<Mismatch> m =
        request(put(Body.json(Json.parse("{\"a\": 1}"))), HttpRequest.of("PUT", "/"));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.BODY);
              assertThat(x.description())
                  .isEqualTo(
                      "Expected a body of 'application/json' ({\"a\":1}) but the actual body"
                          + " was missing");
            });
  }

  @Test
  void differentContentTypesAreABodyContentTypeMismatch() {
    List<Mismatch> m =
        request(
            put(Body.json(Json.parse("{\"one\": \"a\"}"))),
            put(
                Body.text("<?xml version=\"1.0\"?><alligator name=\"Mary\"/>", ContentType.XML),
                "application/xml"));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.BODY_CONTENT_TYPE);
              assertThat(x.type().key()).isEqualTo("body-content-type");
              assertThat(x.description())
                  .isEqualTo(
                      "Expected a body of 'application/json' but the actual content type was 'application/xml'");
            });
  }

  @Test
  void undeclaredActualContentTypeIsDetectedFromTheContent() {
    assertThat(
            request(
                put(Body.json(Json.parse("{\"one\": \"a\"}"))),
                put(Body.bytes("{\"one\": \"a\"}".getBytes(StandardCharsets.UTF_8), null))))
        .isEmpty();
  }

  @Test
  void undeclaredActualContentTypeIsReadAsTheExpectedType() {
    List<Mismatch> m =
        request(
            put(Body.json(Json.parse("{\"one\": \"a\"}"))),
            put(Body.bytes("one=a".getBytes(StandardCharsets.UTF_8), null)));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.BODY);
              assertThat(x.description())
                  .startsWith("Expected a JSON body but the actual body is not valid JSON");
            });
  }

  @Test
  void actualBodyThatIsNotJsonIsReportedNotThrown() {
    List<Mismatch> m =
        request(
            put(Body.json(Json.parse("{\"one\": \"a\"}"))),
            put(Body.text("{\"one\": ", ContentType.JSON), "application/json"));
    assertThat(m)
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.description())
                    .startsWith("Expected a JSON body but the actual body is not valid JSON"));
  }

  @Test
  void vendorJsonContentTypesUseTheJsonAlgorithm() {
    ContentType siren = ContentType.parse("application/vnd.siren+json");
    assertThat(
            described(
                request(
                    put(Body.json(Json.parse("{\"a\": 1}"), siren), "application/vnd.siren+json"),
                    put(Body.json(Json.parse("{\"a\": 2}"), siren), "application/vnd.siren+json"))))
        .containsExactly("$.a -> Expected 2 (Integer) to be equal to 1 (Integer)");
  }

  // ---- text

  @Test
  void plainTextIsComparedByEquality() {
    HttpRequest expected = put(Body.text("Hello World!", ContentType.TEXT), "text/plain");
    assertThat(request(expected, put(Body.text("Hello World!", ContentType.TEXT), "text/plain")))
        .isEmpty();
    assertThat(
            described(
                request(expected, put(Body.text("Hello Mars!", ContentType.TEXT), "text/plain"))))
        .containsExactly(
            "$ -> Expected body 'Hello World!' to match 'Hello Mars!' using equality but did not match");
  }

  @Test
  void plainTextRegexRuleMatchesTheWholeTextAcrossLines() {
    HttpRequest expected =
        put(Body.text("Hello World!", ContentType.TEXT), "text/plain")
            .withMatchingRules(bodyRule("$", new MatchingRule.Regex("Hello .+!")));
    assertThat(request(expected, put(Body.text("Hello Mars!", ContentType.TEXT), "text/plain")))
        .isEmpty();
    assertThat(
            request(
                expected, put(Body.text("Hello Mars!\nand more!", ContentType.TEXT), "text/plain")))
        .isEmpty();
    assertThat(described(request(expected, put(Body.text("Bye", ContentType.TEXT), "text/plain"))))
        .containsExactly("$ -> Expected body 'Bye' to match 'Hello .+!'");
  }

  // ---- XML

  private static HttpRequest xml(String text) {
    return put(Body.text(text, ContentType.XML), "application/xml");
  }

  @Test
  void identicalXmlMatches() {
    assertThat(
            request(
                xml("<?xml version=\"1.0\"?><values><one>A</one><two>B</two></values>"),
                xml("<values>\n  <one>A</one>\n  <two>B</two>\n</values>")))
        .isEmpty();
  }

  @Test
  void missingXmlChildIsReported() {
    assertThat(
            described(
                request(
                    xml("<values><one>A</one><two>B</two></values>"),
                    xml("<values><one>A</one></values>"))))
        .containsExactly("$.values.two -> Expected child <two/> but was missing");
  }

  @Test
  void differentXmlTextIsReportedAtTheTextNode() {
    assertThat(
            described(
                request(
                    xml("<values><one>A</one></values>"), xml("<values><one>C</one></values>"))))
        .containsExactly("$.values.one['#text'] -> Expected value 'A' but received 'C'");
  }

  @Test
  void xmlAttributesAreComparedAndExtraOnesFailOnlyInRequests() {
    String expected = "<alligator name=\"Mary\"/>";
    assertThat(described(request(xml(expected), xml("<alligator name=\"Jane\"/>"))))
        .containsExactly("$.alligator['@name'] -> Expected @name='Mary' but received 'Jane'");
    assertThat(described(request(xml(expected), xml("<alligator name=\"Mary\" feet=\"4\"/>"))))
        .containsExactly("$.alligator['@feet'] -> Unexpected attribute @feet='4' received");
    HttpResponse response =
        HttpResponse.of(200)
            .withHeaders(Map.of("Content-Type", List.of("application/xml")))
            .withBody(Body.text(expected, ContentType.XML));
    assertThat(
            Matching.matchResponse(
                response,
                response.withBody(
                    Body.text("<alligator name=\"Mary\" feet=\"4\"/>", ContentType.XML))))
        .isEmpty();
  }

  @Test
  void unexpectedXmlChildFailsInARequestOnly() {
    assertThat(described(request(xml("<a><b>1</b></a>"), xml("<a><b>1</b><c/></a>"))))
        .containsExactly("$.a.c -> Unexpected child <c/> received");
    HttpResponse response =
        HttpResponse.of(200)
            .withHeaders(Map.of("Content-Type", List.of("application/xml")))
            .withBody(Body.text("<a><b>1</b></a>", ContentType.XML));
    assertThat(
            Matching.matchResponse(
                response, response.withBody(Body.text("<a><b>1</b><c/></a>", ContentType.XML))))
        .isEmpty();
  }

  @Test
  void xmlNamespacePrefixesDoNotMatterButNamespacesDo() {
    assertThat(
            request(
                xml("<a:root xmlns:a=\"urn:x\"><a:v>1</a:v></a:root>"),
                xml("<b:root xmlns:b=\"urn:x\"><b:v>1</b:v></b:root>")))
        .isEmpty();
    assertThat(request(xml("<a:root xmlns:a=\"urn:x\"/>"), xml("<a:root xmlns:a=\"urn:y\"/>")))
        .hasSize(1);
  }

  @Test
  void xmlTypeRuleOnRepeatedChildrenComparesEachWithTheExample() {
    MatchingRules rules =
        MatchingRules.builder()
            .add(Category.BODY, "$.people.person", new MatchingRule.Type(null, null))
            .add(Category.BODY, "$.people.person['@id']", new MatchingRule.Regex("\\d+"))
            .build();
    HttpRequest expected =
        xml("<people><person id=\"1\">Ann</person></people>").withMatchingRules(rules);
    assertThat(
            request(
                expected,
                xml("<people><person id=\"7\">Bob</person><person id=\"8\">Cy</person></people>")))
        .isEmpty();
    assertThat(described(request(expected, xml("<people><person id=\"x\">Bob</person></people>"))))
        .containsExactly("$.people.person['@id'] -> Expected 'x' to match '\\d+'");
  }

  @Test
  void xmlIntegerRuleOnAnAttributeCoercesItsText() {
    HttpRequest expected =
        xml("<a n=\"1\"/>")
            .withMatchingRules(bodyRule("$.a['@n']", new MatchingRule.IntegerType()));
    assertThat(request(expected, xml("<a n=\"42\"/>"))).isEmpty();
  }

  @Test
  void xmlWithADoctypeIsRefusedSoExternalEntitiesCannotBeRead() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
    assertThat(request(xml("<a>1</a>"), xml(xxe)))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.description())
                    .startsWith("Expected an XML body but the actual body is not well-formed XML"));
  }

  // ---- form

  private static HttpRequest form(String text) {
    return put(Body.text(text, ContentType.FORM), "application/x-www-form-urlencoded");
  }

  @Test
  void formBodiesCompareParametersInAnyOrder() {
    assertThat(request(form("a=1&b=2&c=3&d=4"), form("d=4&c=3&b=2&a=1"))).isEmpty();
  }

  @Test
  void formParameterWithAnotherValueIsReported() {
    assertThat(described(request(form("a=1&b=2&c=3&d=4"), form("a=1&b=2&c=33&d=4"))))
        .containsExactly("$.c -> Expected form post parameter 'c' with value '3' but was '33'");
  }

  @Test
  void extraFormParameterFailsInARequestOnly() {
    assertThat(described(request(form("a=1"), form("a=1&e=5"))))
        .containsExactly("$.e -> Unexpected form post parameter 'e' received");
    HttpResponse response =
        HttpResponse.of(200)
            .withHeaders(Map.of("Content-Type", List.of("application/x-www-form-urlencoded")))
            .withBody(Body.text("a=1", ContentType.FORM));
    assertThat(
            Matching.matchResponse(
                response, response.withBody(Body.text("a=1&e=5", ContentType.FORM))))
        .isEmpty();
  }

  @Test
  void formRuleAppliesToTheParameter() {
    HttpRequest expected =
        form("a=1&b=x").withMatchingRules(bodyRule("$.a", new MatchingRule.IntegerType()));
    assertThat(request(expected, form("a=42&b=x"))).isEmpty();
    assertThat(described(request(expected, form("a=4.2&b=x"))))
        .containsExactly("$.a -> Expected '4.2' (String) to be an integer");
  }

  // ---- binary

  @Test
  void binaryBodiesAreComparedByteForByte() {
    ContentType jpeg = ContentType.parse("image/jpeg");
    assertThat(
            request(
                put(Body.bytes(JPEG_A, jpeg), "image/jpeg"),
                put(Body.bytes(JPEG_A, jpeg), "image/jpeg")))
        .isEmpty();
    assertThat(
            described(
                request(
                    put(Body.bytes(JPEG_A, jpeg), "image/jpeg"),
                    put(Body.bytes(JPEG_B, jpeg), "image/jpeg"))))
        .containsExactly(
            "$ -> Actual body [image/jpeg, 12 bytes, starting with ffd8ffe10010457869660909] is not equal to the "
                + "expected body [image/jpeg, 13 bytes, starting with ffd8ffe000104a464946010203]");
  }

  @Test
  void contentTypeMatcherDetectsTheActualTypeFromMagicBytes() {
    ContentType octets = ContentType.OCTET_STREAM;
    HttpRequest expected =
        put(Body.bytes(JPEG_A, octets), "application/octet-stream")
            .withMatchingRules(bodyRule("$", new MatchingRule.ContentTypeRule("image/jpeg")));
    assertThat(request(expected, put(Body.bytes(JPEG_B, octets), "application/octet-stream")))
        .isEmpty();
    assertThat(
            described(request(expected, put(Body.bytes(PDF, octets), "application/octet-stream"))))
        .containsExactly(
            "$ -> Expected binary contents to have content type 'image/jpeg' but detected contents was"
                + " 'application/pdf'");
  }

  @Test
  void notEmptyMatcherOnBinaryContent() {
    ContentType jpeg = ContentType.parse("image/jpeg");
    HttpRequest expected =
        put(Body.bytes(JPEG_A, jpeg)).withMatchingRules(bodyRule("$", new MatchingRule.NotEmpty()));
    assertThat(request(expected, put(Body.bytes(JPEG_B, jpeg), "image/jpeg"))).isEmpty();
    assertThat(described(request(expected, put(Body.empty(), "image/jpeg"))))
        .containsExactly("$ -> Expected [] (0 bytes) to not be empty");
  }

  // ---- multipart

  private static final String BOUNDARY = "gc0p4Jq0M2Yt08jU534c0p";

  private static HttpRequest multipart(String boundary, String text, String binaryPart) {
    String body =
        "--"
            + boundary
            + "\r\nContent-Type: text/plain\r\n\r\n"
            + text
            + "\r\n--"
            + boundary
            + "\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getEncoder().encodeToString(binaryPart.getBytes(StandardCharsets.UTF_8))
            + "\r\n--"
            + boundary
            + "--\r\n";
    String ct = "multipart/mixed; boundary=" + boundary;
    return put(Body.text(body, ContentType.parse(ct)), ct);
  }

  @Test
  void multipartPartsAreMatchedByTheirOwnContentTypeWhateverTheBoundary() {
    assertThat(
            request(
                multipart(BOUNDARY, "This is the body of the message.", "<html></html>"),
                multipart("other-boundary", "This is the body of the message.", "<html></html>")))
        .isEmpty();
  }

  @Test
  void multipartBinaryPartDifferenceIsReportedWithDecodedBytes() {
    List<Mismatch> m =
        request(multipart(BOUNDARY, "text", "<html>"), multipart(BOUNDARY, "text", "{}"));
    assertThat(described(m))
        .containsExactly(
            "$ -> Actual body [application/octet-stream, 2 bytes, starting with 7b7d]"
                + " is not equal to the expected body [application/octet-stream, 6 bytes, starting with 3c68746d6c3e]");
  }

  @Test
  void multipartPartsWithNamesArePairedByName() {
    String ct = "multipart/form-data; boundary=XyZ";
    String expected =
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--XyZ--\r\n";
    String actual =
        "--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n9\r\n--XyZ--\r\n";
    List<Mismatch> m =
        request(
            put(Body.text(expected, ContentType.parse(ct)), ct),
            put(Body.text(actual, ContentType.parse(ct)), ct));
    assertThat(described(m))
        .containsExactly("$ -> Expected body '1' to match '9' using equality but did not match");
  }
}
