package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/accord-broker}, the README's way to run the broker: the first start with a jar and a
 * java prepares a class archive (the jar extracted, a training run), every later start maps it; a
 * failed training or a cache it cannot write leaves a broker started without one and says why. The
 * broker runs in the caller's directory and environment (its H2 database under ./accord-data). Runs
 * after {@code package} (failsafe).
 */
class BrokerLauncherIT {
  private static final Path LAUNCHER = Path.of("bin", "accord-broker").toAbsolutePath();
  private static final String JAVA_HOME = System.getProperty("java.home");

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theFirstStartPreparesAClassArchiveAndEveryLaterStartMapsIt() throws Exception {
    // a jar in a path with spaces, not named broker-server.jar: as a user may keep it
    Path cache = dir.resolve("cache");
    Path jar = Files.createDirectories(dir.resolve("my broker")).resolve("accord broker 1.0.jar");
    Files.copy(BrokerJar.packaged(), jar);
    try (BrokerJar broker = launch("first", JAVA_HOME, cache, jar)) {
      assertThat(broker.log())
          .contains(
              "accord-broker: first start with this jar and java: preparing a class archive in "
                  + cache)
          .contains(
              "(once; 10-30 s; ACCORD_CDS=off skips it, for a broker started only once, as in a"
                  + " throwaway CI job).")
          .containsPattern(
              "accord-broker: class archive ready in \\d+ s; starting the broker with it.");
      assertThat(brokerClassesFromTheArchive(broker)).isGreaterThan(100);
      assertThat(get(broker, "/pacticipants").statusCode()).isEqualTo(200);
    }
    // the training run's database was in memory; the broker's own is in the directory it was
    // started from
    assertThat(dir.resolve("first/accord-data")).isDirectory();
    assertThat(onlyEntry(cache).resolve("training.log"))
        .content()
        .contains("Training run: 23 requests answered as expected; exiting");

    try (BrokerJar again = launch("again", JAVA_HOME, cache, jar)) {
      assertThat(again.log()).doesNotContain("accord-broker:");
      assertThat(brokerClassesFromTheArchive(again)).isGreaterThan(100);
      assertThat(get(again, "/").statusCode()).isEqualTo(200);
    }

    // a rebuilt jar (here: a new modification time) gets a new entry, which replaces the old one
    Path old = onlyEntry(cache);
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
    try (BrokerJar rebuilt = launch("rebuilt", JAVA_HOME, cache, jar)) {
      assertThat(rebuilt.log()).contains("preparing a class archive");
      assertThat(brokerClassesFromTheArchive(rebuilt)).isGreaterThan(100);
    }
    assertThat(onlyEntry(cache)).isNotEqualTo(old);
  }

  private static Path onlyEntry(Path cache) throws IOException {
    try (Stream<Path> entries = Files.list(cache)) {
      List<Path> all = entries.toList();
      assertThat(all).as("the launcher's entries in %s", cache).hasSize(1);
      return all.get(0);
    }
  }

