package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar as users run it ({@code java -jar cli/target/accord.jar}), in a process of its own:
 * the shaded WireMock behind {@code stub}, and {@code --version} and {@code verify} next to it.
 * Runs in the integration-test phase, after {@code package} built the jar.
 */
class AccordJarIT {
  private static final Path JAR = Path.of("target/accord.jar");
  private static final Path PACT = Path.of("src/test/resources/verify/products.json");
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private static Process start(String... args) throws Exception {
    assertThat(JAR).as("the fat jar built by mvn package").isRegularFile();
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void everyCommandReadsNoAnnotations(@TempDir Path dir) throws Exception {
    // picocli reads an annotated command through reflection: the first annotation read makes a
    // proxy class per annotation type, 40-65 ms of a one-call run (Options); every command is
    // declared in code, only picocli's generate-completion is annotated
    List<String> commands =
        AccordCommand.NAMES.stream().filter(c -> !c.equals("generate-completion")).toList();
    assertThat(commands).hasSize(18);
    for (String command : commands) {
      Path log = dir.resolve(command + ".log");
      Process p =
          new ProcessBuilder(
                  JAVA, "-Xlog:class+load:file=" + log, "-jar", JAR.toString(), command, "--help")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).startsWith("Usage: accord " + command);
      List<String> proxies =
          Files.readAllLines(log).stream().filter(l -> l.contains("__dynamic_proxy__")).toList();
      assertThat(proxies).as(command + ": annotation proxies loaded").isEmpty();
      assertThat(Files.readString(log)).contains("picocli.CommandLine ");
    }
  }

  private static String run(int expectedExit, String... args) throws Exception {
    Process p = start(args);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(expectedExit);
    return out;
  }

