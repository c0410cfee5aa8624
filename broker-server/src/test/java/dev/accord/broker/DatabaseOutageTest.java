package dev.accord.broker;

import static dev.accord.broker.PublishTraffic.CONSUMER;
import static dev.accord.broker.PublishTraffic.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GIVEN a broker under a stream of publishes and verification results, WHEN its database goes away
 * (a PostgreSQL server this test owns is stopped; the disk under H2 fills up), THEN writes are
 * answered 503 with {@code Retry-After} and an {@code errors} body within the configured connection
 * timeout (never a hang, never a 500, never a 200 for a write that failed), readiness answers 503
 * while liveness stays 200, and WHEN the cause goes away THEN the broker serves again by itself and
 * holds every write it acknowledged.
 */
class DatabaseOutageTest {
  static final int CONNECTION_TIMEOUT_MS = 2000;

  /** A request may take the connection timeout plus the work itself; beyond this it is a hang. */
  static final Duration HANG = Duration.ofMillis(CONNECTION_TIMEOUT_MS).plusSeconds(15);

  static final String UNAVAILABLE =
      "The broker's database is not available, so this request was not completed. Retry in 5 seconds "
          + "(publishing the same content again is safe); if it persists, the broker log names the cause and GET /diagnostic/status/ready "
          + "answers 503 until the database is back.";
  private static final Duration LIMIT = Duration.ofSeconds(90);

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aStoppedPostgresGives503WithRetryAfterAndTheBrokerRecoversWhenItIsBack() throws Exception {
    try (OwnedPostgres pg = OwnedPostgres.start();
        RunningBroker broker =
            RunningBroker.onPostgresServer(
                pg.jdbcBase(),
                "spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS,
                "accord.webhooks.enabled=false")) {
      String report = outageAndRecovery(broker, pg::stop, pg::startAgain, true).report();
      System.out.println("[DatabaseOutageTest] PostgreSQL stopped and started: " + report);
    }
  }