  /**
   * The training runs in a clean environment, so settings that would make it fail (authentication,
   * a database other than an in-memory H2) do not; the broker itself then starts with them.
   */
  @Test
  void yourSettingsReachTheBrokerButNotTheTrainingRun() throws Exception {
    String base = OwnedPostgres.sharedJdbcBase();
    String db = RunningBroker.createDatabase(base);
    Map<String, String> settings =
        Map.of(
            "SPRING_DATASOURCE_URL", base + db,
            "SPRING_DATASOURCE_USERNAME", "postgres",
            "SPRING_DATASOURCE_PASSWORD", "",
            "ACCORD_BROKER_AUTH_USERNAME", "admin",
            "ACCORD_BROKER_AUTH_PASSWORD", "s3cret");
    try (BrokerJar broker =
        launch("work", JAVA_HOME, dir.resolve("cache"), BrokerJar.packaged(), settings)) {
      assertThat(broker.log())
          .contains("class archive ready in")
          .contains("Database: jdbc:postgresql:");
      assertThat(brokerClassesFromTheArchive(broker)).isGreaterThan(100);
      assertThat(get(broker, "/pacticipants").statusCode()).isEqualTo(401);
      HttpResponse<String> withAuth =
          http.send(
              HttpRequest.newBuilder(URI.create(broker.baseUrl + "/pacticipants"))
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8)))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(withAuth.statusCode()).isEqualTo(200);
    } finally {
      try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
    assertThat(dir.resolve("work/accord-data")).doesNotExist();
  }

  /** The README's run command is this launcher: the contract a newcomer starts from. */
  @Test
  void theReadmeRunsTheBrokerWithThisLauncher() throws IOException {
    assertThat(Path.of("..", "README.md"))
        .content()
        .contains(
            "mvn -B -q -DskipTests package -pl broker-server -am && broker-server/bin/accord-broker");
  }

  @Test
  void aFailedTrainingRunIsSaidAndTheBrokerStartsWithoutAnArchive() throws Exception {
    // a java that refuses the training run and runs anything else (the extraction, the broker)
    Path fakeHome = dir.resolve("jdk");
    Files.createDirectories(fakeHome.resolve("bin"));
    Files.copy(Path.of(JAVA_HOME, "release"), fakeHome.resolve("release"));
    Path fakeJava = fakeHome.resolve("bin/java");
    Files.writeString(
        fakeJava,
        """
        #!/bin/sh
        case "$*" in *training-run=true*) echo "refused for the test" >&2; exit 3 ;; esac
        exec "%s/bin/java" "$@"
        """
            .formatted(JAVA_HOME));
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path cache = dir.resolve("cache");

    try (BrokerJar broker = launch("first", fakeHome.toString(), cache)) {
      assertThat(broker.log())
          .containsPattern(
              "accord-broker: the training run exited with status 3 \\(log: .*/training.log\\); starting"
                  + " without a class archive. Delete .* to try again.");
      assertThat(brokerClassesFromTheArchive(broker)).isZero();
      assertThat(get(broker, "/").statusCode()).isEqualTo(200);
    }
    try (BrokerJar again = launch("again", fakeHome.toString(), cache)) {
      assertThat(again.log())
          .containsPattern(
              "accord-broker: starting without a class archive: its training run failed \\(log: .*/training.log;"
                  + " delete .* to try again, or set ACCORD_CDS=off to silence this\\).")
          .doesNotContain("preparing");
      assertThat(get(again, "/").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aCacheItCannotWriteLeavesABrokerStartedWithoutAnArchive() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    try (BrokerJar broker = launch("work", JAVA_HOME, file.resolve("cache"))) {
      assertThat(broker.log())
          .contains(
              "accord-broker: starting without a class archive: cannot write to "
                  + file.resolve("cache")
                  + " (set ACCORD_CACHE_DIR to a writable directory, or ACCORD_CDS=off to silence this).");
      assertThat(get(broker, "/").statusCode()).isEqualTo(200);
    }
  }

  /** JDK 17 would map an archive there but take none of the broker's classes from it. */
  @Test
  void aCacheInAPathWithSpacesIsRefusedWithTheReason() throws Exception {
    Path cache = dir.resolve("my cache");
    try (BrokerJar broker = launch("work", JAVA_HOME, cache)) {
      assertThat(broker.log())
          .contains(
              "accord-broker: starting without a class archive: the JVM cannot share classes from a"
                  + " path with spaces ("
                  + cache
                  + "); set ACCORD_CACHE_DIR to a path without, or ACCORD_CDS=off to silence this.");
      assertThat(get(broker, "/").statusCode()).isEqualTo(200);
    }
    assertThat(cache).doesNotExist();
  }

  /**
   * On JDK 25 and later the launcher makes an ahead-of-time cache instead ({@link Jdk25}: skipped
   * without one, except on CI).
   */
  @Test
  void onJdk25ItMakesAndUsesAnAheadOfTimeCache() throws Exception {
    Path java25 = Jdk25.home();
    Path cache = dir.resolve("cache");
    try (BrokerJar broker = launch("first", java25.toString(), cache)) {
      assertThat(broker.log()).contains("class archive ready in");
    }
    try (BrokerJar again = launch("again", java25.toString(), cache)) {
      assertThat(again.log()).doesNotContain("accord-broker:");
      assertThat(brokerClassesFromTheArchive(again)).isGreaterThan(100);
      assertThat(get(again, "/pacticipants").statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> get(BrokerJar broker, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(broker.baseUrl + path))
            .header("Accept", "application/hal+json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * {@code bin/accord-broker} started in {@code dir/<name>} with that java, cache and jar, and the
   * settings in its environment; every start of a test with the same JVM options (they are part of
   * what an archive is made for), which log the classes loaded to {@code dir/logs}.
   */
  private BrokerJar launch(
      String name, String javaHome, Path cache, Path jar, Map<String, String> settings)
      throws Exception {
    Files.createDirectories(dir.resolve("logs"));
    Map<String, String> env = new HashMap<>(settings);
    env.put("JAVA_HOME", javaHome);
    env.put("ACCORD_BROKER_JAR", jar.toString());
    env.put("ACCORD_CACHE_DIR", cache.toString());
    env.put(
        "ACCORD_BROKER_JAVA_OPTS",
        "-Xlog:class+load=info:file=" + dir.resolve("logs") + "/classes-%p.txt");
    return BrokerJar.launch(
        dir.resolve(name),
        List.of(LAUNCHER.toString()),
        List.of("--accord.webhooks.enabled=false"),
        env,
        BrokerJar.freePort());
  }

  private BrokerJar launch(String name, String javaHome, Path cache, Path jar) throws Exception {
    return launch(name, javaHome, cache, jar, Map.of());
  }

  private BrokerJar launch(String name, String javaHome, Path cache) throws Exception {
    return launch(name, javaHome, cache, BrokerJar.packaged(), Map.of());
  }

  /**
   * How many of the broker's own classes its JVM took from a class archive, from its class-loading
   * log (the launcher execs java, so the process is the JVM, and {@code %p} its pid).
   */
  private long brokerClassesFromTheArchive(BrokerJar broker) throws IOException {
    try (Stream<String> lines =
        Files.lines(dir.resolve("logs").resolve("classes-" + broker.pid() + ".txt"))) {
      return lines
          .filter(
              l -> l.contains(" dev.accord.broker.") && l.contains("source: shared objects file"))
          .count();
    }
  }
}
