package dev.accord.broker.pacticipant;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Fields;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class PacticipantController {
  private final PacticipantService service;
  private final PacticipantViews views;
  private final Links links;

  PacticipantController(PacticipantService service, PacticipantViews views, Links links) {
    this.service = service;
    this.views = views;
    this.links = links;
  }

  @GetMapping("/pacticipants")
  ResponseEntity<Map<String, Object>> list(@RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "pageNumber", defaultValue = "1") int pageNumber,
      @RequestParam(name = "pageSize", defaultValue = "1000") int pageSize) {
    if (pageNumber < 1 || pageSize < 1) {
      throw ApiException.badRequest("pageNumber and pageSize must be 1 or more");
    }
    List<Map<String, Object>> all = service.all().stream()
        .filter(p -> query == null || p.getName().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
        .skip((long) (pageNumber - 1) * pageSize).limit(pageSize)
        .map(views::render).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("pacticipants", all));
    body.put("pacticipants", all);
    body.put("_links", Map.of("self", link(links.url("/pacticipants"), "Pacticipants")));
    return Hal.ok(body);
  }

  @PostMapping("/pacticipants")
  ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
    String name = text(body, "name");
    Hal.requireName("name", name);
    PacticipantService.Result r = Retrying.transaction(() -> service.upsert(name, fields(body), false, true));
    return r.created() ? Hal.created(views.render(r.pacticipant()), views.url(r.pacticipant())) : Hal.ok(views.render(r.pacticipant()));
  }

  @GetMapping("/pacticipants/{name}")
  ResponseEntity<Map<String, Object>> get(@PathVariable String name) {
    return Hal.ok(views.render(service.require(name)));
  }

  @PatchMapping("/pacticipants/{name}")
  ResponseEntity<Map<String, Object>> patch(@PathVariable String name, @RequestBody JsonNode body) {
    PacticipantService.Result r = Retrying.transaction(() -> service.upsert(name, fields(body), false, true));
    return r.created() ? Hal.created(views.render(r.pacticipant()), views.url(r.pacticipant())) : Hal.ok(views.render(r.pacticipant()));
  }

  @PutMapping("/pacticipants/{name}")
  ResponseEntity<Map<String, Object>> put(@PathVariable String name, @RequestBody JsonNode body) {
    return Hal.ok(views.render(service.upsert(name, fields(body), true, false).pacticipant()));
  }

  @DeleteMapping("/pacticipants/{name}")
  ResponseEntity<Void> delete(@PathVariable String name) {
    service.delete(name);
    return Hal.noContent();
  }

  private static PacticipantService.PacticipantFields fields(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object like {\"name\":\"Foo\",\"mainBranch\":\"main\"}");
    }
    return new PacticipantService.PacticipantFields(Fields.text("displayName", text(body, "displayName"), Fields.NAME), text(body, "mainBranch"),
        Fields.text("repositoryUrl", text(body, "repositoryUrl"), Fields.URL));
  }

  static String text(JsonNode body, String field) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isString()) {
      throw ApiException.invalidField(field, "must be a string, got " + n.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return n.asString();
  }
}
