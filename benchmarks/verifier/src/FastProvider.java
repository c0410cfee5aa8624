import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A fast local provider: GET /products/{id} and POST /_pact/state, on the port given (0 = any); prints the port. */
public class FastProvider {
  public static void main(String[] args) throws Exception {
    // without it the JDK server waits on delayed ACKs (~40 ms per exchange); any real provider sets TCP_NODELAY
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 128);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      exchange.getRequestBody().readAllBytes();
      byte[] body;
      if (path.equals("/_pact/state")) {
        body = "{}".getBytes(StandardCharsets.UTF_8);
      } else {
        String id = path.substring(path.lastIndexOf('/') + 1);
        body = ("{\"id\":" + id + ",\"name\":\"product " + id + "\",\"price\":9.99,\"inStock\":false,"
            + "\"tags\":[\"book\",\"new\"],\"supplier\":{\"id\":\"s-42\",\"country\":\"NZ\"}}")
            .getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    });
    server.start();
    System.out.println(server.getAddress().getPort());
    System.out.flush();
  }
}
