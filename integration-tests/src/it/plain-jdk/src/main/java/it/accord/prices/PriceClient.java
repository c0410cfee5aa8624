package it.accord.prices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The consumer of price-service: the JDK's HttpClient, and no JSON library. */
public final class PriceClient {
  private static final Pattern CENTS = Pattern.compile("\"cents\"\\s*:\\s*(\\d+)");
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  public PriceClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public long centsFor(String sku) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + sku))
            .header("Accept", "application/json")
            .build();
    String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    Matcher cents = CENTS.matcher(body);
    if (!cents.find()) {
      throw new IllegalStateException("no cents in " + body);
    }
    return Long.parseLong(cents.group(1));
  }

  /** price.changed events arrive as JSON text; this consumer only needs the sku. */
  public static String skuOfPriceChange(byte[] message) {
    Matcher sku = Pattern.compile("\"sku\"\\s*:\\s*\"([^\"]+)\"").matcher(new String(message));
    return sku.find() ? sku.group(1) : null;
  }
}
