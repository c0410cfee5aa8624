package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as the README starts it ({@code java -jar broker-server.jar}). It runs on the
 * bean definitions Spring AOT resolved at build time ({@code process-aot}), which fix every
 * condition on a configuration class or bean at build time; so the documented settings are given
 * here at run time, on the command line and in the environment, and must take effect, and the
 * answers must be those of the same jar resolving its beans at start ({@code
 * -Dspring.aot.enabled=false}). Runs after {@code package} (failsafe).
 */
class PackagedJarIT {
  private static final String ADMIN =
      "Basic "
          + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theJarOnH2TakesItsSettingsAtRunTimeAndAnswersAsWithoutAot() throws Exception {
    List<String> settings =
        List.of(
            "--accord.broker.base-url=https://broker.example.test/accord",
            "--accord.broker.auth.username=admin",
            "--accord.broker.auth.password=s3cret",
            "--accord.broker.max-body-size=2KB",
            "--accord.webhooks.enabled=false",
            "--spring.datasource.hikari.connection-timeout=3000");
    Map<String, String> aotAnswers;
    try (BrokerJar broker = BrokerJar.start(dir.resolve("aot"), List.of(), settings, Map.of())) {
      assertThat(broker.log()).contains("Starting AOT-processed BrokerApplication");
      assertThat(broker.log())
          .contains("Webhook delivery is off on this instance")
          .contains("H2 database jdbc:h2:file:./accord-data/broker");
      assertThat(broker.log().indexOf("Successfully applied 6 migrations"))
          .as("the new database is migrated before the server listens; nothing is set up after")
          .isPositive()
          .isLessThan(broker.log().indexOf("Tomcat started on port"));
      aotAnswers = answers(broker);
      assertThat(aotAnswers.get("GET / anonymous")).startsWith("401");
      assertThat(aotAnswers.get("GET /"))
          .startsWith("200")
          .contains("https://broker.example.test/accord/");
      assertThat(aotAnswers.get("PUT 3 KB")).startsWith("413");
      assertThat(
              send(broker, "POST", "/contracts/publish", publishBody("Jc", "1", "main", "Jp", "x"))
                  .statusCode())
          .isEqualTo(200);
      assertThat(send(broker, "GET", "/pacts/provider/Jp/consumer/Jc/latest", null).body())
          .contains("\"Jc\"");
    }
    assertThat(dir.resolve("aot/accord-data/broker.mv.db")).exists();
    try (BrokerJar broker =
        BrokerJar.start(
            dir.resolve("plain"), List.of("-Dspring.aot.enabled=false"), settings, Map.of())) {
      assertThat(broker.log())
          .contains("Starting BrokerApplication")
          .doesNotContain("AOT-processed");
      assertThat(answers(broker)).isEqualTo(aotAnswers);
    }
  }

  @Test
  void theJarOnPostgresqlFromTheEnvironment() throws Exception {
    String base = OwnedPostgres.sharedJdbcBase();
    String db = RunningBroker.createDatabase(base);
    int port = BrokerJar.freePort();
    Map<String, String> env =
        Map.of(
            "SPRING_DATASOURCE_URL", base + db,
            "SPRING_DATASOURCE_USERNAME", "postgres",
            "SPRING_DATASOURCE_PASSWORD", "",
            "PORT", String.valueOf(port),
            "ACCORD_WEBHOOKS_ENABLED", "false");
    try (BrokerJar broker = BrokerJar.start(dir.resolve("pg"), List.of(), List.of(), env, port)) {
      assertThat(broker.log())
          .contains("Starting AOT-processed BrokerApplication")
          .contains("Database: jdbc:postgresql:")
          .contains("Webhook delivery is off on this instance")
          .doesNotContain("H2 database");
      assertThat(
              send(broker, "POST", "/contracts/publish", publishBody("Pc", "1", "main", "Pp", "x"))
                  .statusCode())
          .isEqualTo(200);
      assertThat(send(broker, "GET", "/pacticipants/Pc", null).statusCode()).isEqualTo(200);
    } finally {
      try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
    assertThat(Files.exists(dir.resolve("pg/accord-data"))).isFalse();
  }

  /**
   * The extracted jar started with a JDK 25 ahead-of-time cache made by the training run (every
   * request of it answered as expected), as docs/broker.md ("A faster start") and the Docker image
   * do, runs on the bean definitions from the build too: a class the cache loads has no code source
   * location, which once made the broker resolve its beans at start with the cache (and only with
   * it). {@link Jdk25}: skipped without one, except on CI.
   */
  @Test
  void theExtractedJarWithAJdk25AotCacheRunsOnTheBuildTimeBeanDefinitions() throws Exception {
    Path java25 = Jdk25.home().resolve("bin/java");
    Path extracted = dir.resolve("extracted");
    run(
        dir.resolve("extract.log"),
        BrokerJar.JAVA,
        "-Djarmode=tools",
        "-jar",
        BrokerJar.packaged().toString(),
        "extract",
        "--destination",
        extracted.toString());
    Path thin = extracted.resolve("broker-server.jar");
    Path cache = extracted.resolve("broker-server.aot");
    run(
        dir.resolve("training.log"),
        java25.toString(),
        "-XX:AOTCacheOutput=" + cache,
        "-jar",
        thin.toString(),
        "--spring.datasource.url=jdbc:h2:mem:training",
        "--accord.broker.training-run=true",
        "--server.port=0");
    assertThat(Files.readString(dir.resolve("training.log")))
        .contains("Training run: 23 requests answered as expected; exiting");
    // AOTMode=on: the JVM refuses to start unless it uses the cache
    try (BrokerJar broker =
        BrokerJar.launch(
            dir.resolve("cached"),
            List.of(
                java25.toString(),
                "-XX:AOTMode=on",
                "-XX:AOTCache=" + cache,
                "-jar",
                thin.toString()),
            List.of("--accord.webhooks.enabled=false"),
            Map.of(),
            BrokerJar.freePort())) {
      assertThat(broker.log()).contains("Starting AOT-processed BrokerApplication");
      assertThat(send(broker, "GET", "/pacticipants", null).statusCode()).isEqualTo(200);
    }
  }

  private static void run(Path log, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .directory(log.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(4, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(process.exitValue())
        .as("exit code of %s; its output:%n%s", String.join(" ", command), Files.readString(log))
        .isZero();
  }

  /** Answers that do not depend on the time: status and body of each. */
  private Map<String, String> answers(BrokerJar broker) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(broker.baseUrl + "/")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    answers.put("GET / anonymous", anonymous.statusCode() + " " + anonymous.body());
    for (String path : List.of("/", "/pacticipants", "/no/such/resource", "/matrix?q[]")) {
      HttpResponse<String> r = send(broker, "GET", path, null);
      answers.put("GET " + path, r.statusCode() + " " + r.body());
    }
    HttpResponse<String> large =
        send(broker, "PUT", "/pacticipants/Big", "{\"name\":\"" + "x".repeat(3000) + "\"}");
    answers.put("PUT 3 KB", large.statusCode() + " " + large.body());
    HttpResponse<String> mistyped =
        send(broker, "PUT", "/pacticipants/Typed", "{\"displayName\":1}");
    answers.put("PUT mistyped", mistyped.statusCode() + " " + mistyped.body());
    return answers;
  }

  private HttpResponse<String> send(BrokerJar broker, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(broker.baseUrl + path))
            .header("Authorization", ADMIN)
            .header("Accept", "application/hal+json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
