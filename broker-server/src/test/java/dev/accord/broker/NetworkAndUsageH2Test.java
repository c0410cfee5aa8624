package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The network and usage statements also run on the embedded default database (H2). */
class NetworkAndUsageH2Test {
  @TempDir Path dir;

  @Test
  void networkJsonAndUsageMapWorkOnH2() {
    try (RunningBroker broker = RunningBroker.onH2(dir)) {
      assertThat(
              broker
                  .post("/contracts/publish", publishBody("h2-web", "1", "main", "h2-api", "x"))
                  .statusCode())
          .isEqualTo(200);
      JsonNode graph = Json.parse(broker.get("/ui/network.json").body());
      assertThat(graph.path("edges").size()).isEqualTo(1);
      assertThat(graph.path("edges").get(0).path("status").asString()).isEqualTo("unverified");
      String usage = broker.get("/ui/providers/h2-api/usage").body();
      assertThat(usage).contains("body $.name", "(<span>main branch</span>)");
    }
  }
}
