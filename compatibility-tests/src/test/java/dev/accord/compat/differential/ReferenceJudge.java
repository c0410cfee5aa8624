package dev.accord.compat.differential;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accord.compat.differential.DiffCase.Actual;
import dev.accord.compat.differential.DiffCase.Direction;
import dev.accord.pact.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference implementation's verdicts, from the standard {@code pact} CLI (Rust).
 *
 * <ul>
 *   <li>Responses and messages: one {@code pact verifier} run for all of them (a V3 file, a V3
 *       message file and a V4 file), against a canned provider that answers {@code GET /case/<id>}
 *       with that case's actual response and {@code POST /} (the verifier's message protocol:
 *       {@code {"description": ...}}) with the case's message, its metadata base64-encoded JSON in
 *       {@code Pact-Message-Metadata}. Verdicts come from the {@code --json} report's {@code
 *       interactionResults}.
 *   <li>Requests: one {@code pact mock start} master; per case a mock server created from the
 *       case's pact over the master's REST API ({@code POST /}), the actual request sent to it,
 *       matched when the mock answers with the pact's response ({@code X-Case: <id>}); otherwise
 *       the master's {@code /mockserver/<id>/verify} tells why.
 * </ul>
 */
final class ReferenceJudge implements AutoCloseable {
  /** Interactions per {@code pact verifier} run. */
  static final int VERIFIER_BATCH = 400;

  private final Path cli;
  private final Path workDir;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private Process master;
  private int masterPort;

  ReferenceJudge(Path cli, Path workDir) {
    this.cli = cli;
    this.workDir = workDir;
  }

  Map<String, Verdict> judge(List<DiffCase> cases) throws Exception {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    List<DiffCase> verified =
        cases.stream().filter(c -> c.direction() != Direction.REQUEST).toList();
    // one verifier run per batch: its time per interaction grows with the size of the run
    for (int from = 0; from < verified.size(); from += VERIFIER_BATCH) {
      verdicts.putAll(
          verify(verified.subList(from, Math.min(verified.size(), from + VERIFIER_BATCH))));
    }
    for (DiffCase c : cases) {
      if (c.direction() == Direction.REQUEST) {
        verdicts.put(c.id(), mock(c));
      }
    }
    return verdicts;
  }

  // ---- pact verifier
  // ----------------------------------------------------------------------------------------

