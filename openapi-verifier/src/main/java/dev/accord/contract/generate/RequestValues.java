package dev.accord.contract.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Values given for a request, which win over the document's examples and generated values: path,
 * query and header parameters by name (as text), and the body (JSON). Build one with {@link
 * #none()} and the {@code with...} methods; each returns a new instance.
 *
 * @param path path parameter values by name
 * @param query query parameter values by name (several for a repeated parameter)
 * @param headers header values by name
 * @param body the request body, or null to take the document's example or generate one
 */
public record RequestValues(
    Map<String, String> path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    JsonNode body) {

  public RequestValues {
    path = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(path));
    query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** No values given: everything from the document. */
  public static RequestValues none() {
    return new RequestValues(Map.of(), Map.of(), Map.of(), null);
  }

  public RequestValues withPath(String name, String value) {
    Map<String, String> p = new LinkedHashMap<>(path);
    p.put(name, value);
    return new RequestValues(p, query, headers, body);
  }

  public RequestValues withQuery(String name, String... values) {
    Map<String, List<String>> q = new LinkedHashMap<>(query);
    q.put(name, List.of(values));
    return new RequestValues(path, q, headers, body);
  }

  public RequestValues withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new RequestValues(path, query, h, body);
  }

  public RequestValues withBody(JsonNode value) {
    return new RequestValues(path, query, headers, value);
  }

  /** These values, with {@code other}'s winning where both give one. */
  public RequestValues with(RequestValues other) {
    Map<String, String> p = new LinkedHashMap<>(path);
    p.putAll(other.path);
    Map<String, List<String>> q = new LinkedHashMap<>(query);
    q.putAll(other.query);
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(other.headers);
    return new RequestValues(p, q, h, other.body != null ? other.body : body);
  }
}
