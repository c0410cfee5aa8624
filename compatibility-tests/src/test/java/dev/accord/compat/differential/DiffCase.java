package dev.accord.compat.differential;

import dev.accord.pact.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One differential case: what the pact expects (one interaction, in the V3 or V4 file format) and
 * what actually happened (a request a consumer sent, a response or a message a provider produced).
 *
 * @param id unique in a run; the interaction's description and the canned provider's route
 * @param signature what the case exercises, e.g. {@code RESPONSE V4 body:json $.k integer
 *     actual=1.5}; the known-disagreement list matches on it
 */
record DiffCase(
    String id, Direction direction, int spec, String signature, Expected expected, Actual actual) {

  enum Direction {
    REQUEST,
    RESPONSE,
    MESSAGE
  }

  /**
   * A body of the pact: JSON (kept as a tree), text, or bytes ({@code base64}: {@code text} holds
   * them in base64, V4 only); a null content type means the pact declares none.
   */
  record BodySpec(String contentType, JsonNode json, String text, boolean base64) {
    BodySpec(String contentType, JsonNode json, String text) {
      this(contentType, json, text, false);
    }
  }

  /**
   * The pact's side: for a REQUEST case the request; for RESPONSE the response (status, headers,
   * body); for MESSAGE the contents and metadata. {@code rules} holds the matching rules by
   * category in the V3/V4 shape.
   */
  record Expected(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, String> headers,
      int status,
      BodySpec body,
      ObjectNode rules,
      Map<String, JsonNode> metadata) {}

  /**
   * What happened: the request sent, or the response / message the canned provider answers with.
   */
  record Actual(
      String method,
      String path,
      List<Map.Entry<String, String>> query,
      Map<String, String> headers,
      int status,
      byte[] body,
      Map<String, JsonNode> metadata) {

    String rawPathAndQuery() {
      StringBuilder sb =
          new StringBuilder(
              String.join(
                  "/", java.util.Arrays.stream(path.split("/", -1)).map(Actual::encode).toList()));
      char sep = '?';
      for (Map.Entry<String, String> q : query) {
        sb.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
        sep = '&';
      }
      return sb.toString();
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String contentType() {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }
  }

  /** The interaction as it stands in a pact file of this case's specification version. */
  ObjectNode interaction() {
    ObjectNode i = Json.nodes().objectNode();
    if (direction == Direction.MESSAGE) {
      if (spec == 4) {
        i.put("type", "Asynchronous/Messages");
      }
      i.put("description", id);
      if (!expected.metadata.isEmpty()) {
        ObjectNode md = i.putObject("metadata");
        expected.metadata.forEach(md::set);
      }
      writeBody(i, "contents", expected.body);
      if (!expected.rules.isEmpty()) {
        i.set("matchingRules", expected.rules);
      }
      return i;
    }
    if (spec == 4) {
      i.put("type", "Synchronous/HTTP");
    }
    i.put("description", id);
    ObjectNode request = i.putObject("request");
    ObjectNode response = i.putObject("response");
    if (direction == Direction.REQUEST) {
      request.put("method", expected.method);
      request.put("path", expected.path);
      if (!expected.query.isEmpty()) {
        ObjectNode q = request.putObject("query");
        expected.query.forEach((k, v) -> v.forEach(q.withArray(k)::add));
      }
      writeHeaders(request, expected.headers);
      writeBody(request, "body", expected.body);
      if (!expected.rules.isEmpty()) {
        request.set("matchingRules", expected.rules);
      }
      response.put("status", 200);
      response.putObject("headers").put("X-Case", id);
    } else {
      request.put("method", "GET");
      request.put("path", "/case/" + id);
      response.put("status", expected.status);
      writeHeaders(response, expected.headers);
      writeBody(response, "body", expected.body);
      if (!expected.rules.isEmpty()) {
        response.set("matchingRules", expected.rules);
      }
    }
    return i;
  }

  private void writeHeaders(ObjectNode part, Map<String, String> headers) {
    if (headers.isEmpty()) {
      return;
    }
    ObjectNode h = part.putObject("headers");
    if (spec == 4) {
      headers.forEach((k, v) -> h.putArray(k).add(v));
    } else {
      headers.forEach(h::put);
    }
  }

  private void writeBody(ObjectNode part, String key, BodySpec body) {
    if (body == null) {
      return;
    }
    if (spec == 4) {
      ObjectNode b = part.putObject(key);
      if (body.json != null) {
        b.set("content", body.json);
      } else {
        b.put("content", body.text);
      }
      if (body.contentType != null) {
        b.put("contentType", body.contentType);
      }
      if (body.base64) {
        b.put("encoded", "base64");
      } else {
        b.put("encoded", false);
      }
    } else if (body.json != null) {
      part.set(key, body.json);
    } else {
      part.put(key, body.text);
    }
    if (spec == 3 && direction == Direction.MESSAGE && body.contentType != null) {
      ObjectNode md =
          part.has("metadata") ? (ObjectNode) part.get("metadata") : part.putObject("metadata");
      md.put("contentType", body.contentType);
    }
  }

  /** A pact file holding these cases' interactions (all of one specification version and kind). */
  static String pactFile(int spec, boolean v3Messages, List<DiffCase> cases) {
    ObjectNode root = Json.nodes().objectNode();
    root.putObject("consumer").put("name", "differential-consumer");
    root.putObject("provider").put("name", "differential-provider");
    ArrayNode list = root.putArray(v3Messages ? "messages" : "interactions");
    cases.forEach(c -> list.add(c.interaction()));
    root.putObject("metadata")
        .putObject("pactSpecification")
        .put("version", spec == 4 ? "4.0" : "3.0.0");
    return Json.write(root);
  }

  /** Everything needed to reproduce the case by hand: the pact and what actually happened. */
  String reproducer() {
    ObjectNode r = Json.nodes().objectNode();
    r.put("signature", signature);
    r.set(
        "pact",
        Json.parse(pactFile(spec, spec == 3 && direction == Direction.MESSAGE, List.of(this))));
    ObjectNode a = r.putObject("actual");
    if (direction == Direction.REQUEST) {
      a.put("method", actual.method);
      a.put("pathAndQuery", actual.rawPathAndQuery());
    } else if (direction == Direction.RESPONSE) {
      a.put("status", actual.status);
    }
    ObjectNode h = a.putObject("headers");
    actual.headers.forEach(h::put);
    if (actual.body != null) {
      try {
        a.put(
            "body",
            StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(actual.body))
                .toString());
      } catch (java.nio.charset.CharacterCodingException binary) {
        a.put("bodyBase64", java.util.Base64.getEncoder().encodeToString(actual.body));
      }
    }
    if (!actual.metadata.isEmpty()) {
      ObjectNode md = a.putObject("metadata");
      actual.metadata.forEach(md::set);
    }
    return Json.write(r);
  }

  static Map<String, String> headers(String... nameValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      m.put(nameValues[i], nameValues[i + 1]);
    }
    return m;
  }

  static List<Map.Entry<String, String>> pairs(Map<String, List<String>> query) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    query.forEach((k, vs) -> vs.forEach(v -> out.add(Map.entry(k, v))));
    return out;
  }
}
