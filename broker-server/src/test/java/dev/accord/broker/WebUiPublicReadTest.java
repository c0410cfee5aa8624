package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code allow-public-read=true}, anyone may read the web UI and its badges; writing still
 * needs the read-write user.
 */
class WebUiPublicReadTest {
  static RunningBroker broker;

  @BeforeAll
  static void start() {
    broker =
        RunningBroker.onPostgres(
            "accord.broker.auth.username=writer",
            "accord.broker.auth.password=w-secret",
            "accord.broker.auth.allow-public-read=true");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void anonymousBrowsersReadEveryPageWithoutAPrompt() {
    assertThat(
            broker
                .post(
                    "/contracts/publish",
                    publishBody("PubC", "1", "main", "PubP", "x"),
                    "Authorization",
                    SecurityAcceptanceTest.basic("writer", "w-secret"))
                .statusCode())
        .isEqualTo(200);
    for (String page :
        new String[] {
          "/ui",
          "/ui/pacts/provider/PubP/consumer/PubC",
          "/ui/matrix?consumer=PubC&provider=PubP",
          "/ui/environments",
          "/ui/can-i-deploy",
          "/ui/accord.css"
        }) {
      HttpResponse<String> r = broker.get(page, "Accept", "text/html");
      assertThat(r.statusCode()).as(page + ": " + r.body()).isEqualTo(200);
    }
    assertThat(broker.get("/ui", "Accept", "text/html").body())
        .contains("<td class=\"name\">PubC</td>");
    assertThat(broker.get("/pacts/provider/PubP/consumer/PubC/latest/badge").body())
        .contains(">unknown</text>");
    assertThat(
            broker
                .post("/contracts/publish", publishBody("PubC", "2", "main", "PubP", "x"))
                .statusCode())
        .isEqualTo(401);
  }
}
