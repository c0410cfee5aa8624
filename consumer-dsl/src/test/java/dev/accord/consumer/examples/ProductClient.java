package dev.accord.consumer.examples;

import dev.accord.pact.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The consumer's real client code, as a consumer team would have it. */
public final class ProductClient {
  public record Product(String id, String name, double price, List<String> tags) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  public ProductClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Product getProduct(String id) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/products/" + id))
                .header("Accept", "application/json")
                .GET()
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET product " + id + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.mapper().readValue(response.body(), Product.class);
  }

  public List<Product> search(String tag, int limit) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl + "/api/products?tag=" + tag + "&limit=" + limit))
                .header("Accept", "application/json")
                .GET()
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "search answered " + response.statusCode() + ": " + response.body());
    }
    return List.of(Json.mapper().readValue(response.body(), Product[].class));
  }

  public String create(String name, double price) {
    String json = Json.write(Json.toTree(java.util.Map.of("name", name, "price", price)));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "create answered " + response.statusCode() + ": " + response.body());
    }
    return Json.parse(response.body()).get("id").asString();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
