package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.Pact;
import dev.accord.verifier.FakeServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleReportsTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  @TempDir Path dir;

  private static HttpInteraction review() {
    Map<String, List<String>> query = new java.util.LinkedHashMap<>();
    query.put("notify", List.of("yes"));
    query.put("api_key", List.of("k-123"));
    HttpRequest request =
        new HttpRequest(
            "POST",
            "/products/42/reviews",
            query,
            Map.of("Content-Type", List.of("application/json")),
            Body.json(Json.parse("{\"text\":\"it's fine\"}")),
            null,
            null);
    return new HttpInteraction(
        InteractionCommon.of("a review", List.of()), request, HttpResponse.of(201));
  }

  @Test
  void aFailureRecordsSeedVersionFiltersRequestResponseAndACurlCommandThatReplaysIt()
      throws Exception {
    try (FakeServer provider =
        new FakeServer(
            r ->
                new Reply(
                    500,
                    "application/json",
                    "{\"error\":\"boom\"}",
                    Map.of("Set-Cookie", "session=s3cr3t")))) {
      // GIVEN a provider that fails, a request carrying credentials, a seed and a filter
      Pact pact = Pacts.pact("orders-service", review(), Pacts.get("left out", "/other", 200));

      // WHEN the run fails
      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(PactSource.of(pact))
              .seed(7)
              .filterDescription("review")
              .requestFilter(
                  r -> r.withHeaders(Headers.with(r.headers(), "Authorization", "Bearer t0ken")))
              .output(new PrintStream(console, true))
              .reports(dir, ReportFormat.JSON, ReportFormat.JUNIT, ReportFormat.HTML)
              .verify();

      // THEN the report says how to replay the run and the request, credentials redacted
      InteractionResult r = report.results().get(0);
      String url = provider.url() + "/products/42/reviews?notify=yes&api_key=[redacted]";
      assertThat(r.curl())
          .isEqualTo(
              "curl -g -i -X POST '"
                  + url
                  + "' -H 'Content-Type: application/json'"
                  + " -H 'Authorization: [redacted]' --data-raw '{\"text\":\"it'\\''s fine\"}'");
      assertThat(r.responseReceived())
          .startsWith("response received: 500")
          .contains("set-cookie: [redacted]")
          .doesNotContain("s3cr3t")
          .doesNotContain("date:")
          .contains("body: {\"error\":\"boom\"}");
      assertThat(report.reproduction())
          .isEqualTo(
              new Reproduction(
                  7,
                  "(development build)",
                  List.of("filterDescription / --filter-description 'review'")));
      assertThat(console.toString())
          .contains("      replay: " + r.curl())
          .contains(
              "1 of 1 interaction failed"
                  + System.lineSeparator()
                  + "To replay: seed 7, Accord (development build), filters: filterDescription / --filter-description 'review'");
      assertThat(report.describe())
          .endsWith(
              "1 of 1 interaction failed\n"
                  + "To replay: seed 7, Accord (development build), filters: filterDescription / --filter-description 'review'");

      var json = Json.parse(Files.readString(dir.resolve("accord-products-service.json")));
      assertThat(json.get("seed").asLong()).isEqualTo(7);
      assertThat(json.get("accordVersion").asString()).isEqualTo("(development build)");
      assertThat(json.get("filters").get(0).asString())
          .isEqualTo("filterDescription / --filter-description 'review'");
      assertThat(json.get("interactions").get(0).get("curl").asString()).isEqualTo(r.curl());
      assertThat(json.get("interactions").get(0).get("responseReceived").asString())
          .isEqualTo(r.responseReceived());
      assertThat(
              Files.readString(
                  dir.resolve("TEST-accord-products-service.xml"), StandardCharsets.UTF_8))
          .contains("<property name=\"accord.seed\" value=\"7\"/>")
          .contains("replay: curl -g -i -X POST");
      assertThat(Files.readString(dir.resolve("accord-products-service.html")))
          .contains("To replay: seed 7, Accord (development build)")
          .contains("response received: 500");

      // AND the curl command, run by a shell, sends the same request again
      provider.received.clear();
      Process curl =
          new ProcessBuilder("sh", "-c", r.curl() + " -s -o /dev/null")
              .redirectErrorStream(true)
              .start();
      assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(curl.exitValue()).as(new String(curl.getInputStream().readAllBytes())).isZero();
      assertThat(provider.received)
          .singleElement()
          .satisfies(
              again -> {
                assertThat(again.method()).isEqualTo("POST");
                assertThat(again.path()).isEqualTo("/products/42/reviews");
                assertThat(again.body()).isEqualTo("{\"text\":\"it's fine\"}");
                assertThat(again.headers().get("Authorization")).containsExactly("[redacted]");
              });
    }
  }
}
