package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * Drives the standard {@code pact} CLI (needs ACCORD_PACT_CLI): its mock server, so it writes a
 * pact file, and its verifier, so a pact gets the reference implementation's verdict.
 */
final class PactCli {
  private PactCli() {}

  static Path cli() {
    String configured = System.getenv("ACCORD_PACT_CLI");
    Path cli =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(
                System.getProperty("user.home"), ".cache/accord-tools/node_modules/.bin/pact");
    if (!Files.isExecutable(cli)) {
      String why = "The standard pact CLI is not at " + cli + " (set ACCORD_PACT_CLI to its path)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why + "; CI=true, so this test must not be skipped");
      }
      Assumptions.abort(why);
    }
    return cli;
  }

  /**
   * Loads {@code inputPact} into a {@code pact mock} server, sends it every request of the pact,
   * and returns the pact file the mock server writes on shutdown.
   */
  static Path recordWithMockServer(Path inputPact, Path workDir) throws Exception {
    Path cli = cli();
    Path out = Files.createDirectories(workDir.resolve("pact-cli-out"));
    int masterPort;
    try (ServerSocket s = new ServerSocket(0)) {
      masterPort = s.getLocalPort();
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                cli.toString(),
                "mock",
                "start",
                "-p",
                String.valueOf(masterPort),
                "-o",
                out.toString(),
                "--no-file-log")
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("pact-mock-master.log").toFile());
    pb.environment().put("PACT_DO_NOT_TRACK", "true");
    Process master = pb.start();
    try {
      awaitListening(masterPort, master);
      String created =
          run(
              cli,
              "mock",
              "create",
              "-p",
              String.valueOf(masterPort),
              "-f",
              inputPact.toString(),
              "--no-file-log");
      Matcher m = Pattern.compile("started on port (\\d+)").matcher(created);
      assertThat(m.find()).as("pact mock create output: " + created).isTrue();
      int mockPort = Integer.parseInt(m.group(1));
      replayRequests(inputPact, "http://127.0.0.1:" + mockPort);
      run(cli, "mock", "verify", "-p", String.valueOf(masterPort), "-m", String.valueOf(mockPort));
      run(
          cli,
          "mock",
          "shutdown",
          "-p",
          String.valueOf(masterPort),
          "-m",
          String.valueOf(mockPort));
    } finally {
      // `pact` is a Node launcher whose child, the Rust mock server, does not die with it: stop the
      // whole tree
      List<ProcessHandle> tree = new ArrayList<>(master.descendants().toList());
      tree.add(master.toHandle());
      tree.forEach(ProcessHandle::destroy);
      for (ProcessHandle process : tree) {
        try {
          process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          process.destroyForcibly();
        }
      }
    }
    try (Stream<Path> files = Files.list(out)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("pact mock wrote no pact file into " + out));
    }
  }

  /**
   * What {@code pact verifier} said: the descriptions of the interactions that failed, and its
   * output.
   */
  record VerifierRun(int exitCode, Set<String> failed, String output) {}

  /** Runs {@code pact verifier} on {@code pact} against a provider on 127.0.0.1:{@code port}. */
  static VerifierRun verify(Path pact, int port, Path workDir) throws Exception {
    Path cli = cli();
    Path report = workDir.resolve("pact-verifier-report.json");
    ProcessBuilder pb =
        new ProcessBuilder(
                cli.toString(),
                "verifier",
                "-f",
                pact.toString(),
                "--hostname",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "--no-colour",
                "-j",
                report.toString())
            .redirectErrorStream(true);
    pb.environment().put("PACT_DO_NOT_TRACK", "true");
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pact verifier did not finish within 120 s:\n" + output);
    }
    assertThat(report).as("pact verifier wrote no JSON report:%n%s", output).exists();
    // errors[].interaction reads "Verifying a pact between <consumer> and <provider> -
    // <description>"
    Set<String> failed = new LinkedHashSet<>();
    for (JsonNode error : Json.parse(Files.readString(report)).path("errors")) {
      String name = error.path("interaction").asString();
      failed.add(name.substring(name.indexOf(" - ") + 3));
    }
    return new VerifierRun(process.exitValue(), failed, output);
  }

  private static void awaitListening(int port, Process master) throws Exception {
    for (int attempt = 0; attempt < 300; attempt++) {
      if (!master.isAlive()) {
        throw new AssertionError("pact mock start exited with " + master.exitValue());
      }
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("pact mock start did not listen on port " + port);
  }

  private static String run(Path cli, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(cli.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PACT_DO_NOT_TRACK", "true");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    assertThat(exit).as(String.join(" ", command) + " failed:\n" + output).isZero();
    return output;
  }

  private static void replayRequests(Path pact, String base) throws Exception {
    JsonNode root = Json.parse(Files.readString(pact));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (JsonNode interaction : root.get("interactions")) {
      JsonNode req = interaction.get("request");
      StringBuilder url = new StringBuilder(base).append(req.get("path").asString());
      if (req.has("query")) {
        char sep = '?';
        for (Map.Entry<String, JsonNode> q : req.get("query").properties()) {
          for (JsonNode v : q.getValue()) {
            url.append(sep).append(q.getKey()).append('=').append(v.asString());
            sep = '&';
          }
        }
      }
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString()));
      if (req.has("headers")) {
        for (Map.Entry<String, JsonNode> h : req.get("headers").properties()) {
          b.header(
              h.getKey(),
              h.getValue().isArray() ? h.getValue().get(0).asString() : h.getValue().asString());
        }
      }
      HttpRequest.BodyPublisher body =
          req.has("body")
              ? HttpRequest.BodyPublishers.ofString(Json.write(req.get("body")))
              : HttpRequest.BodyPublishers.noBody();
      b.method(req.get("method").asString(), body);
      HttpResponse<String> response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode())
          .as("mock server answer to " + url + ": " + response.body())
          .isLessThan(500);
    }
  }
}
