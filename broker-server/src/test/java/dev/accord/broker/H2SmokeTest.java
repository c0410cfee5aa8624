package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: H2 file database, same migrations, ddl validation on. */
class H2SmokeTest {
  @TempDir
  Path dir;

  @Test
  void starts_on_an_h2_file_database_publishes_and_keeps_data_across_restarts() {
    try (RunningBroker broker = RunningBroker.onH2(dir)) {
      assertThat(broker.post("/contracts/publish", publishBody("H2Cons", "1", "main", "H2Prov", "x")).statusCode()).isEqualTo(200);
      assertThat(Json.parse(broker.get("/pacts/provider/H2Prov/consumer/H2Cons/latest").body()).path("consumer").path("name").asString())
          .isEqualTo("H2Cons");
    }
    assertThat(Files.exists(dir.resolve("broker.mv.db"))).isTrue();
    try (RunningBroker again = RunningBroker.onH2(dir)) {
      assertThat(again.get("/pacts/provider/H2Prov/consumer/H2Cons/version/1").statusCode()).isEqualTo(200);
    }
  }
}
