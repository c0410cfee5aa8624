package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Basic auth and bearer tokens with a read-write and a read-only identity. */
class SecurityAcceptanceTest {
  static RunningBroker broker;

  @BeforeAll
  static void start() {
    broker =
        RunningBroker.onPostgres(
            "accord.broker.auth.username=writer",
            "accord.broker.auth.password=w-secret",
            "accord.broker.auth.read-only-username=reader",
            "accord.broker.auth.read-only-password=r-secret",
            "accord.broker.auth.token=rw-token",
            "accord.broker.auth.read-only-token=ro-token");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutCredentialsEveryRequestIs401WithAClearBody() {
    HttpResponse<String> r = broker.get("/");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"Accord broker\"");
    assertThat(r.body()).contains("Authentication required: No credentials were sent.");
    assertThat(broker.get("/", "Authorization", basic("writer", "wrong")).body())
        .contains("The credentials sent were not accepted.");
  }

  @Test
  void theWebUiChallengesABrowserWithoutCredentialsAndShowsTheReadOnlyUserItsPages() {
    broker.post(
        "/contracts/publish",
        publishBody("UiSecC", "1", "main", "UiSecP", "x"),
        "Authorization",
        "Bearer rw-token");
    HttpResponse<String> anonymous = broker.get("/ui", "Accept", "text/html");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"Accord broker\"");
    HttpResponse<String> reader =
        broker.get("/ui", "Accept", "text/html", "Authorization", basic("reader", "r-secret"));
    assertThat(reader.statusCode()).isEqualTo(200);
    assertThat(reader.body()).contains("<td class=\"name\">UiSecC</td>");
    assertThat(
            broker
                .get(
                    "/ui/pacts/provider/UiSecP/consumer/UiSecC", "Authorization", "Bearer ro-token")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            broker
                .get(
                    "/pacts/provider/UiSecP/consumer/UiSecC/latest/badge",
                    "Authorization",
                    "Bearer ro-token")
                .body())
        .contains(">unknown</text>");
    assertThat(
            broker
                .post("/ui/can-i-deploy", "{}", "Authorization", basic("writer", "w-secret"))
                .statusCode())
        .isEqualTo(405);
  }

  @Test
  void theReadWriteUserAndTokenMayPublish() {
    assertThat(
            broker
                .post(
                    "/contracts/publish",
                    publishBody("SecC", "1", "main", "SecP", "x"),
                    "Authorization",
                    basic("writer", "w-secret"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            broker
                .post(
                    "/contracts/publish",
                    publishBody("SecC", "2", "main", "SecP", "x"),
                    "Authorization",
                    "Bearer rw-token")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void readOnlyIdentitiesMayReadAndAskForPactsToVerifyButNotWrite() {
    broker.post(
        "/contracts/publish",
        publishBody("RoC", "1", "main", "RoP", "x"),
        "Authorization",
        "Bearer rw-token");
    assertThat(
            broker.get("/pacticipants", "Authorization", basic("reader", "r-secret")).statusCode())
        .isEqualTo(200);
    assertThat(
            broker
                .post(
                    "/pacts/provider/RoP/for-verification",
                    "{\"consumerVersionSelectors\":[{\"latest\":true}]}",
                    "Authorization",
                    "Bearer ro-token")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> forbidden =
        broker.post(
            "/contracts/publish",
            publishBody("RoC", "2", "main", "RoP", "x"),
            "Authorization",
            basic("reader", "r-secret"));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body())
        .contains("these credentials are read-only and cannot POST /contracts/publish");
  }
}
