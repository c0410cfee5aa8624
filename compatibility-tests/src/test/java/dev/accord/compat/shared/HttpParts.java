package dev.accord.compat.shared;

import dev.accord.pact.model.Body;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.PactSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds requests and responses from a row of the suite's tables. Request columns: {@code method},
 * {@code path}, {@code query}, {@code headers}, {@code raw headers}, {@code content type}, {@code
 * body}, {@code matching rules}, {@code generators}. Response columns: {@code status} (or {@code
 * response}), {@code headers} (or {@code response headers}), {@code content type} (or {@code
 * response content}), {@code body} (or {@code response body}), {@code matching rules} (or {@code
 * response matching rules}), {@code generators}. Empty cells are ignored; a body sets the {@code
 * Content-Type} header unless one is given.
 */
public final class HttpParts {
  private HttpParts() {}

  public static HttpRequest request(Map<String, String> row, PactSpecification spec) {
    HttpRequest request = HttpRequest.of(or(row.get("method"), "GET"), or(row.get("path"), "/"));
    if (present(row.get("query"))) {
      request = request.withQuery(Cells.query(row.get("query")));
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (present(row.get("headers"))) {
      headers.putAll(Cells.headers(row.get("headers")));
    }
    if (present(row.get("raw headers"))) {
      headers.putAll(Cells.headers(row.get("raw headers")));
    }
    String contentType = row.get("content type");
    if (present(row.get("body"))) {
      BodyCell body =
          BodyCell.parse(
              row.get("body"), present(contentType) ? contentType : headerContentType(headers));
      request = request.withBody(body.body());
      putContentType(headers, body);
    } else if (present(contentType)) {
      putContentType(headers, new BodyCell(Body.missing(), contentType));
    }
    request = request.withHeaders(headers);
    if (present(row.get("matching rules"))) {
      request =
          request.withMatchingRules(PactFragments.matchingRules(row.get("matching rules"), spec));
    }
    if (present(row.get("generators"))) {
      request = request.withGenerators(PactFragments.generators(row.get("generators")));
    }
    return request;
  }

  public static HttpResponse response(Map<String, String> row, PactSpecification spec) {
    String status = first(row, "status", "response");
    HttpResponse response =
        HttpResponse.of(present(status) ? Integer.parseInt(status.trim()) : 200);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String headerCell = first(row, "headers", "response headers");
    if (present(headerCell)) {
      headers.putAll(Cells.headers(headerCell));
    }
    String contentType = first(row, "content type", "response content");
    String bodyCell = first(row, "body", "response body");
    if (present(bodyCell)) {
      BodyCell body =
          BodyCell.parse(bodyCell, present(contentType) ? contentType : headerContentType(headers));
      response = response.withBody(body.body());
      putContentType(headers, body);
    } else if (present(contentType)) {
      putContentType(headers, new BodyCell(Body.missing(), contentType));
    }
    response = response.withHeaders(headers);
    String rules = first(row, "matching rules", "response matching rules");
    if (present(rules)) {
      response = response.withMatchingRules(PactFragments.matchingRules(rules, spec));
    }
    if (present(row.get("generators"))) {
      response = response.withGenerators(PactFragments.generators(row.get("generators")));
    }
    return response;
  }

  private static void putContentType(Map<String, List<String>> headers, BodyCell body) {
    if (body.contentType() == null) {
      return;
    }
    for (String name : headers.keySet()) {
      if (name.equalsIgnoreCase("content-type")) {
        return;
      }
    }
    headers.put("Content-Type", List.of(body.contentType()));
  }

  private static String headerContentType(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("content-type") && !e.getValue().isEmpty()) {
        return String.join(", ", e.getValue());
      }
    }
    return null;
  }

  private static String first(Map<String, String> row, String... columns) {
    for (String c : columns) {
      if (present(row.get(c))) {
        return row.get(c);
      }
    }
    return null;
  }

  private static boolean present(String cell) {
    return cell != null && !cell.isBlank();
  }

  private static String or(String cell, String fallback) {
    return present(cell) ? cell.trim() : fallback;
  }
}