  @Test
  void theLauncherScriptRunsTheJarAndWritesThenUsesAClassArchivePerCommand(@TempDir Path cache)
      throws Exception {
    for (int run = 1; run <= 2; run++) {
      ProcessBuilder pb = new ProcessBuilder("sh", "bin/accord", "--version");
      pb.environment().put("ACCORD_JAR", JAR.toString());
      pb.environment().put("ACCORD_CACHE_DIR", cache.toString());
      pb.environment().remove("ACCORD_JAVA_OPTS");
      pb.environment().remove("ACCORD_CDS");
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out + err).isZero();
      // stdout is the command's output only: no JVM or class-archive warnings
      assertThat(out).as("run " + run + ", stderr: " + err).matches("accord \\S+\\R");
      try (var files = Files.list(cache)) {
        List<String> written = files.map(f -> f.getFileName().toString()).toList();
        if (Runtime.version().feature() >= 24
            && Files.isRegularFile(Path.of("target/accord.aot"))) {
          // the build's ahead-of-time cache is used instead of a class archive of its own
          assertThat(written).as("run " + run).isEmpty();
        } else {
          assertThat(written)
              .as("run " + run)
              .singleElement()
              .asString()
              .matches("accord-\\d+-other\\.jsa");
        }
      }
    }
  }

  @Test
  void aTermSentToTheLaunchersOwnPidStopsTheStubOnItsFirstRunToo(@TempDir Path cache)
      throws Exception {
    // the first run of a command starts java as the script's child (to move the archive it writes
    // into place); a supervisor or test harness stops the pid it started, the script's
    ProcessBuilder pb =
        new ProcessBuilder(
            "sh", "bin/accord", "stub", "--pact-file", PACT.toString(), "--port", "0");
    pb.environment().put("ACCORD_JAR", JAR.toString());
    pb.environment().put("ACCORD_CACHE_DIR", cache.toString());
    pb.environment().remove("ACCORD_JAVA_OPTS");
    pb.environment().remove("ACCORD_CDS");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process launcher = pb.redirectErrorStream(true).start();
    List<ProcessHandle> java = new ArrayList<>();
    try {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
      Pattern serving =
          Pattern.compile("Serving 2 interactions from 1 pact at http://[^:]+:(\\d+)");
      int port = -1;
      StringBuilder seen = new StringBuilder();
      for (String line; port < 0 && (line = lines.readLine()) != null; ) {
        seen.append(line).append('\n');
        Matcher m = serving.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertThat(port).as("the stub's start-up line in:\n" + seen).isPositive();
      launcher.descendants().forEach(java::add);

      launcher.destroy(); // SIGTERM to the script's pid only

      assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("the launcher stopped").isTrue();
      assertThat(launcher.exitValue()).isEqualTo(143);
      for (ProcessHandle child : java) {
        assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
      }
      int stopped = port;
      assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", stopped).close())
          .isInstanceOf(java.net.ConnectException.class);
    } finally {
      launcher.destroyForcibly();
      java.forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void versionPrintsTheVersion() throws Exception {
    assertThat(run(0, "--version")).startsWith("accord ");
  }

  @Test
  void compareOpenApiRunsFromTheJarWithoutLoggerNoise() throws Exception {
    String out =
        run(
            1,
            "compare-openapi",
            "--spec",
            "src/test/resources/openapi/catalogue.yaml",
            "--pact",
            "src/test/resources/openapi/misfits.json");
    assertThat(out)
        .startsWith(
            "The pact between orders-service and catalogue is NOT compatible with "
                + "src/test/resources/openapi/catalogue.yaml: 2 of 2 interactions incompatible, 2 errors, 0 warnings\n");
    assertThat(out).doesNotContain("SLF4J");
  }

  @Test
  void verifyOpenApiRunsFromTheJar(@TempDir Path dir) throws Exception {
    Path cases =
        Files.writeString(
            dir.resolve("cases.yaml"),
            "cases: [{operation: listProducts, status: 200, state: products exist}]");
    String out =
        run(
            1,
            "verify-openapi",
            "src/test/resources/openapi/catalogue.yaml",
            "--provider-base-url",
            "http://127.0.0.1:1",
            "--cases",
            cases.toString(),
            "--seed",
            "1");
    assertThat(out)
        .startsWith(
            "Verifying the provider at http://127.0.0.1:1 against "
                + "src/test/resources/openapi/catalogue.yaml")
        .contains("Could not connect to the provider at" + " http://127.0.0.1:1")
        .doesNotContain("SLF4J");
  }

  @Test
  void stubServesThePactFromTheJarAndExplainsMisses() throws Exception {
    Process stub = start("stub", "--pact-file", PACT.toString(), "--port", "0");
    try {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      String url = null;
      Pattern serving =
          Pattern.compile("Serving 2 interactions from 1 pact at (http://127\\.0\\.0\\.1:\\d+)");
      for (String line; url == null && (line = lines.readLine()) != null; ) {
        seen.append(line).append('\n');
        Matcher m = serving.matcher(line);
        if (m.find()) {
          url = m.group(1);
        }
      }
      assertThat(url).as("the stub's start-up line in:\n" + seen).isNotNull();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> ok =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "/products/p1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("{\"id\":\"p1\",\"name\":\"Pact in Action\",\"price\":12.5}");
      HttpResponse<String> miss =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "/products"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Other\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(miss.statusCode()).isEqualTo(404);
      assertThat(miss.body())
          .contains("\"error\":\"No interaction of the pact matches POST /products\"")
          .contains("\"description\":\"create product\"")
          .contains("\"type\":\"body\"")
          .contains("\"path\":\"$.name\"");
    } finally {
      stub.destroy();
      assertThat(stub.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void verifyRunsFromTheJar() throws Exception {
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().getPath();
          int status = path.equals("/products") ? 201 : 200;
          byte[] bytes =
              (path.equals("/products/p1")
                      ? "{\"id\":\"p1\",\"name\":\"Refactoring\",\"price\":9.99}"
                      : "{}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
          }
        });
    provider.start();
    try {
      String url = "http://127.0.0.1:" + provider.getAddress().getPort();
      String out =
          run(
              0,
              "verify",
              "--provider",
              "products-service",
              "--pact-file",
              PACT.toString(),
              "--provider-base-url",
              url,
              "--state-change-url",
              url + "/state");
      assertThat(out).contains("0 of 2 interactions failed");
      assertThat(Files.size(JAR)).isPositive();
    } finally {
      provider.stop(0);
    }
  }
}
