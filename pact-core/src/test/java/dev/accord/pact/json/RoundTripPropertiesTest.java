package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round-trip laws over many generated pacts ({@link RandomPacts}, seeded so a failure names the
 * seed that reproduces it): {@code read(write(p)) == p} and {@code write(read(write(p))) ==
 * write(p)}.
 */
class RoundTripPropertiesTest {

  static LongStream seeds() {
    return LongStream.range(0, 250);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void v4RoundTripIsLosslessAndStable(long seed) {
    assertLossless(RandomPacts.v4(seed), PactSpecification.V4, seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void v3RoundTripIsLosslessAndStable(long seed) {
    assertLossless(RandomPacts.v3(seed), PactSpecification.V3, seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void contentHashIgnoresMetadataAndTheFileVersion(long seed) {
    Pact pact = RandomPacts.v3(seed);
    Pact asV4 =
        PactReader.readWithWarnings(PactWriter.toJson(pact, PactSpecification.V4), "v4").pact();

    assertThat(PactContentHash.sha256(asV4)).isEqualTo(PactContentHash.sha256(pact));
    assertThat(PactContentHash.sha256(pact.withSpecification(PactSpecification.V4)))
        .isEqualTo(PactContentHash.sha256(pact));
  }

  private static void assertLossless(Pact pact, PactSpecification version, long seed) {
    String written = PactWriter.toJson(pact, version);
    PactReader.Result reread = PactReader.readWithWarnings(written, "seed " + seed);

    // the only warnings are about extension attributes, which are carried through by design
    assertThat(reread.warnings())
        .as("warnings for seed %d", seed)
        .allSatisfy(w -> assertThat(w.message()).endsWith("it is kept and written back unchanged"));
    assertThat(reread.pact()).as("model for seed %d:%n%s", seed, written).isEqualTo(pact);
    assertThat(PactWriter.toJson(reread.pact(), version))
        .as("bytes for seed %d", seed)
        .isEqualTo(written);
  }
}
