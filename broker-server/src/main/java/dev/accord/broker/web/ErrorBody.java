package dev.accord.broker.web;

import dev.accord.pact.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one shape of every refused request, wherever it is refused (a controller, a filter, Tomcat
 * itself): {@code application/hal+json;charset=utf-8} and {@code {"errors": [...]}} or {@code
 * {"errors": {field: [...]}}}, the shape the Pact clients print.
 */
public final class ErrorBody {
  public static final String CONTENT_TYPE = "application/hal+json;charset=utf-8";

  private ErrorBody() {}

  public static Map<String, Object> of(Object errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", errors);
    return body;
  }

  public static String json(String message) {
    return Json.write(Json.toTree(of(List.of(message))));
  }

  /** Writes a refusal from a servlet filter, where no message converter runs. */
  public static void write(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    byte[] bytes = json(message).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /**
   * What a client did wrong, by status, for refusals that carry no message of their own (Tomcat's,
   * the servlet error page's).
   */
  public static String forStatus(int status) {
    return switch (status) {
      case 400 ->
          "The request is malformed: the URL, a header or the body cannot be read (e.g. an invalid percent-encoding such as %zz, "
              + "an encoded NUL %00 or backslash %5C in the path, or an illegal character). Fix the request and send it again.";
      case 401 -> "Authentication required: send basic auth or a bearer token.";
      case 403 -> "Forbidden.";
      case 404 -> "No resource at this URL; start from the index at / to find the links.";
      case 405 -> "This method is not allowed on this resource.";
      case 408 -> "The request took too long to arrive; send it again.";
      case 413 -> "The request is too large for the broker's limits; send a smaller request.";
      case 414 ->
          "The request URL is longer than the broker accepts; use shorter names or fewer query parameters.";
      case 415 -> "The Content-Type of the request is not supported here; send application/json.";
      case 431 ->
          "The request headers are larger than the broker accepts; send fewer or shorter headers.";
      case 503 -> "The broker cannot answer right now; retry shortly.";
      default ->
          status >= 500
              ? "The broker could not complete the request because of an internal error; retry, and report it with the broker log if it "
                  + "persists."
              : "The request was refused (HTTP " + status + ").";
    };
  }
}
