package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged broker as a user starts it, in a process and a directory of its own, with its output
 * in {@code broker.log} there: {@code java [jvmOptions] -jar target/broker-server.jar [arguments]}
 * ({@link #start}) or any other command ({@link #launch}: the extracted jar with a cache, {@code
 * bin/accord-broker}). The caller's database and port settings are removed from the environment it
 * inherits, so only what a test gives counts. For {@code PackagedJarIT} and {@code
 * BrokerLauncherIT}, which run after {@code package}.
 */
final class BrokerJar implements AutoCloseable {
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** Up to a few minutes on a busy machine: a launcher's first start makes its archive first. */
  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

  final String baseUrl;
  private final Process process;
  private final Path log;

  private BrokerJar(Process process, String baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static BrokerJar start(
      Path workDir, List<String> jvmOptions, List<String> arguments, Map<String, String> env)
      throws IOException, InterruptedException {
    return start(workDir, jvmOptions, arguments, env, freePort());
  }

  static BrokerJar start(
      Path workDir,
      List<String> jvmOptions,
      List<String> arguments,
      Map<String, String> env,
      int port)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", packaged().toString()));
    return launch(workDir, command, arguments, env, port);
  }

  /** The packaged jar, which {@code mvn package} builds before these tests run. */
  static Path packaged() {
    Path jar = Path.of("target", "broker-server.jar").toAbsolutePath();
    assertThat(jar)
        .as("the packaged broker (mvn package builds it before this test runs)")
        .exists();
    return jar;
  }

  /**
   * {@code launch} (a command that starts the broker, e.g. java up to and with {@code -jar
   * the.jar}) with the arguments, listening on 127.0.0.1 at {@code port}; returns once it is ready.
   */
  static BrokerJar launch(
      Path workDir, List<String> launch, List<String> arguments, Map<String, String> env, int port)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    List<String> command = new ArrayList<>(launch);
    command.add("--server.address=127.0.0.1");
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
            "SERVER_PORT",
            "ACCORD_CDS",
            "ACCORD_BROKER_JAVA_OPTS")) {
      builder.environment().remove(name);
    }
    builder.environment().putAll(env);
    BrokerJar started = new BrokerJar(builder.start(), "http://127.0.0.1:" + port, log);
    started.awaitReady(command.get(0));
    return started;
  }

  private void awaitReady(String what) throws IOException, InterruptedException {
    if (!BrokerProcess.awaitReady(process, baseUrl, STARTUP_LIMIT, what, this::logOrWhyNot)) {
      close();
      throw new IllegalStateException(
          what + " did not answer " + baseUrl + " within " + STARTUP_LIMIT + ":\n" + log());
    }
  }

  private String logOrWhyNot() {
    try {
      return log();
    } catch (IOException e) {
      return "(could not read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Everything the process wrote so far, stdout and stderr. */
  String log() throws IOException {
    return Files.readString(log);
  }

  /** The process's id (a launcher that execs java has the JVM's). */
  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
