package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.internal.AccordVersion;
import dev.accord.pact.model.PactSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole pact files, byte for byte: key order, indentation, escaping, number forms and the trailing
 * newline. The golden files were written before pact-core's JSON writing moved onto Jackson's
 * pretty printer; a change here changes every pact file users commit and every content hash the
 * broker stores.
 */
class GoldenPactFileTest {
  private static final String VERSION_PLACEHOLDER = "@ACCORD_VERSION@";

  @ParameterizedTest(name = "{0} written as {1} is {2}")
  @CsvSource({
    "roundtrip/v4-all-kinds.json, V4, golden/v4-all-kinds.v4.json",
    "roundtrip/v3-http.json, V3, golden/v3-http.v3.json",
    "roundtrip/v3-message.json, V3, golden/v3-message.v3.json",
    "golden/edge-values.json, V4, golden/edge-values.v4.json",
    "golden/edge-values.json, V3, golden/edge-values.v3.json"
  })
  void writesExactlyTheGoldenBytes(String fixture, PactSpecification version, String golden) {
    // GIVEN a pact read from a fixture
    PactReader.Result read = PactReader.readWithWarnings(Fixtures.load(fixture), fixture);

    // WHEN it is written
    String written = PactWriter.toJson(read.pact().withSpecification(version), version);

    // THEN the text is the golden file's, to the byte
    String expected = Fixtures.load(golden).replace(VERSION_PLACEHOLDER, AccordVersion.get());
    assertThat(written)
        .as(
            "%s written as %s differs from src/test/resources/json/%s; if the change is intended, every pact file"
                + " users have committed changes with it: say so in the release notes and update the golden file",
            fixture, version, golden)
        .isEqualTo(expected);
  }
}
