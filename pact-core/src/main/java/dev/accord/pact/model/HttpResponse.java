package dev.accord.pact.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An HTTP response, expected (in a pact) or actual (returned by a provider). */
public record HttpResponse(
    int status,
    Map<String, List<String>> headers,
    Body body,
    MatchingRules matchingRules,
    Generators generators) {

  public HttpResponse {
    headers = MultiValues.copyOf(headers);
    body = body == null ? Body.missing() : body;
    matchingRules = matchingRules == null ? MatchingRules.empty() : matchingRules;
    generators = generators == null ? Generators.empty() : generators;
  }

  public static HttpResponse of(int status) {
    return new HttpResponse(status, null, null, null, null);
  }

  public Optional<List<String>> header(String name) {
    return MultiValues.getIgnoreCase(headers, name);
  }

  /** The content type from the {@code Content-Type} header, else the body's own. */
  public Optional<ContentType> contentType() {
    return header("Content-Type")
        .filter(v -> !v.isEmpty())
        .map(v -> ContentType.parse(String.join(",", v)))
        .or(body::contentType);
  }

  public HttpResponse withStatus(int newStatus) {
    return new HttpResponse(newStatus, headers, body, matchingRules, generators);
  }

  public HttpResponse withHeaders(Map<String, List<String>> newHeaders) {
    return new HttpResponse(status, newHeaders, body, matchingRules, generators);
  }

  public HttpResponse withBody(Body newBody) {
    return new HttpResponse(status, headers, newBody, matchingRules, generators);
  }

  public HttpResponse withMatchingRules(MatchingRules newRules) {
    return new HttpResponse(status, headers, body, newRules, generators);
  }

  public HttpResponse withGenerators(Generators newGenerators) {
    return new HttpResponse(status, headers, body, matchingRules, newGenerators);
  }
}
