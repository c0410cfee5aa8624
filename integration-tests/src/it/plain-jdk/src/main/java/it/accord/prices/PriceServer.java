package it.accord.prices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** price-service: GET /prices/{sku} answers {"sku": ..., "cents": ...}. */
public final class PriceServer implements AutoCloseable {
  private final HttpServer server;

  public PriceServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/prices/", this::price);
    server.start();
  }

  public static void main(String[] args) throws IOException {
    new PriceServer(Integer.parseInt(args[0]));
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void price(HttpExchange exchange) throws IOException {
    String sku = exchange.getRequestURI().getPath().substring("/prices/".length());
    byte[] body =
        ("{\"sku\":\"" + sku + "\",\"cents\":" + (sku.length() * 100 + 99) + "}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
