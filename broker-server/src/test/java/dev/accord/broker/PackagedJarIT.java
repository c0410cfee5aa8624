package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.time.Instant;
import java.util.ArrayList;
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
  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);
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
    try (Jar broker = Jar.start(dir.resolve("aot"), List.of(), settings, Map.of())) {
      assertThat(broker.log()).contains("Starting AOT-processed BrokerApplication");
      assertThat(broker.log())
          .contains("Webhook delivery is off on this instance")
          .contains("H2 database jdbc:h2:file:./accord-data/broker");
      assertThat(
              broker
                  .awaitLog("Spring Data repositories created")
                  .indexOf("Spring Data repositories created"))
          .as("the repositories are created after the server listens (deferred)")
          .isGreaterThan(broker.log().indexOf("Tomcat started on port"));
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
    try (Jar broker =
        Jar.start(
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
    int port = freePort();
    Map<String, String> env =
        Map.of(
            "SPRING_DATASOURCE_URL", base + db,
            "SPRING_DATASOURCE_USERNAME", "postgres",
            "SPRING_DATASOURCE_PASSWORD", "",
            "PORT", String.valueOf(port),
            "ACCORD_WEBHOOKS_ENABLED", "false");
    try (Jar broker = Jar.start(dir.resolve("pg"), List.of(), List.of(), env, port)) {
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

  /** Answers that do not depend on the time: status and body of each. */
  private Map<String, String> answers(Jar broker) throws Exception {
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

  private HttpResponse<String> send(Jar broker, String method, String path, String body)
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * {@code java [jvmOptions] -jar target/broker-server.jar [arguments]} in a directory of its own.
   */
  private static final class Jar implements AutoCloseable {
    final String baseUrl;
    private final Process process;
    private final Path log;

    private Jar(Process process, String baseUrl, Path log) {
      this.process = process;
      this.baseUrl = baseUrl;
      this.log = log;
    }

    static Jar start(
        Path workDir, List<String> jvmOptions, List<String> arguments, Map<String, String> env)
        throws IOException, InterruptedException {
      return start(workDir, jvmOptions, arguments, env, freePort());
    }

    static Jar start(
        Path workDir,
        List<String> jvmOptions,
        List<String> arguments,
        Map<String, String> env,
        int port)
        throws IOException, InterruptedException {
      Path jar = Path.of("target", "broker-server.jar").toAbsolutePath();
      assertThat(jar)
          .as("the packaged broker (mvn package builds it before this test runs)")
          .exists();
      Files.createDirectories(workDir);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1"));
      if (!env.containsKey("PORT")) {
        command.add("--server.port=" + port);
      }
      command.addAll(arguments);
      Path log = workDir.resolve("broker.log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      for (String name :
          List.of(
              "SPRING_DATASOURCE_URL",
              "SPRING_DATASOURCE_USERNAME",
              "SPRING_DATASOURCE_PASSWORD",
              "PORT",
              "SERVER_PORT")) {
        builder.environment().remove(name);
      }
      builder.environment().putAll(env);
      Jar started = new Jar(builder.start(), "http://127.0.0.1:" + port, log);
      started.awaitReady();
      return started;
    }

    private void awaitReady() throws IOException, InterruptedException {
      if (!BrokerProcess.awaitReady(
          process, baseUrl, STARTUP_LIMIT, "The broker jar", this::logOrWhyNot)) {
        close();
        throw new IllegalStateException(
            "The broker jar did not answer "
                + baseUrl
                + " within "
                + STARTUP_LIMIT
                + ":\n"
                + log());
      }
    }

    private String logOrWhyNot() {
      try {
        return log();
      } catch (IOException e) {
        return "(could not read " + log + ": " + e.getMessage() + ")";
      }
    }

    String log() throws IOException {
      return Files.readString(log);
    }

    /**
     * The log once it holds {@code text} (written after the server listens), at most a minute on.
     */
    String awaitLog(String text) throws IOException, InterruptedException {
      Instant limit = Instant.now().plus(Duration.ofMinutes(1));
      String now = log();
      while (!now.contains(text) && Instant.now().isBefore(limit)) {
        Thread.sleep(200);
        now = log();
      }
      return now;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
