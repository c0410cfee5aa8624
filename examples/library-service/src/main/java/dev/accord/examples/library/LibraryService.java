package dev.accord.examples.library;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small library: create, read, update, delete and list books, on the JDK's HTTP server. Its
 * OpenAPI document ({@code /openapi.yaml}, also served at that path) links the operations ({@code
 * createBook} 201 → {@code getBook}, {@code deleteBook} 204 → {@code getBook}, ...), which is what
 * {@code accord explore} follows.
 *
 * <p>The planted bug: with {@code deletedBooksStillAnswer}, a deleted book disappears from the list
 * but {@code GET /books/{id}} still answers 200 with it. Exploration finds it as create → delete →
 * get.
 *
 * <p>{@code POST /_accord/state} with {@code {"state": "an empty library", "action": "setup"}}
 * empties the library and restarts the ids at 1, so each explored sequence starts from the same
 * state.
 *
 * <pre>
 * java -cp ... dev.accord.examples.library.LibraryService 8080
 * java -Dlibrary.bug.deleted-books-still-answer=true -cp ... dev.accord.examples.library.LibraryService 8080
 * </pre>
 */
public final class LibraryService implements AutoCloseable {

  /** The state the state-change endpoint knows: no books, the next id is 1. */
  public static final String EMPTY_LIBRARY = "an empty library";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final boolean deletedBooksStillAnswer;
  private final HttpServer server;
  private final Map<Long, Book> books = new LinkedHashMap<>();
  private long nextId = 1;

  private record Book(long id, String title, String author, boolean deleted) {
    ObjectNode json() {
      ObjectNode node = JSON.createObjectNode();
      node.put("id", id);
      node.put("title", title);
      node.put("author", author);
      return node;
    }
  }

