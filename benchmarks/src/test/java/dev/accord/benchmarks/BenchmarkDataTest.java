package dev.accord.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.PactReader;
import dev.accord.pact.json.PactWriter;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import org.junit.jupiter.api.Test;

/** The benchmark inputs are what the benchmarks claim to measure (no timing here). */
class BenchmarkDataTest {

  @Test
  void thePactHasAThousandInteractionsAndRoundTrips() {
    Pact pact = BenchmarkData.pact(1_000);
    String json = PactWriter.toJson(pact, PactSpecification.V4);

    assertThat(pact.interactions()).hasSize(1_000);
    assertThat(PactReader.read(json, "benchmark")).isEqualTo(pact);
    assertThat(BenchmarkData.pact(1_000)).isEqualTo(pact);
  }

  @Test
  void theResponseIsAbout50KbWith40RulesAndMatches() {
    HttpResponse expected = BenchmarkData.expectedResponse(MatchingBenchmark.BODY_BYTES);
    HttpResponse actual = BenchmarkData.actualResponse(MatchingBenchmark.BODY_BYTES);

    assertThat(expected.body().size()).isBetween(48 * 1024, 52 * 1024);
    assertThat(
            expected.matchingRules().category(Category.BODY).size()
                + expected.matchingRules().category(Category.HEADER).size())
        .isEqualTo(40);
    assertThat(actual.body().asJson()).isNotEqualTo(expected.body().asJson());
    assertThat(Matching.matchResponse(expected, actual)).isEmpty();
  }
}
