package dev.accord.examples.jobs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An asynchronous request-reply API on the JDK's HTTP server: {@code POST /generate} accepts a job
 * (202 with its id), {@code GET /status/{id}} answers 202 while it is pending and 200 once it is
 * ready, {@code GET /result/{id}} gives the result. {@code POST /_states} is the state-change
 * endpoint of contract tests (the Pact protocol: {@code {"state": ..., "params": {...}, "action":
 * "setup" | "teardown"}}), which puts the jobs into a state.
 *
 * <p>The service is documented in {@code jobs.yaml} (this module's resources). {@link #broken}
 * starts a variant with a bug the document catches: its result's {@code size} is text, not an
 * integer.
 */
public final class JobsService implements AutoCloseable {
  private static final Pattern STATUS = Pattern.compile("/status/([^/]+)");
  private static final Pattern RESULT = Pattern.compile("/result/([^/]+)");
  private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern ACTION = Pattern.compile("\"action\"\\s*:\\s*\"([^\"]*)\"");

  /** Where a job is. */
  enum Stage {
    PENDING,
    READY
  }

  private record Job(String id, String prompt, Stage stage, String output) {}

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(100);
  private final boolean broken;
  private final HttpServer server;

  private JobsService(int port, boolean broken) throws IOException {
    this.broken = broken;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts the service on {@code port} of 127.0.0.1 (0: any free port). */
  public static JobsService start(int port) throws IOException {
    return new JobsService(port, false);
  }

  /** Starts the variant whose results break the document ({@code size} sent as text). */
  public static JobsService broken(int port) throws IOException {
    return new JobsService(port, true);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  public static void main(String[] args) throws IOException {
    JobsService service = start(args.length > 0 ? Integer.parseInt(args[0]) : 8080);
    System.out.println("jobs-service listening on " + service.baseUrl());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Matcher status = STATUS.matcher(path);
      Matcher result = RESULT.matcher(path);
      if (method.equals("POST") && path.equals("/generate")) {
        generate(exchange, body);
      } else if (method.equals("GET") && status.matches()) {
        status(exchange, status.group(1));
      } else if (method.equals("GET") && result.matches()) {
        result(exchange, result.group(1));
      } else if (method.equals("POST") && path.equals("/_states")) {
        state(exchange, body);
      } else {
        send(exchange, 404, "{\"title\": \"no such resource: " + method + " " + path + "\"}");
      }
    }
  }

  private void generate(HttpExchange exchange, String body) throws IOException {
    if (!body.contains("\"prompt\"")) {
      send(exchange, 400, "{\"title\": \"a job needs a prompt\"}");
      return;
    }
    String id = Integer.toString(nextId.getAndIncrement());
    jobs.put(id, new Job(id, body, Stage.PENDING, null));
    exchange.getResponseHeaders().add("Location", "/status/" + id);
    send(exchange, 202, "{\"id\": \"" + id + "\", \"statusUrl\": \"/status/" + id + "\"}");
  }

  private void status(HttpExchange exchange, String id) throws IOException {
    Job job = jobs.get(id);
    if (job == null) {
      send(exchange, 404, "{\"title\": \"no job " + id + "\"}");
    } else if (job.stage() == Stage.PENDING) {
      exchange.getResponseHeaders().add("Retry-After", "1");
      send(exchange, 202, "{\"id\": \"" + id + "\", \"state\": \"pending\"}");
    } else {
      send(
          exchange,
          200,
          "{\"id\": \"" + id + "\", \"state\": \"ready\", \"resultUrl\": \"/result/" + id + "\"}");
    }
  }

  private void result(HttpExchange exchange, String id) throws IOException {
    Job job = jobs.get(id);
    if (job == null || job.output() == null) {
      send(exchange, 404, "{\"title\": \"no result for job " + id + "\"}");
      return;
    }
    String size =
        broken ? "\"" + job.output().length() + "\"" : Integer.toString(job.output().length());
    send(
        exchange,
        200,
        "{\"id\": \"" + id + "\", \"output\": \"" + job.output() + "\", \"size\": " + size + "}");
  }

  /**
   * The state-change endpoint: sets the jobs up for a state, and returns the job's id for the
   * request.
   */
  private void state(HttpExchange exchange, String body) throws IOException {
    Matcher state = STATE.matcher(body);
    Matcher action = ACTION.matcher(body);
    String name = state.find() ? state.group(1) : "";
    if (action.find() && action.group(1).equals("teardown")) {
      jobs.clear();
      send(exchange, 200, "{}");
      return;
    }
    jobs.clear();
    switch (name) {
      case "no jobs" -> send(exchange, 200, "{}");
      case "job 42 is pending" -> put(exchange, new Job("42", "a kite", Stage.PENDING, null));
      case "job 42 is ready" -> put(exchange, new Job("42", "a kite", Stage.READY, null));
      case "job 42 has a result" ->
          put(exchange, new Job("42", "a kite", Stage.READY, "a red kite"));
      default -> send(exchange, 400, "{\"title\": \"unknown state '" + name + "'\"}");
    }
  }

  private void put(HttpExchange exchange, Job job) throws IOException {
    jobs.put(job.id(), job);
    send(exchange, 200, "{\"id\": \"" + job.id() + "\"}");
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
