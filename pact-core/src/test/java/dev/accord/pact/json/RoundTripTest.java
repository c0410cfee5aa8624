package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundTripTest {

  @ParameterizedTest(name = "{0} written as {1}")
  @CsvSource({
    "roundtrip/v4-all-kinds.json, V4",
    "roundtrip/v3-http.json, V3",
    "roundtrip/v3-http.json, V4",
    "roundtrip/v3-message.json, V3",
    "roundtrip/v3-message.json, V4",
    "roundtrip/v2.json, V3",
    "roundtrip/v2.json, V4",
    "roundtrip/v1_1.json, V3",
    "roundtrip/v1_1.json, V4"
  })
  void readingWhatWasWrittenGivesTheSamePactAndTheSameBytes(
      String fixture, PactSpecification version) {
    // GIVEN a pact read from a fixture
    PactReader.Result original = PactReader.readWithWarnings(Fixtures.load(fixture), fixture);
    Pact pact = original.pact().withSpecification(version);

    // WHEN it is written and read back
    String written = PactWriter.toJson(pact, version);
    PactReader.Result reread = PactReader.readWithWarnings(written, "written " + fixture);

    // THEN the model is unchanged, nothing was ignored, and writing again gives the same bytes
    assertThat(reread.warnings()).isEmpty();
    assertThat(reread.pact()).isEqualTo(pact);
    assertThat(PactWriter.toJson(reread.pact(), version)).isEqualTo(written);
    assertThat(written).endsWith("}\n");
  }
}
