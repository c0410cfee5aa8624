package dev.accord.contract.validate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response as the provider sent it: the status, the headers (names case-insensitive) and the body
 * bytes.
 *
 * @param status the status code
 * @param headers the headers, every value of each
 * @param body the body bytes (empty for none)
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public ApiResponse {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(copy);
    body = body == null ? new byte[0] : body.clone();
  }

  /** The JDK client's response. */
  public static ApiResponse of(HttpResponse<byte[]> response) {
    return new ApiResponse(response.statusCode(), response.headers().map(), response.body());
  }

  /** A response with a text body, for tests and examples. */
  public static ApiResponse of(int status, Map<String, String> headers, String body) {
    Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> all.put(k, List.of(v)));
    return new ApiResponse(
        status, all, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  /** The first value of a header, by name in any case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiResponse r
        && r.status == status
        && r.headers.equals(headers)
        && java.util.Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * status + headers.hashCode()) + java.util.Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "ApiResponse[status=" + status + ", headers=" + headers + ", body=" + bodyText() + "]";
  }
}
