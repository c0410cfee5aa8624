package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.verifier.FakeServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactSourcesTest {
  private static final Path PACT = Path.of("src/test/resources/pacts/junit-products.json");
  @TempDir Path dir;

  @Test
  void aUrlSourceSendsBearerOrBasicCredentials() throws Exception {
    String json = Files.readString(PACT);
    try (FakeServer server = new FakeServer(r -> Reply.json(200, json))) {
      assertThat(PactSource.url(server.url() + "/pact", Credentials.bearer("t0k3n")).load())
          .singleElement()
          .satisfies(p -> assertThat(p.pact().interactions()).hasSize(4));
      PactSource.url(server.url() + "/pact", Credentials.basic("ann", "s3cret")).load();
      assertThat(server.received)
          .extracting(r -> r.headers().get("Authorization").get(0))
          .containsExactly("Bearer t0k3n", "Basic YW5uOnMzY3JldA==");
    }
  }

  @Test
  void aRefusedUrlSaysWhichCredentialsWereSentWithoutRevealingThem() throws Exception {
    try (FakeServer server = new FakeServer(r -> Reply.json(401, "{\"error\":\"unauthorised\"}"))) {
      assertThatThrownBy(
              () -> PactSource.url(server.url() + "/pact", Credentials.bearer("t0k3n")).load())
          .isInstanceOf(PactSourceException.class)
          .hasMessage(
              "Fetching pact from "
                  + server.url()
                  + "/pact was refused with 401 (sent bearer token). Check"
                  + " the credentials (basic: username/password, or a bearer token).");
    }
  }

  @Test
  void aDirectorySourceReadsEveryJsonFileAndAnInvalidPactNamesTheFile() throws Exception {
    Files.copy(PACT, dir.resolve("a.json"));
    Files.writeString(dir.resolve("notes.txt"), "not a pact");
    assertThat(PactSource.directory(dir).load()).hasSize(1);

    Files.writeString(
        dir.resolve("b.json"), "{\"consumer\": {\"name\": \"x\"}, \"interactions\": 3}");
    assertThatThrownBy(() -> PactSource.directory(dir).load())
        .isInstanceOf(PactSourceException.class)
        .hasMessageContaining("Invalid pact " + dir.resolve("b.json"));
  }

  static final String GOOD_PACT =
      """
      {"consumer": {"name": "orders-service"}, "provider": {"name": "products-service"},
       "interactions": [{"description": "get product p1", "request": {"method": "GET", "path": "/products/p1"},
                         "response": {"status": 200, "body": {"id": "p1"}}}],
       "metadata": {"pactSpecification": {"version": "3.0.0"}}}
      """;
  static final String BAD_PACT =
      """
      {"consumer": {"name": "billing-service"}, "provider": {"name": "products-service"},
       "interactions": [{"description": "a", "request": {"method": "GET", "path": "/"}, "response": {"status": 999}},
                        {"request": {"method": "GET", "path": "/"}, "response": {"status": 200}}],
       "metadata": {"pactSpecification": {"version": "3.0.0"}}}
      """;

  @Test
  void anInvalidPactIsReportedWithEveryProblemAndTheOtherPactsAreStillVerified() throws Exception {
    // GIVEN a directory with an invalid pact (two problems) and a valid one, and a provider
    // honouring the valid one
    Files.writeString(dir.resolve("a-bad.json"), BAD_PACT);
    Files.writeString(dir.resolve("b-good.json"), GOOD_PACT);
    try (FakeServer provider = new FakeServer(r -> Reply.json(200, "{\"id\":\"p1\"}"))) {
      // WHEN the directory is verified
      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(PactSource.directory(dir))
              .output(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
              .verify();

      // THEN the valid pact was verified, the invalid one is reported with both problems, and the
      // run failed
      assertThat(provider.received)
          .extracting(FakeServer.Received::path)
          .containsExactly("/products/p1");
      assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.passed()).isTrue());
      assertThat(report.fatalError()).isEmpty();
      assertThat(report.unreadablePacts())
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e)
                      .startsWith("Invalid pact " + dir.resolve("a-bad.json") + ": 2 problems\n")
                      .contains(
                          "at $.interactions[0].response.status: the status 999 is not an HTTP status code")
                      .contains(
                          "at $.interactions[1].description: the interaction has no description"));
      assertThat(report.passed()).isFalse();
      assertThat(report.summary())
          .isEqualTo("0 of 1 interaction failed; 1 pact could not be loaded");
    }
  }

  @Test
  void whenNoPactCanBeLoadedNothingIsVerifiedAndNoZeroOfZeroLineIsPrinted() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ not json");
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    VerificationReport report =
        ProviderVerifier.forProvider("products-service")
            .baseUrl("http://localhost:1")
            .pactsFrom(PactSource.file(bad))
            .output(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8))
            .seed(1)
            .verify();
    assertThat(report.passed()).isFalse();
    assertThat(report.unreadablePacts())
        .singleElement()
        .satisfies(e -> assertThat(e).startsWith("Invalid pact " + bad));
    assertThat(report.summary()).isEqualTo("Nothing was verified: 1 pact could not be loaded");
    assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("0 of 0")
        .endsWith(
            "Nothing was verified: 1 pact could not be loaded"
                + System.lineSeparator()
                + "To replay: seed 1, Accord (development build), filters: none"
                + System.lineSeparator());
  }
}
