package dev.accord.cli.broker;

import dev.accord.broker.client.Deployment;
import dev.accord.broker.client.Environment;
import dev.accord.broker.client.Release;
import dev.accord.pact.json.Json;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Output formats and the JSON of the client's records. */
final class Outputs {
  enum Text {
    text,
    json
  }

  enum Tabular {
    table,
    json
  }

  private Outputs() {}

  static String json(Deployment d) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("pacticipant", d.pacticipant())
        .put("version", d.version())
        .put("environment", d.environment());
    n.put("applicationInstance", d.applicationInstance());
    n.put("url", d.url());
    return Json.write(n);
  }

  static String json(Release r) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("pacticipant", r.pacticipant())
        .put("version", r.version())
        .put("environment", r.environment())
        .put("url", r.url());
    return Json.write(n);
  }

  static String json(Environment e) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("uuid", e.uuid())
        .put("name", e.name())
        .put("displayName", e.displayName())
        .put("production", e.production());
    n.put("createdAt", e.createdAt());
    return Json.write(n);
  }

  static String jsonArray(List<String> items) {
    return "[" + String.join(",", items) + "]";
  }
}
