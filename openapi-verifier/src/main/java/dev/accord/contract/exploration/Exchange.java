package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One call of a sequence as run: the request with the values it used, and the response (null when
 * the call failed).
 *
 * @param resourcePath the concrete path relative to the base path ({@code /books/1}), the
 *     resource's identity
 */
record Exchange(
    ApiOperation operation,
    ExploredRequest request,
    String resourcePath,
    Map<String, JsonNode> pathValues,
    Map<String, JsonNode> queryValues,
    JsonNode requestBody,
    ExploredResponse response,
    JsonNode responseBody,
    String error) {

  boolean answered() {
    return response != null;
  }

  boolean succeeded() {
    return response != null && response.status() >= 200 && response.status() < 300;
  }
}
