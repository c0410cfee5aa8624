package dev.accord.examples.orders;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * orders-service's client of products-service, over {@code java.net.http}. Unknown fields in
 * answers are ignored (the provider may add fields); a missing product is an empty {@link
 * Optional}; anything else unexpected is a {@link ProductServiceException} naming the request and
 * the answer.
 */
public final class ProductClient {
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  /**
   * @param baseUrl where products-service listens, e.g. {@code http://products.internal:8080}
   */
  public ProductClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The product with this id, or empty when products-service answers 404. */
  public Optional<Product> findProduct(long id) {
    HttpResponse<String> response = get("/api/products/" + id);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(read(response, Product.class));
  }

  /** Up to {@code limit} products of a category. */
  public List<Product> productsInCategory(String category, int limit) {
    HttpResponse<String> response =
        get(
            "/api/products?category="
                + URLEncoder.encode(category, StandardCharsets.UTF_8)
                + "&limit="
                + limit);
    return List.of(read(response, Product[].class));
  }

  private HttpResponse<String> get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProductServiceException("GET " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProductServiceException("GET " + request.uri() + " was interrupted", e);
    }
  }

  private static <T> T read(HttpResponse<String> response, Class<T> type) {
    if (response.statusCode() != 200) {
      throw new ProductServiceException(
          "GET "
              + response.uri()
              + " answered "
              + response.statusCode()
              + " (expected 200): "
              + response.body(),
          null);
    }
    try {
      return JSON.readValue(response.body(), type);
    } catch (JacksonException e) {
      throw new ProductServiceException(
          "GET "
              + response.uri()
              + " answered a body that is not a "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage()
              + "; body: "
              + response.body(),
          e);
    }
  }

  /** products-service could not be reached or answered something orders-service cannot use. */
  public static final class ProductServiceException extends RuntimeException {
    ProductServiceException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
