package dev.accord.verifier.internal.sources;

import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import dev.accord.verifier.Credentials;
import dev.accord.verifier.PactSource;
import dev.accord.verifier.PactSourceException;
import dev.accord.verifier.PactToVerify;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A pact fetched over HTTP(S), optionally with basic or bearer authentication. */
public record UrlPactSource(String url, Credentials credentials) implements PactSource {
  @Override
  public List<PactToVerify> load() {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new PactSourceException(
          "Pact URL '" + url + "' is not a valid URL: " + e.getMessage(), e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/hal+json, application/json");
    credentials.authorizationHeader().ifPresent(h -> request.header("Authorization", h));
    HttpResponse<String> response;
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PactSourceException("Cannot fetch pact from " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PactSourceException("Interrupted while fetching pact from " + url, e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new PactSourceException(
          "Fetching pact from "
              + url
              + " was refused with "
              + response.statusCode()
              + " (sent "
              + credentials
              + "). Check the credentials (basic: username/password, or a bearer token).");
    }
    if (response.statusCode() != 200) {
      String body = response.body();
      throw new PactSourceException(
          "Fetching pact from "
              + url
              + " answered "
              + response.statusCode()
              + ": "
              + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
    }
    try {
      return List.of(PactToVerify.of(PactReader.read(response.body(), url), url));
    } catch (PactFormatException e) {
      throw new PactSourceException(e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "URL " + url;
  }
}