  private Map<String, Verdict> verify(List<DiffCase> cases) throws Exception {
    Map<String, DiffCase> byId =
        cases.stream().collect(Collectors.toMap(DiffCase::id, Function.identity()));
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext("/", exchange -> serve(exchange, byId));
    provider.start();
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  cli.toString(),
                  "verifier",
                  "--hostname",
                  "127.0.0.1",
                  "--port",
                  String.valueOf(provider.getAddress().getPort()),
                  "--no-colour"));
      writeFile(
          "v3-http.json",
          3,
          false,
          cases,
          c -> c.spec() == 3 && c.direction() == Direction.RESPONSE,
          command);
      writeFile(
          "v3-messages.json",
          3,
          true,
          cases,
          c -> c.spec() == 3 && c.direction() == Direction.MESSAGE,
          command);
      writeFile("v4.json", 4, false, cases, c -> c.spec() == 4, command);
      Path report = workDir.resolve("verifier-report.json");
      Files.deleteIfExists(report);
      command.addAll(List.of("--json", report.toString()));
      Path log = workDir.resolve("verifier-output.txt");
      Process p = start(command, log);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        stop(p);
        throw new AssertionError(
            "pact verifier did not finish within 5 minutes; its output: " + log);
      }
      if (!Files.exists(report)) {
        throw new AssertionError(
            "pact verifier (exit "
                + p.exitValue()
                + ") wrote no JSON report "
                + report
                + "; its output:\n"
                + Files.readString(log));
      }
      JsonNode json = Json.parse(Files.readString(report));
      Map<String, String> errors = new LinkedHashMap<>();
      for (JsonNode e : json.path("errors")) {
        String interaction = e.path("interaction").asString();
        String id = interaction.substring(interaction.lastIndexOf(" - ") + 3);
        errors.merge(id, Json.write(e.path("mismatch")), (x, y) -> x + "; " + y);
      }
      Map<String, Verdict> verdicts = new LinkedHashMap<>();
      for (JsonNode r : json.path("interactionResults")) {
        String id = r.path("description").asString();
        verdicts.put(
            id,
            "OK".equals(r.path("result").asString())
                ? Verdict.pass()
                : Verdict.fail(errors.getOrDefault(id, r.path("result").asString())));
      }
      for (DiffCase c : cases) {
        if (!verdicts.containsKey(c.id())) {
          verdicts.put(
              c.id(),
              Verdict.fail(
                  "the verifier reported no result for this interaction (see " + log + ")"));
        }
      }
      return verdicts;
    } finally {
      provider.stop(0);
    }
  }

  private void writeFile(
      String name,
      int spec,
      boolean v3Messages,
      List<DiffCase> cases,
      java.util.function.Predicate<DiffCase> which,
      List<String> command)
      throws IOException {
    List<DiffCase> selected = cases.stream().filter(which).toList();
    if (selected.isEmpty()) {
      return;
    }
    Path file = workDir.resolve(name);
    Files.writeString(file, DiffCase.pactFile(spec, v3Messages, selected));
    command.addAll(List.of("--file", file.toString()));
  }

  private static void serve(HttpExchange exchange, Map<String, DiffCase> byId) throws IOException {
    try (exchange) {
      byte[] request = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      DiffCase c;
      if ("POST".equals(exchange.getRequestMethod()) && "/".equals(path)) {
        c =
            byId.get(
                Json.parse(new String(request, StandardCharsets.UTF_8))
                    .path("description")
                    .asString());
      } else {
        c = path.startsWith("/case/") ? byId.get(path.substring("/case/".length())) : null;
      }
      if (c == null) {
        exchange.sendResponseHeaders(599, -1);
        return;
      }
      Actual a = c.actual();
      a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      if (c.direction() == Direction.MESSAGE && !a.metadata().isEmpty()) {
        ObjectNode md = Json.nodes().objectNode();
        a.metadata().forEach(md::set);
        exchange
            .getResponseHeaders()
            .add(
                "Pact-Message-Metadata",
                Base64.getEncoder()
                    .encodeToString(Json.write(md).getBytes(StandardCharsets.UTF_8)));
      }
      byte[] body = a.body() == null ? new byte[0] : a.body();
      int status = c.direction() == Direction.MESSAGE ? 200 : a.status();
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(body);
        }
      }
    }
  }

  // ---- pact mock
  // ----------------------------------------------------------------------------------------------

  private Verdict mock(DiffCase c) throws Exception {
    if (master == null) {
      startMaster();
    }
    String base = "http://127.0.0.1:" + masterPort;
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        DiffCase.pactFile(c.spec(), false, List.of(c))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() >= 300) {
      return Verdict.fail(
          "pact mock refused the pact: " + created.statusCode() + " " + created.body());
    }
    JsonNode server = Json.parse(created.body()).path("mockServer");
    String id = server.path("id").asString();
    int port = server.path("port").asInt();
    try {
      String answer = send(port, c.actual());
      if (answer.startsWith("HTTP/1.1 200")
          && answer
              .toLowerCase(java.util.Locale.ROOT)
              .contains("\r\nx-case: " + c.id().toLowerCase(java.util.Locale.ROOT) + "\r\n")) {
        return Verdict.pass();
      }
      return Verdict.fail(why(base, port, answer));
    } finally {
      try {
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/mockserver/" + id)).DELETE().build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        // the master logs why; the next case gets a mock server of its own
      }
    }
  }

  /** The mismatches the mock recorded, or its answer when the master cannot say. */
  private String why(String base, int port, String answer) {
    try {
      HttpResponse<String> why =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/mockserver/" + port + "/verify"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return Json.write(Json.parse(why.body()).path("mismatches"));
    } catch (IOException | RuntimeException e) {
      return answer.lines().findFirst().orElse("no answer") + " (" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return answer;
    }
  }

  /**
   * Sends the actual request on a fresh connection ({@code Connection: close}: a mock's port may be
   * reused by the next mock) exactly as generated, and returns the whole answer.
   */
  private static String send(int port, Actual a) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      byte[] body = a.body() == null ? new byte[0] : a.body();
      StringBuilder head =
          new StringBuilder(a.method())
              .append(' ')
              .append(a.rawPathAndQuery())
              .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
              .append(port)
              .append("\r\nConnection: close\r\n");
      a.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body.length > 0) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void startMaster() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      masterPort = s.getLocalPort();
    }
    Path out = Files.createDirectories(workDir.resolve("mock-out"));
    master =
        start(
            List.of(
                cli.toString(),
                "mock",
                "start",
                "-p",
                String.valueOf(masterPort),
                "-o",
                out.toString(),
                "--no-file-log",
                "--no-term-log"),
            workDir.resolve("mock-master.log"));
    for (int attempt = 0; attempt < 300; attempt++) {
      if (!master.isAlive()) {
        throw new AssertionError(
            "pact mock start exited with "
                + master.exitValue()
                + "; its output: "
                + Files.readString(workDir.resolve("mock-master.log")));
      }
      try (Socket ignored = new Socket("127.0.0.1", masterPort)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError(
        "pact mock start did not listen on port " + masterPort + " within 15 s");
  }

  private static Process start(List<String> command, Path log) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("PACT_DO_NOT_TRACK", "true");
    return pb.start();
  }

  /** The npm launcher runs the native binary as a child: stop both. */
  private static void stop(Process p) throws InterruptedException {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (master != null) {
      stop(master);
    }
  }
}
