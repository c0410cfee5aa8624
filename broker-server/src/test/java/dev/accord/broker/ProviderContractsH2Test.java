package dev.accord.broker;

import static dev.accord.broker.RunningBroker.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The provider-contract SQL on the embedded H2 (the default database): publish, the queue worked by
 * the background worker, an identical republish, and can-i-deploy yes and no. {@link
 * ProviderContractsAcceptanceTest} covers the rest on PostgreSQL.
 */
class ProviderContractsH2Test {
  @TempDir Path dir;

  @Test
  void publishesComparesAndAnswersCanIDeployOnH2() throws Exception {
    try (RunningBroker broker = RunningBroker.onH2(dir, "accord.webhooks.poll-interval=100ms")) {
      ProviderContractsAcceptanceTest.broker = broker;
      ProviderContractsAcceptanceTest.ok(
          broker.post("/environments", "{\"name\":\"production\",\"production\":true}"));
      ProviderContractsAcceptanceTest.publishPact("Web", "w1", "Api", "/thing/1");
      ProviderContractsAcceptanceTest.publishPact("Mobile", "m1", "Api", "/things");
      ProviderContractsAcceptanceTest.ok(
          ProviderContractsAcceptanceTest.publishContract(
              "Api",
              "a1",
              ProviderContractsAcceptanceTest.DOCUMENT,
              ProviderContractsAcceptanceTest.PASSED));
      JsonNode again =
          json(
              ProviderContractsAcceptanceTest.ok(
                  ProviderContractsAcceptanceTest.publishContract(
                      "Api",
                      "a1",
                      ProviderContractsAcceptanceTest.DOCUMENT,
                      ProviderContractsAcceptanceTest.PASSED)));
      assertThat(again.path("notices").toString()).contains("nothing changed");
      ProviderContractsAcceptanceTest.deploy("Api", "a1");
      ProviderContractsAcceptanceTest.eventually(
          "the worker to compute both comparisons",
          () -> {
            try {
              return broker.count(
                      "contract_comparison WHERE status IN ('compatible', 'incompatible')")
                  == 2;
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
      assertThat(
              ProviderContractsAcceptanceTest.canIDeploy("Web", "w1")
                  .path("summary")
                  .path("deployable")
                  .asBoolean())
          .isTrue();
      JsonNode no = ProviderContractsAcceptanceTest.canIDeploy("Mobile", "m1");
      assertThat(no.path("summary").path("deployable").asBoolean()).isFalse();
      assertThat(no.path("summary").path("reason").asString())
          .contains("request.path-or-method.unknown in 'get thing'");
      assertThat(
              json(broker.get("/matrix?q[][pacticipant]=Web&q[][version]=w1"))
                  .path("matrix")
                  .get(0)
                  .path("verificationResult")
                  .path("verifiedBy")
                  .asString())
          .isEqualTo("bi-directional");
    } finally {
      ProviderContractsAcceptanceTest.broker = null;
    }
  }
}
