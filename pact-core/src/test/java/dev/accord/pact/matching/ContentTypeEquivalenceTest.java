package dev.accord.pact.matching;

import static dev.accord.pact.matching.MatchingFixtures.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.internal.ContentTypeDetector;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Structured-syntax media types ({@code +json}, {@code +xml}) are JSON and XML, and a body that
 * declares no content type is detected, as the reference implementation (pact_models /
 * pact_matching) does.
 */
class ContentTypeEquivalenceTest {

  private static HttpResponse response(Body body, String contentType) {
    HttpResponse r = HttpResponse.of(200).withBody(body);
    return contentType == null ? r : r.withHeaders(Map.of("Content-Type", List.of(contentType)));
  }

  private static Body bytes(String text) {
    return Body.bytes(text.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void aHalJsonResponseSatisfiesAJsonBodyWhenThePactNamesNoContentType() {
    // GIVEN a pact whose response body is JSON with no Content-Type
    HttpResponse expected = response(Body.json(Json.parse("{\"id\": 1}")), null);
    // WHEN the provider answers application/hal+json
    HttpResponse actual = response(bytes("{\"id\": 1, \"_links\": {}}"), "application/hal+json");

    // THEN the bodies are compared as JSON, and they match
    assertThat(Matching.matchResponse(expected, actual)).isEmpty();
  }

  @Test
  void aHalJsonResponseIsComparedAsJson() {
    HttpResponse expected = response(Body.json(Json.parse("{\"id\": 1}"), ContentType.JSON), null);
    HttpResponse actual =
        response(bytes("{\"id\": 2}"), "application/vnd.orders.v1+json; charset=UTF-8");

    assertThat(described(Matching.matchResponse(expected, actual)))
        .containsExactly("$.id -> Expected 2 (Integer) to be equal to 1 (Integer)");
  }

  @Test
  void anAtomXmlResponseSatisfiesAnXmlBody() {
    HttpResponse expected =
        response(bytes("<?xml version=\"1.0\"?><feed><title>a</title></feed>"), null);
    HttpResponse actual =
        response(bytes("<feed><title>a</title><id>1</id></feed>"), "application/atom+xml");

    assertThat(Matching.matchResponse(expected, actual)).isEmpty();
  }

  @Test
  void textXmlAndApplicationXmlAreOneType() {
    // (the body's own type: a Content-Type header in the pact would be compared as a header,
    // exactly)
    HttpResponse expected =
        response(Body.bytes("<a>1</a>".getBytes(StandardCharsets.UTF_8), ContentType.XML), null);
    HttpResponse actual = response(bytes("<a>1</a>"), "text/xml");

    assertThat(Matching.matchResponse(expected, actual)).isEmpty();
  }

  @Test
  void aDeclaredStructuredTypeStillNeedsThatType() {
    // the reference implementation reads the actual type as its suffix, never the expected one
    HttpResponse expected = response(Body.json(Json.parse("{\"id\": 1}")), "application/hal+json");
    HttpResponse actual = response(bytes("{\"id\": 1}"), "application/json");

    assertThat(described(Matching.matchResponse(expected, actual)))
        .contains(
            "$ -> Expected a body of "
                + "'application/hal+json' but the actual content type was 'application/json'");
  }

  @Test
  void anSvgBodyWithoutContentTypeIsXmlAsTheReferenceDetectsIt() {
    HttpResponse expected = response(bytes("<svg width=\"1\"><rect/></svg>"), null);
    HttpResponse actual =
        response(bytes("<svg width=\"1\"><rect/><circle/></svg>"), "application/xml");

    assertThat(Matching.matchResponse(expected, actual)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
      '<?xml version="1.0"?><a/>'   | application/xml
      '  <a x="1">'                 | application/xml
      '<svg></svg>'                 | application/xml
      '<!DOCTYPE html><html>'       | text/html
      '<!doctype html>'             | text/html
      '<HTML>'                      | text/html
      '{"id": 1}'                   | application/json
      '{}'                          | application/json
      '[1, 2]'                      | application/json
      '"quoted'                     | application/json
      '42'                          | application/json
      'true'                        | application/json
      'null'                        | application/json
      'Hello World!'                | text/plain
      '<!-- a comment -->'          | text/plain
      '{ not json'                  | text/plain
      """)
  void aBodyWithoutContentTypeIsDetectedAsTheReferenceImplementationDoes(
      String text, String mediaType) {
    assertThat(ContentTypeDetector.detectUndeclared(text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(mediaType);
  }

  @Test
  void xmlMeansApplicationOrTextXml() {
    assertThat(ContentType.parse("application/atom+xml").isXml()).isTrue();
    assertThat(ContentType.parse("text/xml").isXml()).isTrue();
    assertThat(ContentType.parse("image/svg+xml").isXml()).isFalse();
  }
}
