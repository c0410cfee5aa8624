package dev.accord.broker.environment;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import dev.accord.pact.json.Json;
import jakarta.validation.Valid;
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

@RestController
class EnvironmentController {
  private final EnvironmentService service;
  private final Links links;

  EnvironmentController(EnvironmentService service, Links links) {
    this.service = service;
    this.links = links;
  }

  @GetMapping("/environments")
  ResponseEntity<Map<String, Object>> list(
      @RequestParam(name = "name", required = false) String name) {
    List<Environment> environments =
        service.all().stream().filter(e -> name == null || e.getName().equals(name)).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("environments", environments.stream().map(this::render).toList()));
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(links.url("/environments"), "Environments"));
    // the pact broker CLI finds an environment by name here (record-undeployment,
    // record-support-ended)
    l.put(
        "pb:environments",
        environments.stream()
            .map(
                e ->
                    Links.named(
                        links.url("/environments/{}", e.getUuid()),
                        e.getDisplayName(),
                        e.getName()))
            .toList());
    body.put("_links", l);
    return Hal.ok(body);
  }

  @PostMapping("/environments")
  ResponseEntity<Map<String, Object>> create(@Valid @RequestBody EnvironmentRequest body) {
    EnvironmentService.Fields fields = body.fields();
    Environment e = Retrying.transaction(() -> service.create(fields));
    return Hal.created(render(e), links.url("/environments/{}", e.getUuid()));
  }

  @GetMapping("/environments/{uuid}")
  ResponseEntity<Map<String, Object>> get(@PathVariable String uuid) {
    return Hal.ok(render(service.require(uuid)));
  }

  @PutMapping("/environments/{uuid}")
  ResponseEntity<Map<String, Object>> put(
      @PathVariable String uuid, @Valid @RequestBody EnvironmentRequest body) {
    EnvironmentService.Fields fields = body.fields();
    return Hal.ok(render(Retrying.transaction(() -> service.update(uuid, fields))));
  }

  @DeleteMapping("/environments/{uuid}")
  ResponseEntity<Void> delete(@PathVariable String uuid) {
    service.delete(uuid);
    return Hal.noContent();
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
    l.put(
        "pb:currently-deployed-deployed-versions",
        link(
            self + "/deployed-versions/currently-deployed",
            "Versions currently deployed to " + e.getDisplayName()));
    l.put(
        "pb:currently-supported-released-versions",
        link(
            self + "/released-versions/currently-supported",
            "Versions released and supported in " + e.getDisplayName()));
    l.put("pb:environments", link(links.url("/environments"), "Environments"));
    m.put("_links", l);
    return m;
  }
}
