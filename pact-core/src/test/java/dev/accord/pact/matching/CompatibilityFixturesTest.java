package dev.accord.pact.matching;

import static dev.accord.pact.matching.MatchingFixtures.bodyRule;
import static dev.accord.pact.matching.MatchingFixtures.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.MatchingRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Binary scenarios of the Pact compatibility suite with its real fixture files (a JPEG, another
 * JPEG, a PDF), pinning the exact messages. The fixtures are read from {@code
 * ../shared/pact-compatibility-suite} (system property {@code accord.shared.dir}); without them the
 * tests are skipped, except on CI where that fails.
 */
class CompatibilityFixturesTest {

  private static Path fixtures;

  @BeforeAll
  static void locateFixtures() {
    String shared = System.getProperty("accord.shared.dir", "../../shared");
    Path dir = Path.of(shared, "pact-compatibility-suite", "fixtures");
    boolean present = Files.isRegularFile(dir.resolve("rat.jpg"));
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "The Pact compatibility suite fixtures are missing at "
              + dir.toAbsolutePath()
              + "; on CI they must be present (check out pact-compatibility-suite next to the repository)");
    }
    Assumptions.assumeTrue(
        present,
        () ->
            "Skipped: compatibility suite fixtures not found at "
                + dir.toAbsolutePath()
                + " (set -Daccord.shared.dir)");
    fixtures = dir;
  }

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(fixtures.resolve(name));
  }

  private static HttpRequest put(byte[] bytes, String contentType) {
    return HttpRequest.of("PUT", "/bin")
        .withBody(Body.bytes(bytes, ContentType.parse(contentType)))
        .withHeaders(Map.of("Content-Type", List.of(contentType)));
  }

  @Test
  void differentJpegsAreReportedWithSizesAndFirstBytes() throws IOException {
    List<Mismatch> m =
        Matching.matchRequest(
            put(fixture("rat.jpg"), "image/jpeg"), put(fixture("spider.jpg"), "image/jpeg"));
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(MismatchType.BODY);
              assertThat(x.description())
                  .isEqualTo(
                      "Actual body [image/jpeg, 30922 bytes, starting with "
                          + "ffd8ffe000104a46494600010101004800480000ffe100ae4578696600004949] is not equal to the expected body "
                          + "[image/jpeg, 28058 bytes, starting with ffd8ffe000104a46494600010101012c012c0000ffe12db64578696600004949]");
            });
  }

  @Test
  void contentTypeMatcherAcceptsAnotherJpeg() throws IOException {
    HttpRequest expected =
        put(fixture("rat.jpg"), "application/octet-stream")
            .withMatchingRules(bodyRule("$", new MatchingRule.ContentTypeRule("image/jpeg")));
    assertThat(
            Matching.matchRequest(expected, put(fixture("spider.jpg"), "application/octet-stream")))
        .isEmpty();
  }

  @Test
  void contentTypeMatcherRejectsAPdf() throws IOException {
    HttpRequest expected =
        put(fixture("rat.jpg"), "application/octet-stream")
            .withMatchingRules(bodyRule("$", new MatchingRule.ContentTypeRule("image/jpeg")));
    assertThat(
            described(
                Matching.matchRequest(
                    expected, put(fixture("sample.pdf"), "application/octet-stream"))))
        .containsExactly(
            "$ -> Expected binary contents to have content type 'image/jpeg' but detected contents was"
                + " 'application/pdf'");
  }
}