  @Test
  void aFullDiskUnderH2Gives503KeepsEveryAcknowledgedWriteAndRecoversWhenSpaceIsBack()
      throws Exception {
    Path disk = Files.createTempDirectory("accord-small-disk");
    String refused = mountSmallDisk(disk);
    if (refused != null) {
      String why =
          "The full-disk test mounts a 16 MB tmpfs at "
              + disk
              + " and could not: "
              + refused
              + ". It needs root with CAP_SYS_ADMIN (no Docker here, and neither a file-size limit nor a quota gives ENOSPC to one directory without it).";
      Files.deleteIfExists(disk);
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why);
      }
      Assumptions.abort(why + " Skipped; on CI this fails.");
    }
    Path filler = disk.resolve("filler");
    // no trace file: H2 writes one when it fails to close the database that the full disk broke,
    // after the disk is unmounted
    String url =
        "jdbc:h2:file:" + disk.resolve("db/broker") + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
    try {
      Set<Integer> acknowledged;
      try (RunningBroker broker =
          RunningBroker.onH2Url(
              url,
              "spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS,
              "accord.webhooks.enabled=false")) {
        // readiness stays 200 on a full disk: reads are still served, and the database is reachable
        Outcome outcome =
            outageAndRecovery(broker, () -> fill(filler), () -> delete(filler), false);
        acknowledged = outcome.acknowledged();
        System.out.println("[DatabaseOutageTest] H2 on a full disk: " + outcome.report());
      }
      // THEN after a restart the database file still holds every acknowledged publish
      try (RunningBroker again = RunningBroker.onH2Url(url, "accord.webhooks.enabled=false")) {
        assertThat(missing(again, acknowledged))
            .as("acknowledged publishes missing after a restart")
            .isEmpty();
        System.out.println(
            "[DatabaseOutageTest] H2 after restart: all "
                + acknowledged.size()
                + " acknowledged publishes stored");
      }
    } finally {
      if (run("umount", disk.toString()) != null) {
        run(
            "umount",
            "-l",
            disk.toString()); // busy: detach now, the kernel frees it when the last file closes
      }
      try (java.util.stream.Stream<Path> files = Files.walk(disk)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  record Outcome(String report, Set<Integer> acknowledged) {}

  private Outcome outageAndRecovery(
      RunningBroker broker, Runnable breakIt, Runnable repairIt, boolean unreachable)
      throws Exception {
    PublishTraffic traffic = new PublishTraffic(broker.baseUrl, HANG);
    int beforeOutage;
    int duringOutage;
    try (traffic) {
      traffic.awaitAcknowledged(10, LIMIT);
      // WHEN the database goes away
      breakIt.run();
      awaitTrue(
          () -> traffic.unavailableAnswers.size() >= 3,
          () -> "three 503 answers to the traffic (other answers: " + traffic.otherAnswers + ")");
      HttpResponse<String> write =
          send("POST", broker.baseUrl + "/pacticipants", "{\"name\":\"DuringOutage\"}");
      HttpResponse<String> ready = send("GET", broker.baseUrl + "/diagnostic/status/ready", null);
      HttpResponse<String> alive =
          send("GET", broker.baseUrl + "/diagnostic/status/heartbeat", null);
      beforeOutage = traffic.acknowledgedPublishes.size();
      // THEN a write is 503 with Retry-After and the errors body; readiness 503; liveness 200
      assertThat(write.statusCode())
          .as("a write while the database is away: " + write.body())
          .isEqualTo(503);
      assertThat(write.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(Json.parse(write.body()).path("errors").path("database").path(0).asString())
          .isEqualTo(UNAVAILABLE);
      if (unreachable) {
        assertThat(ready.statusCode())
            .as("readiness while the database is away: " + ready.body())
            .isEqualTo(503);
        assertThat(ready.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode readyBody = Json.parse(ready.body());
        assertThat(readyBody.path("ok").asBoolean(true)).isFalse();
        assertThat(readyBody.path("errors").path("database").path(0).asString())
            .startsWith("The broker cannot use its database (");
      }
      assertThat(alive.statusCode()).as("liveness while the database is away").isEqualTo(200);
      // WHEN the cause goes away, THEN the broker is ready and acknowledges writes again by itself
      duringOutage = traffic.unavailableAnswers.size();
      repairIt.run();
      awaitTrue(
          () -> send("GET", broker.baseUrl + "/diagnostic/status/ready", null).statusCode() == 200,
          () -> "readiness 200 after the repair");
      traffic.awaitAcknowledged(traffic.acknowledgedPublishes.size() + 10, LIMIT);
    }
    assertThat(traffic.otherAnswers)
        .as(
            "answers other than success, 503 or a refused connection (500s, hangs beyond "
                + HANG
                + ")")
        .isEmpty();
    assertThat(missing(broker, traffic.acknowledgedPublishes))
        .as("acknowledged publishes the broker does not serve")
        .isEmpty();
    return new Outcome(
        "publishes attempted "
            + traffic.attempted
            + ", acknowledged "
            + traffic.acknowledgedPublishes.size()
            + " (all served), "
            + beforeOutage
            + " of them before the outage; verification results acknowledged "
            + traffic.acknowledgedVerifications.size()
            + "; 503 answers "
            + traffic.unavailableAnswers.size()
            + " ("
            + duringOutage
            + " before the repair), each with Retry-After and errors.database; "
            + "500s and hangs: 0",
        Set.copyOf(traffic.acknowledgedPublishes));
  }

  private List<String> missing(RunningBroker broker, Set<Integer> acknowledged) {
    List<String> missing = new ArrayList<>();
    for (int i : acknowledged) {
      HttpResponse<String> pact =
          broker.get("/pacts/provider/" + PROVIDER + "/consumer/" + CONSUMER + "/version/" + i);
      if (pact.statusCode() != 200) {
        missing.add("publish " + i + " -> " + pact.statusCode());
      }
    }
    return missing;
  }

  private HttpResponse<String> send(String method, String url, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(HANG);
    b =
        json == null
            ? b.GET()
            : b.method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(method + " " + url + " got no answer within " + HANG + ": " + e, e);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, java.util.function.Supplier<String> what)
      throws InterruptedException {
    long end = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "Expected " + what.get() + " within " + LIMIT + ", but it did not happen");
      }
      Thread.sleep(100);
    }
  }

  /** Mounts a 16 MB tmpfs at {@code dir}; null when mounted, else why not. */
  private static String mountSmallDisk(Path dir) {
    try {
      return run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dir.toString());
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  /** Runs a command; null when it succeeded, else its output. */
  private static String run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", command) + " did not finish within 30 s";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    String out = new String(p.getInputStream().readAllBytes()).trim();
    return p.exitValue() == 0
        ? null
        : String.join(" ", command) + " exited with " + p.exitValue() + ": " + out;
  }

  /** Writes {@code file} until the disk has no space left. */
  private static void fill(Path file) {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw new IllegalStateException(
            "Filling " + file + " failed otherwise than with a full disk: " + full, full);
      }
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new IllegalStateException("Could not delete " + file + ": " + e, e);
    }
  }
}
