package dev.accord.examples.e2e;

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
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * The real broker-server in its own JVM, on a free port, over the given database. Started from the
 * broker-server artifact this module depends on: the Spring Boot jar when the reactor packaged it
 * ({@code mvn verify}), else its classes and this module's test classpath ({@code mvn test}).
 */
final class BrokerProcess implements AutoCloseable {
  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

  final String baseUrl;
  private final Process process;
  private final Path log;

  private BrokerProcess(String baseUrl, Process process, Path log) {
    this.baseUrl = baseUrl;
    this.process = process;
    this.log = log;
  }

  static BrokerProcess start(String jdbcUrl, String user, Path logFile)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    String[] classpath = System.getProperty("java.class.path").split(File.pathSeparator);
    String broker =
        Arrays.stream(classpath)
            .filter(e -> e.contains("broker-server"))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "broker-server is not on the test classpath: "
                            + "examples/e2e/pom.xml must depend on dev.accord:broker-server"));
    if (broker.endsWith(".jar") && isSpringBootJar(broker)) {
      command.addAll(List.of("-jar", broker));
    } else {
      // the examples' own classes and resources (products-service has an application.properties
      // too) stay out
      String cp =
          Arrays.stream(classpath)
              .filter(
                  e ->
                      !e.contains("orders-service")
                          && !e.contains("products-service")
                          && !e.contains(File.separator + "e2e" + File.separator))
              .collect(Collectors.joining(File.pathSeparator));
      command.addAll(List.of("-cp", cp, "dev.accord.broker.BrokerApplication"));
    }
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
    builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
    builder.environment().put("SPRING_DATASOURCE_USERNAME", user);
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
    Process process = builder.start();
    BrokerProcess broker1 = new BrokerProcess("http://127.0.0.1:" + port, process, logFile);
    broker1.awaitReady();
    return broker1;
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant limit = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(limit)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "broker-server exited with code "
                + process.exitValue()
                + " while starting; its output:\n"
                + tail());
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException(
        "broker-server did not answer GET "
            + baseUrl
            + "/ within "
            + STARTUP_LIMIT
            + "; its output:\n"
            + tail());
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(could not read " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static boolean isSpringBootJar(String jar) {
    try (ZipFile zip = new ZipFile(jar)) {
      return zip.getEntry("BOOT-INF/") != null || zip.getEntry("BOOT-INF/classes/") != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
