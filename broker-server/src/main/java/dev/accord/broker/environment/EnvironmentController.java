package dev.accord.broker.environment;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.pact.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@RestController
class EnvironmentController {
  private final EnvironmentService service;
  private final Links links;

  EnvironmentController(EnvironmentService service, Links links) {
    this.service = service;
    this.links = links;
  }

  @GetMapping("/environments")
  ResponseEntity<Map<String, Object>> list(@RequestParam(name = "name", required = false) String name) {
    List<Environment> environments = service.all().stream().filter(e -> name == null || e.getName().equals(name)).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("environments", environments.stream().map(this::render).toList()));
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(links.url("/environments"), "Environments"));
    // the pact broker CLI finds an environment by name here (record-undeployment, record-support-ended)
    l.put("pb:environments", environments.stream()
        .map(e -> Links.named(links.url("/environments/{}", e.getUuid()), e.getDisplayName(), e.getName())).toList());
    body.put("_links", l);
    return Hal.ok(body);
  }

  @PostMapping("/environments")
  ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
    Environment e = service.create(fields(body));
    return Hal.created(render(e), links.url("/environments/{}", e.getUuid()));
  }

  @GetMapping("/environments/{uuid}")
  ResponseEntity<Map<String, Object>> get(@PathVariable String uuid) {
    return Hal.ok(render(service.require(uuid)));
  }

  @PutMapping("/environments/{uuid}")
  ResponseEntity<Map<String, Object>> put(@PathVariable String uuid, @RequestBody JsonNode body) {
    return Hal.ok(render(service.update(uuid, fields(body))));
  }

  @DeleteMapping("/environments/{uuid}")
  ResponseEntity<Void> delete(@PathVariable String uuid) {
    service.delete(uuid);
    return Hal.noContent();
  }

  private static EnvironmentService.Fields fields(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object like {\"name\":\"production\",\"production\":true}");
    }
    JsonNode name = body.get("name");
    if (name == null || !name.isString()) {
      throw ApiException.invalidField("name", "is missing; give a name without spaces, e.g. \"production\"");
    }
    String n = Hal.requireName("name", name.asString());
    if (n.contains(" ")) {
      throw ApiException.invalidField("name", "\"" + n + "\" contains a space; use e.g. \"" + n.replace(' ', '-') + "\"");
    }
    JsonNode production = body.get("production");
    if (production != null && !production.isNull() && !production.isBoolean()) {
      throw ApiException.invalidField("production", "must be true or false");
    }
    JsonNode displayName = body.get("displayName");
    if (displayName != null && !displayName.isNull() && !displayName.isString()) {
      throw ApiException.invalidField("displayName", "must be a string");
    }
    ArrayNode contacts = Json.nodes().arrayNode();
    JsonNode c = body.get("contacts");
    if (c != null && !c.isNull()) {
      if (!c.isArray()) {
        throw ApiException.invalidField("contacts", "must be an array of {name, details}");
      }
      for (JsonNode contact : c) {
        if (!contact.path("name").isString()) {
          throw ApiException.invalidField("contacts", "every contact needs a name, e.g. {\"name\":\"Team A\",\"details\":{\"emailAddress\":\"a@example.com\"}}");
        }
        contacts.add(contact);
      }
    }
    return new EnvironmentService.Fields(n, displayName == null || displayName.isNull() ? null : displayName.asString(),
        production != null && production.asBoolean(), contacts.isEmpty() ? null : Json.write(contacts));
  }

  Map<String, Object> render(Environment e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", e.getUuid());
    m.put("name", e.getName());
    m.put("displayName", e.getDisplayName());
    m.put("production", e.isProduction());
    m.put("contacts", e.getContacts() == null ? List.of() : Json.parse(e.getContacts()));
    m.put("createdAt", Hal.timestamp(e.getCreatedAt()));
    m.put("updatedAt", Hal.timestamp(e.getUpdatedAt()));
    String self = links.url("/environments/{}", e.getUuid());
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(self, e.getDisplayName()));
    l.put("pb:currently-deployed-deployed-versions", link(self + "/deployed-versions/currently-deployed", "Versions currently deployed to " + e.getDisplayName()));
    l.put("pb:currently-supported-released-versions", link(self + "/released-versions/currently-supported", "Versions released and supported in " + e.getDisplayName()));
    l.put("pb:environments", link(links.url("/environments"), "Environments"));
    m.put("_links", l);
    return m;
  }
}
