package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.Pacticipant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PactContentHashTest {

  @Test
  void metadataAndFormattingDoNotChangeTheHash() {
    // GIVEN the same interactions published twice with different metadata and file formatting
    Pact first = PactReader.read(Fixtures.load("roundtrip/v3-http.json"), "a");
    Pact second =
        new Pact(
            first.consumer(),
            first.provider(),
            first.interactions(),
            PactSpecification.V4,
            Map.of("pact-js", Json.parse("{\"version\": \"12.0.0\"}")));
    Pact reread = PactReader.read(PactWriter.toJson(second, PactSpecification.V4), "b");

    // THEN they hash equal
    assertThat(PactContentHash.sha256(second)).isEqualTo(PactContentHash.sha256(first));
    assertThat(PactContentHash.sha256(reread)).isEqualTo(PactContentHash.sha256(first));
  }

  @Test
  void theSameInteractionsFromV3AndV4FilesHashEqual() {
    Pact v3 = PactReader.read(Fixtures.load("roundtrip/v3-message.json"), "v3");
    Pact v4 = PactReader.read(PactWriter.toJson(v3, PactSpecification.V4), "v4");

    assertThat(PactContentHash.canonicalJson(v4)).isEqualTo(PactContentHash.canonicalJson(v3));
  }

  @Test
  void changedInteractionsChangeTheHash() {
    Pact pact = PactReader.read(Fixtures.load("roundtrip/v4-all-kinds.json"), "a");
    List<Interaction> fewer = pact.interactions().subList(0, 4);
    List<Interaction> reordered = new java.util.ArrayList<>(pact.interactions());
    java.util.Collections.swap(reordered, 0, 1);

    assertThat(PactContentHash.sha256(pact.withInteractions(fewer)))
        .isNotEqualTo(PactContentHash.sha256(pact));
    assertThat(PactContentHash.sha256(pact.withInteractions(reordered)))
        .isNotEqualTo(PactContentHash.sha256(pact));
  }

  @Test
  void canonicalJsonIsCompactSortedAndHoldsOnlyInteractions() {
    Pact pact =
        new Pact(
            Pacticipant.of("c"),
            Pacticipant.of("p"),
            List.of(PactWriterTest.productCreated()),
            PactSpecification.V4,
            Map.of("x", Json.nodes().stringNode("y")));

    String key =
        dev.accord.pact.json.internal.InteractionKeys.compute("product created", List.of());
    assertThat(PactContentHash.canonicalJson(pact))
        .isEqualTo(
            "{\"interactions\":[{\"contents\":{\"content\":{\"id\":7},"
                + "\"contentType\":\"application/json\",\"encoded\":false},\"description\":\"product created\",\"key\":\""
                + key
                + "\",\"metadata\":{\"topic\":\"products\"},\"pending\":false,\"type\":\"Asynchronous/Messages\"}]}");
    assertThat(PactContentHash.sha256(pact)).hasSize(64).matches("[0-9a-f]+");
  }
}
