package dev.accord.pact.matching;

import static dev.accord.pact.matching.MatchingFixtures.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Message payloads by content type, then metadata. */
class MessageMatchingTest {

  private static MessageContents message(Body body, Map<String, JsonNode> metadata) {
    return new MessageContents(body, metadata, null, null);
  }

  private static JsonNode text(String s) {
    return Json.nodes().stringNode(s);
  }

  @Test
  void jsonPayloadIsLenientAboutExtraKeys() {
    MessageContents expected = message(Body.json(Json.parse("{\"id\": 1}")), Map.of());
    assertThat(
            Matching.matchMessage(
                expected, message(Body.json(Json.parse("{\"id\": 1, \"x\": 2}")), Map.of())))
        .isEmpty();
  }

  @Test
  void payloadMismatchUsesTheBodyRules() {
    MessageContents expected =
        new MessageContents(
            Body.json(Json.parse("{\"id\": 1}")),
            Map.of(),
            MatchingRules.builder()
                .add(Category.BODY, "$.id", new MatchingRule.IntegerType())
                .build(),
            null);
    List<Mismatch> m =
        Matching.matchMessage(
            expected, message(Body.json(Json.parse("{\"id\": \"1\"}")), Map.of()));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.BODY);
              assertThat(x.path()).isEqualTo("$.id");
              assertThat(x.description()).isEqualTo("Expected '1' (String) to be an integer");
            });
  }

  @Test
  void payloadContentTypeComesFromTheMetadataWhenTheBodyHasNone() {
    MessageContents expected =
        message(Body.bytes("Hello".getBytes(), null), Map.of("contentType", text("text/plain")));
    MessageContents actual =
        message(Body.bytes("Bye".getBytes(), null), Map.of("contentType", text("text/plain")));
    assertThat(described(Matching.matchMessage(expected, actual)))
        .containsExactly(
            "$ -> Expected body 'Hello' to match 'Bye' using equality but did not match");
  }

  @Test
  void xmlPayloadIsMatchedAsXml() {
    MessageContents expected = message(Body.text("<a><b>1</b></a>", ContentType.XML), Map.of());
    assertThat(
            Matching.matchMessage(
                expected, message(Body.text("<a><b>1</b><c/></a>", ContentType.XML), Map.of())))
        .isEmpty();
    assertThat(
            Matching.matchMessage(
                expected, message(Body.text("<a><b>2</b></a>", ContentType.XML), Map.of())))
        .hasSize(1);
  }

  @Test
  void extraMetadataKeysAreAllowed() {
    MessageContents expected = message(Body.missing(), Map.of("destination", text("orders")));
    assertThat(
            Matching.matchMessage(
                expected,
                message(
                    Body.missing(),
                    Map.of(
                        "destination", text("orders"), "partition", Json.nodes().numberNode(3)))))
        .isEmpty();
  }

  @Test
  void missingMetadataKeyIsReported() {
    MessageContents expected = message(Body.missing(), Map.of("destination", text("orders")));
    List<Mismatch> m = Matching.matchMessage(expected, message(Body.missing(), Map.of()));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.METADATA);
              assertThat(x.path()).isEqualTo("destination");
              assertThat(x.description())
                  .isEqualTo("Expected metadata key 'destination' but was missing");
            });
  }

  @Test
  void differentMetadataValueIsReported() {
    MessageContents expected = message(Body.missing(), Map.of("destination", text("orders")));
    assertThat(
            described(
                Matching.matchMessage(
                    expected, message(Body.missing(), Map.of("destination", text("x"))))))
        .containsExactly(
            "destination -> Expected metadata key 'destination' to have value 'orders' but was 'x'");
  }

  @Test
  void metadataValuesMayBeGivenInStringForm() {
    MessageContents expected =
        message(Body.missing(), Map.of("partition", Json.nodes().numberNode(3)));
    assertThat(
            Matching.matchMessage(
                expected, message(Body.missing(), Map.of("partition", text("3")))))
        .isEmpty();
  }

  @Test
  void metadataContentTypeIsComparedAsAMediaType() {
    MessageContents expected =
        message(Body.missing(), Map.of("contentType", text("application/json")));
    assertThat(
            Matching.matchMessage(
                expected,
                message(
                    Body.missing(),
                    Map.of("contentType", text("application/json; charset=UTF-8")))))
        .isEmpty();
  }

  @Test
  void expectedContentTypeMetadataIsComparedWithTheContentsTypeWhenTheMetadataHasNone() {
    // GIVEN a V3 message pact (content type in the metadata) and a producer that gave it only as
    // the contents' type
    MessageContents expected =
        message(
            Body.json(Json.parse("{\"id\": 1}")), Map.of("contentType", text("application/json")));
    MessageContents sameType =
        message(
            Body.bytes("{\"id\": 1}".getBytes(), ContentType.parse("application/json")), Map.of());
    MessageContents otherType =
        message(Body.bytes("{\"id\": 1}".getBytes(), ContentType.parse("text/plain")), Map.of());

    // THEN the contents' type stands for the missing metadata entry
    assertThat(Matching.matchMessage(expected, sameType)).isEmpty();
    assertThat(described(Matching.matchMessage(expected, otherType)))
        .contains(
            "contentType -> Expected metadata key 'contentType' to have value 'application/json' but was 'text/plain'");
  }

  @Test
  void metadataRuleIsAppliedByKey() {
    MessageContents expected =
        new MessageContents(
            Body.missing(),
            Map.of("Origin", text("AAA-123")),
            MatchingRules.builder()
                .add(Category.METADATA, "Origin", new MatchingRule.Regex("\\w{3}-\\d+"))
                .build(),
            null);
    assertThat(
            Matching.matchMessage(
                expected, message(Body.missing(), Map.of("Origin", text("XYZ-9")))))
        .isEmpty();
    assertThat(
            described(
                Matching.matchMessage(
                    expected, message(Body.missing(), Map.of("Origin", text("X-9"))))))
        .containsExactly("Origin -> Expected 'X-9' to match '\\w{3}-\\d+'");
  }
}
