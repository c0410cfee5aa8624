package dev.accord.broker;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The built broker in a JVM of its own ({@code java -cp <this test classpath> BrokerApplication}),
 * so a test can {@code kill -9} it and start it again on the same database and port.
 */
final class BrokerProcess implements AutoCloseable {
  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

  final String baseUrl;
  private final List<String> command;
  private final Path log;
  private Process process;

  private BrokerProcess(List<String> command, String baseUrl, Path log) {
    this.command = command;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /**
   * Starts the broker on {@code jdbcUrl} (user {@code user}, empty password), writing its output to
   * {@code log}.
   */
  static BrokerProcess start(String jdbcUrl, String user, Path log)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                brokerClasspath(),
                BrokerApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=",
                "--accord.webhooks.enabled=false"));
    BrokerProcess broker = new BrokerProcess(command, "http://127.0.0.1:" + port, log);
    broker.restart();
    return broker;
  }

  /** The broker's own classes and dependencies: this test classpath without the test classes. */
  private static String brokerClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            entry ->
                !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Starts the process (again, after {@link #kill9()}) and waits until its heartbeat answers. */
  void restart() throws IOException, InterruptedException {
    Files.writeString(
        log,
        "---- start " + Instant.now() + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!awaitReady(process, baseUrl, STARTUP_LIMIT, "The broker process", this::tail)) {
      close();
      throw new IllegalStateException(
          "The broker process did not answer "
              + baseUrl
              + "/diagnostic/status/ready within "
              + STARTUP_LIMIT
              + "; its output:\n"
              + tail());
    }
  }

  /**
   * Waits until {@code baseUrl}'s readiness probe answers 200 (true) or {@code limit} passes
   * (false: the caller stops the process and says so); fails at once, with {@code output}, if the
   * process exits while starting. Shared with {@code PackagedJarIT}, which starts the packaged jar.
   */
  static boolean awaitReady(
      Process process, String baseUrl, Duration limit, String what, Supplier<String> output)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            what
                + " exited with code "
                + process.exitValue()
                + " while starting; its output:\n"
                + output.get());
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/diagnostic/status/ready"))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** SIGKILL: no shutdown hook, no flush, no close of the database. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "The broker process " + process.pid() + " did not die within 30 s of SIGKILL");
    }
  }

  long pid() {
    return process.pid();
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(could not read " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
