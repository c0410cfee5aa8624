package dev.accord.broker.pacticipant;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
  ResponseEntity<Map<String, Object>> list(
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "pageNumber", defaultValue = "1") int pageNumber,
      @RequestParam(name = "pageSize", defaultValue = "1000") int pageSize) {
    if (pageNumber < 1 || pageSize < 1) {
      throw ApiException.badRequest("pageNumber and pageSize must be 1 or more");
    }
    return Hal.ok(
        collection(
            links.url("/pacticipants"), "Pacticipants", service.page(query, pageNumber, pageSize)));
  }

  /**
   * Pacticipants in the shape the Pact clients read: {@code _links.pacticipants} and the entries
   * with their latest version.
   */
  private Map<String, Object> collection(String self, String title, List<Pacticipant> page) {
    List<Long> ids = page.stream().map(Pacticipant::getId).toList();
    Map<Long, String> latest = service.latestVersionNumbers(ids);
    Map<Long, List<String>> labels = service.labels(ids);
    List<Map<String, Object>> all =
        page.stream()
            .map(
                p ->
                    views.render(
                        p, latest.get(p.getId()), labels.getOrDefault(p.getId(), List.of())))
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("pacticipants", all));
    body.put("pacticipants", all);
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(self, title));
    l.put("pacticipants", page.stream().map(p -> link(views.url(p), p.getName())).toList());
    body.put("_links", l);
    return body;
  }

  private Map<String, Object> render(Pacticipant p) {
    return views.render(
        p,
        service.latestVersionNumbers(List.of(p.getId())).get(p.getId()),
        service.labels(List.of(p.getId())).getOrDefault(p.getId(), List.of()));
  }

  @GetMapping("/pacticipants/label/{label}")
  ResponseEntity<Map<String, Object>> withLabel(@PathVariable String label) {
    return Hal.ok(
        collection(
            links.url("/pacticipants/label/{}", label),
            "Pacticipants labelled " + label,
            service.withLabel(label)));
  }

  @PutMapping("/pacticipants/{name}/labels/{label}")
  ResponseEntity<Map<String, Object>> putLabel(
      @PathVariable String name, @PathVariable String label) {
    boolean created = Retrying.transaction(() -> service.addLabel(name, label));
    Pacticipant p = service.require(name);
    return created
        ? Hal.created(views.label(p, label), views.labelUrl(p, label))
        : Hal.ok(views.label(p, label));
  }

  @GetMapping("/pacticipants/{name}/labels/{label}")
  ResponseEntity<Map<String, Object>> getLabel(
      @PathVariable String name, @PathVariable String label) {
    if (!service.hasLabel(name, label)) {
      throw ApiException.notFound(
          "Pacticipant '" + name + "' has no label '" + label + "'; add it with PUT to this URL");
    }
    return Hal.ok(views.label(service.require(name), label));
  }

  @DeleteMapping("/pacticipants/{name}/labels/{label}")
  ResponseEntity<Void> deleteLabel(@PathVariable String name, @PathVariable String label) {
    if (!service.removeLabel(name, label)) {
      throw ApiException.notFound("Pacticipant '" + name + "' has no label '" + label + "'");
    }
    return Hal.noContent();
  }

  @PostMapping("/pacticipants")
  ResponseEntity<Map<String, Object>> create(
      @Validated({Default.class, PacticipantRequest.Creating.class}) @RequestBody
          PacticipantRequest body) {
    PacticipantService.Result r =
        Retrying.transaction(() -> service.upsert(body.name(), body.fields(), false, true));
    return r.created()
        ? Hal.created(render(r.pacticipant()), views.url(r.pacticipant()))
        : Hal.ok(render(r.pacticipant()));
  }

  @GetMapping("/pacticipants/{name}")
  ResponseEntity<Map<String, Object>> get(@PathVariable String name) {
    return Hal.ok(render(service.require(name)));
  }

  @PatchMapping("/pacticipants/{name}")
  ResponseEntity<Map<String, Object>> patch(
      @PathVariable String name, @Valid @RequestBody PacticipantRequest body) {
    PacticipantService.Result r =
        Retrying.transaction(() -> service.upsert(name, body.fields(), false, true));
    return r.created()
        ? Hal.created(render(r.pacticipant()), views.url(r.pacticipant()))
        : Hal.ok(render(r.pacticipant()));
  }

  @PutMapping("/pacticipants/{name}")
  ResponseEntity<Map<String, Object>> put(
      @PathVariable String name, @Valid @RequestBody PacticipantRequest body) {
    return Hal.ok(render(service.upsert(name, body.fields(), true, false).pacticipant()));
  }

  @DeleteMapping("/pacticipants/{name}")
  ResponseEntity<Void> delete(@PathVariable String name) {
    service.delete(name);
    return Hal.noContent();
  }
}