  private LibraryService(int port, boolean deletedBooksStillAnswer) throws IOException {
    this.deletedBooksStillAnswer = deletedBooksStillAnswer;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "library-service");
              thread.setDaemon(true);
              return thread;
            }));
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts the service on 127.0.0.1.
   *
   * @param port the port, 0 for any free one
   * @param deletedBooksStillAnswer plant the bug: a deleted book still answers 200 on GET
   */
  public static LibraryService start(int port, boolean deletedBooksStillAnswer) {
    // the JDK server writes headers and body separately; without TCP_NODELAY every answer waits ~40
    // ms for the
    // client's delayed ACK. Read once, when the JVM's first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      return new LibraryService(port, deletedBooksStillAnswer);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start the library service on port " + port + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code LibraryService [port]}; the bug is planted with {@code
   * -Dlibrary.bug.deleted-books-still-answer=true}.
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    LibraryService service =
        start(port, Boolean.getBoolean("library.bug.deleted-books-still-answer"));
    System.out.println(
        "library-service listening on "
            + service.baseUrl()
            + (service.deletedBooksStillAnswer
                ? " (planted bug: deleted books still answer 200)"
                : ""));
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The service's OpenAPI document (YAML), as served at {@code /openapi.yaml}. */
  public static String openApiDocument() {
    try (InputStream in = LibraryService.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException(
            "openapi.yaml is missing from the library service's class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String[] segments = path.substring(1).split("/", -1);
      if (path.equals("/openapi.yaml") && method.equals("GET")) {
        send(exchange, 200, "application/yaml", openApiDocument().getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/_accord/state") && method.equals("POST")) {
        stateChange(exchange);
      } else if (path.equals("/books")) {
        switch (method) {
          case "GET" -> list(exchange);
          case "POST" -> create(exchange);
          default -> problem(exchange, 405, method + " is not allowed on /books (GET, POST)");
        }
      } else if (segments.length == 2 && segments[0].equals("books")) {
        Long id = parseId(segments[1]);
        if (id == null) {
          problem(exchange, 400, "Book id '" + segments[1] + "' is not a number");
          return;
        }
        switch (method) {
          case "GET" -> read(exchange, id);
          case "PUT" -> update(exchange, id);
          case "DELETE" -> delete(exchange, id);
          default ->
              problem(exchange, 405, method + " is not allowed on /books/{id} (GET, PUT, DELETE)");
        }
      } else {
        problem(exchange, 404, "No resource at " + path);
      }
    } catch (RuntimeException e) {
      problem(exchange, 500, "Internal error: " + e);
    }
  }

  private void stateChange(HttpExchange exchange) throws IOException {
    JsonNode body = body(exchange);
    String state = body == null ? null : body.path("state").asString(null);
    String action = body == null ? "setup" : body.path("action").asString("setup");
    if (!EMPTY_LIBRARY.equals(state)) {
      problem(
          exchange,
          400,
          "Unknown provider state '" + state + "': the library knows '" + EMPTY_LIBRARY + "'");
      return;
    }
    if (action.equals("setup")) {
      synchronized (books) {
        books.clear();
        nextId = 1;
      }
    }
    send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
  }

  private void list(HttpExchange exchange) throws IOException {
    List<JsonNode> visible = new ArrayList<>();
    synchronized (books) {
      books.values().stream().filter(b -> !b.deleted()).forEach(b -> visible.add(b.json()));
    }
    send(exchange, 200, "application/json", JSON.writeValueAsBytes(visible));
  }

  private void create(HttpExchange exchange) throws IOException {
    JsonNode body = body(exchange);
    String invalid = invalidBook(body);
    if (invalid != null) {
      problem(exchange, 400, invalid);
      return;
    }
    Book book;
    synchronized (books) {
      book = new Book(nextId++, body.get("title").asString(), body.get("author").asString(), false);
      books.put(book.id(), book);
    }
    exchange.getResponseHeaders().set("Location", "/books/" + book.id());
    send(exchange, 201, "application/json", JSON.writeValueAsBytes(book.json()));
  }

  private void read(HttpExchange exchange, long id) throws IOException {
    Book book;
    synchronized (books) {
      book = books.get(id);
    }
    // the planted bug: without the flag, a deleted book is gone; with it, GET still finds it
    if (book == null || (book.deleted() && !deletedBooksStillAnswer)) {
      problem(exchange, 404, "No book with id " + id);
      return;
    }
    send(exchange, 200, "application/json", JSON.writeValueAsBytes(book.json()));
  }

  private void update(HttpExchange exchange, long id) throws IOException {
    JsonNode body = body(exchange);
    String invalid = invalidBook(body);
    if (invalid != null) {
      problem(exchange, 400, invalid);
      return;
    }
    Book updated;
    synchronized (books) {
      Book book = books.get(id);
      if (book == null || book.deleted()) {
        updated = null;
      } else {
        updated = new Book(id, body.get("title").asString(), body.get("author").asString(), false);
        books.put(id, updated);
      }
    }
    if (updated == null) {
      problem(exchange, 404, "No book with id " + id);
      return;
    }
    send(exchange, 200, "application/json", JSON.writeValueAsBytes(updated.json()));
  }

  private void delete(HttpExchange exchange, long id) throws IOException {
    boolean found;
    synchronized (books) {
      Book book = books.get(id);
      found = book != null && !book.deleted();
      if (found) {
        books.put(id, new Book(id, book.title(), book.author(), true));
      }
    }
    if (!found) {
      problem(exchange, 404, "No book with id " + id);
      return;
    }
    exchange.sendResponseHeaders(204, -1);
  }

  private static String invalidBook(JsonNode body) {
    if (body == null || !body.isObject()) {
      return "The body must be a JSON object with title and author";
    }
    for (String field : new String[] {"title", "author"}) {
      JsonNode value = body.get(field);
      if (value == null || !value.isString() || value.asString().isBlank()) {
        return "The book's " + field + " must be a non-empty string";
      }
    }
    return null;
  }

  private static Long parseId(String segment) {
    try {
      return Long.parseLong(segment);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    if (bytes.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(bytes);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static void problem(HttpExchange exchange, int status, String message)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", message);
    send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
