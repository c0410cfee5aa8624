package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins pacts-for-verification answers (which pacts, their order, descriptions, notices, pending and WIP status) for
 * every kind of selector on the history of {@link MatrixAnswersTest}. The expected answers are in
 * {@code src/test/resources/pacts-for-verification-answers.txt}, recorded from the implementation that issued one JPA
 * statement per selector, consumer and environment, so a rewrite of the reads must give the same answers byte for byte
 * (after replacing the port and the timestamps). Runs on PostgreSQL and H2.
 *
 * <p>To re-record after an intended change of the answers: {@code -Daccord.pfv.record=true}, then review the diff.
 */
class PactsForVerificationAnswersTest {
  static final Path EXPECTED = Paths.get("src/test/resources/pacts-for-verification-answers.txt");

  @TempDir
  Path dir;

  @Test
  void answers_on_postgres_are_the_recorded_ones() throws IOException {
    try (RunningBroker broker = RunningBroker.onPostgres()) {
      check(answers(broker), "postgres");
    }
  }

  @Test
  void answers_on_h2_are_the_recorded_ones() throws IOException {
    try (RunningBroker broker = RunningBroker.onH2(dir)) {
      check(answers(broker), "h2");
    }
  }

  private static void check(String actual, String database) throws IOException {
    if (Boolean.getBoolean("accord.pfv.record")) {
      Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
    }
    Path written = Paths.get("target", "pacts-for-verification-answers-" + database + ".txt");
    Files.createDirectories(written.getParent());
    Files.writeString(written, actual, StandardCharsets.UTF_8); // to diff against the expected file when this fails
    assertThat(Files.exists(EXPECTED)).as("expected answers file %s (record it with -Daccord.pfv.record=true)", EXPECTED.toAbsolutePath()).isTrue();
    assertThat(actual).isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
  }

  /** Request bodies, each asked of both providers (Api has the consumers Web and Mobile, Auth only Web). */
  static final List<String> BODIES = List.of(
      // what the benchmark and the verifier send
      "{\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"deployedOrReleased\":true}],\"providerVersionBranch\":\"main\",\"includePendingStatus\":true}",
      "{}",
      "{\"consumerVersionSelectors\":[]}",
      "{\"consumerVersionSelectors\":[{\"mainBranch\":true}],\"includePendingStatus\":false}",
      // branches
      "{\"consumerVersionSelectors\":[{\"branch\":\"feat-x\"}],\"providerVersionBranch\":\"fix\"}",
      "{\"consumerVersionSelectors\":[{\"branch\":\"nope\",\"fallbackBranch\":\"main\"}]}",
      "{\"consumerVersionSelectors\":[{\"branch\":\"nope\",\"fallbackBranch\":\"nope2\"}]}",
      "{\"consumerVersionSelectors\":[{\"matchingBranch\":true}],\"providerVersionBranch\":\"feat-x\"}",
      "{\"consumerVersionSelectors\":[{\"matchingBranch\":true},{\"mainBranch\":true}],\"providerVersionBranch\":\"main\"}",
      // tags
      "{\"consumerVersionSelectors\":[{\"tag\":\"release-7\"}],\"providerVersionTags\":[\"prod\"]}",
      "{\"consumerVersionSelectors\":[{\"tag\":\"release-7\",\"latest\":true}],\"providerVersionTags\":[\"prod\",\"dev\"]}",
      "{\"consumerVersionSelectors\":[{\"tag\":\"nope\",\"latest\":true,\"fallbackTag\":\"prod\"}]}",
      "{\"consumerVersionSelectors\":[{\"tag\":\"prod\",\"latest\":false}]}",
      // latest, environments, deployments and releases
      "{\"consumerVersionSelectors\":[{\"latest\":true}]}",
      "{\"consumerVersionSelectors\":[{\"latest\":true,\"consumer\":\"Mobile\"}],\"providerVersionBranch\":\"main\"}",
      "{\"consumerVersionSelectors\":[{\"deployed\":true}]}",
      "{\"consumerVersionSelectors\":[{\"released\":true}]}",
      "{\"consumerVersionSelectors\":[{\"deployedOrReleased\":true,\"environment\":\"production\"}]}",
      "{\"consumerVersionSelectors\":[{\"environment\":\"staging\"}],\"providerVersionBranch\":\"main\"}",
      "{\"consumerVersionSelectors\":[{\"deployed\":true,\"environment\":\"staging\",\"consumer\":\"Web\"},{\"released\":true,\"environment\":\"production\"}]}",
      "{\"consumerVersionSelectors\":[{\"deployedOrReleased\":true},{\"mainBranch\":true},{\"latest\":true}],\"providerVersionTags\":[\"prod\"]}",
      // WIP
      "{\"consumerVersionSelectors\":[{\"mainBranch\":true}],\"providerVersionBranch\":\"main\",\"includeWipPactsSince\":\"2020-01-01\"}",
      "{\"consumerVersionSelectors\":[{\"deployed\":true}],\"providerVersionBranch\":\"fix\",\"includeWipPactsSince\":\"2020-01-01T00:00:00Z\"}",
      "{\"consumerVersionSelectors\":[{\"tag\":\"prod\",\"latest\":true}],\"providerVersionTags\":[\"prod\"],\"includeWipPactsSince\":\"2020-01-01\"}",
      "{\"consumerVersionSelectors\":[{\"mainBranch\":true}],\"providerVersionBranch\":\"main\",\"includeWipPactsSince\":\"2999-01-01\"}",
      // rejected
      "{\"consumerVersionSelectors\":[{\"environment\":\"nowhere\"}]}",
      "{\"consumerVersionSelectors\":[{\"matchingBranch\":true}]}");

  static String answers(RunningBroker broker) {
    MatrixAnswersTest.seed(broker);
    StringBuilder out = new StringBuilder();
    for (String provider : List.of("Api", "Auth", "Ghost")) {
      for (String body : BODIES) {
        String path = "/pacts/provider/" + provider + "/for-verification";
        HttpResponse<String> r = broker.post(path, body);
        out.append("### POST ").append(path).append(' ').append(body).append(" -> ").append(r.statusCode()).append('\n')
            .append(MatrixAnswersTest.normalise(broker, r.body())).append("\n\n");
      }
    }
    return out.toString();
  }
}
