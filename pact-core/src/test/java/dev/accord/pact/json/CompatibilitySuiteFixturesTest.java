package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.accord.pact.model.Generators;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every matching-rule, generator and pact fixture of the official Pact compatibility suite is read
 * without an error or a warning and survives a write and read. The suite lives in {@code ../shared}
 * (system property {@code accord.shared.dir}); without it the test fails on CI and is skipped
 * elsewhere.
 */
class CompatibilitySuiteFixturesTest {

  private static Path fixtures() {
    String shared = System.getProperty("accord.shared.dir");
    Path dir = shared == null ? null : Path.of(shared, "pact-compatibility-suite", "fixtures");
    boolean present = dir != null && Files.isDirectory(dir);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "The Pact compatibility suite is missing: expected its fixtures at "
              + dir
              + " (system property accord.shared.dir = "
              + shared
              + ")");
    }
    assumeTrue(
        present,
        "skipped: the Pact compatibility suite is not at " + dir + " (set accord.shared.dir)");
    return dir;
  }

  private static List<Path> files(Path dir, String glob) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName()))
          .sorted()
          .toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> matchingRuleFixtures() throws IOException {
    List<Path> files = files(fixtures(), "*-matcher*.json");
    assertThat(files).hasSizeGreaterThan(20);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      PactSpecification version =
                          file.getFileName().toString().contains("-v2")
                              ? PactSpecification.V2
                              : file.getFileName().toString().contains("-v3")
                                  ? PactSpecification.V3
                                  : PactSpecification.V4;
                      MatchingRules rules =
                          MatchingRulesJson.read(
                              Json.parse(Files.readString(file)), version, file.toString());

                      assertThat(rules.isEmpty()).isFalse();
                      for (PactSpecification written :
                          List.of(PactSpecification.V3, PactSpecification.V4)) {
                        assertThat(
                                MatchingRulesJson.read(
                                    MatchingRulesJson.write(rules, written), written, "written"))
                            .isEqualTo(rules);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> generatorFixtures() throws IOException {
    List<Path> files = files(fixtures(), "*-generator*.json");
    assertThat(files).hasSizeGreaterThan(10);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      Generators generators =
                          GeneratorsJson.read(Json.parse(Files.readString(file)), file.toString());

                      assertThat(generators.isEmpty()).isFalse();
                      assertThat(GeneratorsJson.read(GeneratorsJson.write(generators), "written"))
                          .isEqualTo(generators);
                    }));
  }

  /**
   * {@code pact-broker_c1.json} (a fixture no feature file uses) holds the regex {@code
   * .(*\/pacts...)$}, which no Pact dialect reads (neither Java nor Rust): the pact is read with a
   * warning naming it, and only the interaction that uses it fails when matched.
   */
  @Test
  void theSuitesBrokerFixtureWithABrokenRegexIsReadWithAWarning() {
    Path file = fixtures().resolve("pact-broker_c1.json");

    PactReader.Result read = PactReader.readWithWarnings(file);

    assertThat(read.pact().interactions()).isNotEmpty();
    assertThat(read.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.jsonPath())
                  .isEqualTo(
                      "$.interactions[1].response.matchingRules.body['$._links.self.href']"
                          + ".matchers[0].regex");
              assertThat(w.message())
                  .isEqualTo(
                      "the regular expression \".(*\\/pacts\\/provider\\/p\\/for-verification)$\" "
                          + "cannot be read (Dangling meta character '*'); the interactions that use it fail, the rest of the pact is "
                          + "verified");
            });
  }

  @TestFactory
  Stream<DynamicTest> pactFixtures() throws IOException {
    List<Path> files =
        files(fixtures(), "pact-broker_*.json").stream()
            .filter(f -> !f.getFileName().toString().equals("pact-broker_c1.json"))
            .toList();
    assertThat(files).isNotEmpty();
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      PactReader.Result read = PactReader.readWithWarnings(file);
                      Pact pact = read.pact();
                      String written = PactWriter.toJson(pact, PactSpecification.V4);

                      assertThat(read.warnings()).isEmpty();
                      assertThat(pact.interactions()).isNotEmpty();
                      assertThat(PactReader.read(written, "written")).isEqualTo(pact);
                      assertThat(
                              PactWriter.toJson(
                                  PactReader.read(written, "written"), PactSpecification.V4))
                          .isEqualTo(written);
                    }));
  }
}
