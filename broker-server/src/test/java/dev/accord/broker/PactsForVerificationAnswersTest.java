package dev.accord.broker;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Pins pacts-for-verification answers (which pacts, their order, descriptions, notices, pending and
 * WIP status) for every kind of selector on the history of {@link MatrixAnswersTest}. The expected
 * answers are in {@code src/test/resources/pacts-for-verification-answers.txt}, recorded from the
 * implementation that issued one JPA statement per selector, consumer and environment, so a rewrite
 * of the reads must give the same answers byte for byte (after replacing the port and the
 * timestamps). Runs on PostgreSQL and H2.
 *
 * <p>To re-record after an intended change of the answers: {@code -Daccord.pfv.record=true}, then
 * review the diff.
 */
class PactsForVerificationAnswersTest extends RecordedAnswers {
  static final Path EXPECTED = Paths.get("src/test/resources/pacts-for-verification-answers.txt");

  PactsForVerificationAnswersTest() {
    super(EXPECTED, "accord.pfv.record");
  }

  @Override
  String ask(RunningBroker broker) {
    return answers(broker);
  }

  /**
   * Request bodies, each asked of both providers (Api has the consumers Web and Mobile, Auth only
   * Web).
   */
  static final List<String> BODIES =
      List.of(
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
        out.append("### POST ")
            .append(path)
            .append(' ')
            .append(body)
            .append(" -> ")
            .append(r.statusCode())
            .append('\n')
            .append(MatrixAnswersTest.normalise(broker, r.body()))
            .append("\n\n");
      }
    }
    return out.toString();
  }
}
