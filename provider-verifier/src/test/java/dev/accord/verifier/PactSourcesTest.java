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
  void a_url_source_sends_bearer_or_basic_credentials() throws Exception {
    String json = Files.readString(PACT);
    try (FakeServer server = new FakeServer(r -> Reply.json(200, json))) {
      assertThat(PactSource.url(server.url() + "/pact", Credentials.bearer("t0k3n")).load())
          .singleElement().satisfies(p -> assertThat(p.pact().interactions()).hasSize(4));
      PactSource.url(server.url() + "/pact", Credentials.basic("ann", "s3cret")).load();
      assertThat(server.received).extracting(r -> r.headers().get("Authorization").get(0))
          .containsExactly("Bearer t0k3n", "Basic YW5uOnMzY3JldA==");
    }
  }

  @Test
  void a_refused_url_says_which_credentials_were_sent_without_revealing_them() throws Exception {
    try (FakeServer server = new FakeServer(r -> Reply.json(401, "{\"error\":\"unauthorised\"}"))) {
      assertThatThrownBy(() -> PactSource.url(server.url() + "/pact", Credentials.bearer("t0k3n")).load())
          .isInstanceOf(PactSourceException.class)
          .hasMessage("Fetching pact from " + server.url() + "/pact was refused with 401 (sent bearer token). Check"
              + " the credentials (basic: username/password, or a bearer token).");
    }
  }

  @Test
  void a_directory_source_reads_every_json_file_and_an_invalid_pact_names_the_file() throws Exception {
    Files.copy(PACT, dir.resolve("a.json"));
    Files.writeString(dir.resolve("notes.txt"), "not a pact");
    assertThat(PactSource.directory(dir).load()).hasSize(1);

    Files.writeString(dir.resolve("b.json"), "{\"consumer\": {\"name\": \"x\"}, \"interactions\": 3}");
    assertThatThrownBy(() -> PactSource.directory(dir).load()).isInstanceOf(PactSourceException.class)
        .hasMessageContaining("Invalid pact " + dir.resolve("b.json"));
  }

  @Test
  void an_invalid_pact_fails_the_verification_with_one_clear_error() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ not json");
    VerificationReport report = ProviderVerifier.forProvider("products-service").baseUrl("http://localhost:1")
        .pactsFrom(PactSource.file(bad)).output(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .verify();
    assertThat(report.passed()).isFalse();
    assertThat(report.fatalError()).hasValueSatisfying(e -> assertThat(e).startsWith("Invalid pact " + bad));
  }
}
