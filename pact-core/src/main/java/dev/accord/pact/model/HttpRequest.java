package dev.accord.pact.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request, expected (in a pact) or actual (received by a mock, sent by a verifier).
 *
 * <p>The query keeps decoded values per parameter name in order; header names keep their case and
 * are looked up case-insensitively with {@link #header(String)}.
 */
public record HttpRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    Body body,
    MatchingRules matchingRules,
    Generators generators) {

  public HttpRequest {
    method = method == null ? "GET" : method;
    path = path == null ? "/" : path;
    query = MultiValues.copyOf(query);
    headers = MultiValues.copyOf(headers);
    body = body == null ? Body.missing() : body;
    matchingRules = matchingRules == null ? MatchingRules.empty() : matchingRules;
    generators = generators == null ? Generators.empty() : generators;
  }

  /** A request with no query, headers, body, rules or generators. */
  public static HttpRequest of(String method, String path) {
    return new HttpRequest(
        Objects.requireNonNull(method), Objects.requireNonNull(path), null, null, null, null, null);
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

  public HttpRequest withMethod(String newMethod) {
    return new HttpRequest(newMethod, path, query, headers, body, matchingRules, generators);
  }

  public HttpRequest withPath(String newPath) {
    return new HttpRequest(method, newPath, query, headers, body, matchingRules, generators);
  }

  public HttpRequest withQuery(Map<String, List<String>> newQuery) {
    return new HttpRequest(method, path, newQuery, headers, body, matchingRules, generators);
  }

  public HttpRequest withHeaders(Map<String, List<String>> newHeaders) {
    return new HttpRequest(method, path, query, newHeaders, body, matchingRules, generators);
  }

  public HttpRequest withBody(Body newBody) {
    return new HttpRequest(method, path, query, headers, newBody, matchingRules, generators);
  }

  public HttpRequest withMatchingRules(MatchingRules newRules) {
    return new HttpRequest(method, path, query, headers, body, newRules, generators);
  }

  public HttpRequest withGenerators(Generators newGenerators) {
    return new HttpRequest(method, path, query, headers, body, matchingRules, newGenerators);
  }
}
