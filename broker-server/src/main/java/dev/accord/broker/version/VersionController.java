package dev.accord.broker.version;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Versions, branches and tags of a pacticipant. */
@RestController
class VersionController {
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final VersionViews views;
  private final Links links;
  private final VersionWrites writes;

  VersionController(
      PacticipantService pacticipants,
      VersionService versions,
      VersionViews views,
      Links links,
      VersionWrites writes) {
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.views = views;
    this.links = links;
    this.writes = writes;
  }

  @GetMapping("/pacticipants/{name}/versions")
  ResponseEntity<Map<String, Object>> list(
      @PathVariable String name,
      @RequestParam(name = "pageNumber", defaultValue = "1") int pageNumber,
      @RequestParam(name = "pageSize", defaultValue = "100") int pageSize) {
    if (pageNumber < 1 || pageSize < 1 || pageSize > 1000) {
      throw ApiException.badRequest("pageNumber must be 1 or more and pageSize between 1 and 1000");
    }
    Pacticipant p = pacticipants.require(name);
    List<Map<String, Object>> items =
        versions.recent(p, pageNumber - 1, pageSize).stream().map(v -> views.render(p, v)).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("versions", items));
    body.put(
        "page",
        Hal.ordered("number", pageNumber, "size", pageSize, "totalElements", versions.count(p)));
    body.put(
        "_links",
        Map.of("self", link(links.url("/pacticipants/{}/versions", name), "Versions of " + name)));
    return Hal.ok(body);
  }

  @GetMapping("/pacticipants/{name}/versions/{number}")
  ResponseEntity<Map<String, Object>> get(@PathVariable String name, @PathVariable String number) {
    Pacticipant p = pacticipants.require(name);
    return Hal.ok(views.render(p, versions.require(p, number)));
  }

  @PutMapping("/pacticipants/{name}/versions/{number}")
  ResponseEntity<Map<String, Object>> put(
      @PathVariable String name,
      @PathVariable String number,
      @Valid @RequestBody(required = false) VersionRequest body) {
    return writeVersion(name, number, body);
  }

  @PatchMapping("/pacticipants/{name}/versions/{number}")
  ResponseEntity<Map<String, Object>> patch(
      @PathVariable String name,
      @PathVariable String number,
      @Valid @RequestBody(required = false) VersionRequest body) {
    return writeVersion(name, number, body);
  }

  private ResponseEntity<Map<String, Object>> writeVersion(
      String name, String number, VersionRequest body) {
    VersionRequest request = body == null ? VersionRequest.NONE : body;
    VersionWrites.Written w =
        Retrying.transaction(
            () ->
                writes.version(
                    name, number, request.buildUrl(), request.branch(), request.tagNames()));
    Map<String, Object> json = views.render(w.pacticipant(), w.version());
    return w.created() ? Hal.created(json, views.url(w.pacticipant(), w.version())) : Hal.ok(json);
  }

  @DeleteMapping("/pacticipants/{name}/versions/{number}")
  ResponseEntity<Void> delete(@PathVariable String name, @PathVariable String number) {
    Pacticipant p = pacticipants.require(name);
    versions.deleteVersion(versions.require(p, number));
    return Hal.noContent();
  }

  @GetMapping("/pacticipants/{name}/latest-version")
  ResponseEntity<Map<String, Object>> latest(@PathVariable String name) {
    Pacticipant p = pacticipants.require(name);
    Version v =
        versions
            .latest(p)
            .orElseThrow(
                () -> ApiException.notFound("Pacticipant '" + name + "' has no versions yet"));
    return Hal.ok(views.render(p, v));
  }

  @GetMapping("/pacticipants/{name}/latest-version/{tag}")
  ResponseEntity<Map<String, Object>> latestTagged(
      @PathVariable String name, @PathVariable String tag) {
    Pacticipant p = pacticipants.require(name);
    Version v =
        versions
            .latestWithTag(p, tag)
            .orElseThrow(
                () -> ApiException.notFound("No version of '" + name + "' has tag '" + tag + "'"));
    return Hal.ok(views.render(p, v));
  }

  // tags

  @GetMapping("/pacticipants/{name}/versions/{number}/tags/{tag}")
  ResponseEntity<Map<String, Object>> getTag(
      @PathVariable String name, @PathVariable String number, @PathVariable String tag) {
    Pacticipant p = pacticipants.require(name);
    Version v = versions.require(p, number);
    versions
        .tag(v, tag)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "Version '" + number + "' of '" + name + "' has no tag '" + tag + "'"));
    return Hal.ok(views.tag(p, v, tag));
  }

  @PutMapping("/pacticipants/{name}/versions/{number}/tags/{tag}")
  ResponseEntity<Map<String, Object>> putTag(
      @PathVariable String name, @PathVariable String number, @PathVariable String tag) {
    VersionWrites.Written w = Retrying.transaction(() -> writes.tag(name, number, tag));
    Map<String, Object> json = views.tag(w.pacticipant(), w.version(), tag);
    return w.created()
        ? Hal.created(json, links.url("/pacticipants/{}/versions/{}/tags/{}", name, number, tag))
        : Hal.ok(json);
  }

  @DeleteMapping("/pacticipants/{name}/versions/{number}/tags/{tag}")
  ResponseEntity<Void> deleteTag(
      @PathVariable String name, @PathVariable String number, @PathVariable String tag) {
    Pacticipant p = pacticipants.require(name);
    if (!versions.deleteTag(versions.require(p, number), tag)) {
      throw ApiException.notFound(
          "Version '" + number + "' of '" + name + "' has no tag '" + tag + "'");
    }
    return Hal.noContent();
  }

  // branches

  @GetMapping("/pacticipants/{name}/branches")
  ResponseEntity<Map<String, Object>> branches(@PathVariable String name) {
    Pacticipant p = pacticipants.require(name);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "_embedded",
        Map.of("branches", versions.branches(p).stream().map(b -> views.branch(p, b)).toList()));
    body.put("_links", Map.of("self", link(links.url("/pacticipants/{}/branches", name))));
    return Hal.ok(body);
  }

  @GetMapping("/pacticipants/{name}/branches/{branch}")
  ResponseEntity<Map<String, Object>> branch(
      @PathVariable String name, @PathVariable String branch) {
    Pacticipant p = pacticipants.require(name);
    return Hal.ok(views.branch(p, requireBranch(p, branch)));
  }

  @DeleteMapping("/pacticipants/{name}/branches/{branch}")
  ResponseEntity<Void> deleteBranch(@PathVariable String name, @PathVariable String branch) {
    Pacticipant p = pacticipants.require(name);
    versions.deleteBranch(requireBranch(p, branch));
    return Hal.noContent();
  }

  @GetMapping("/pacticipants/{name}/branches/{branch}/versions")
  ResponseEntity<Map<String, Object>> branchVersions(
      @PathVariable String name, @PathVariable String branch) {
    Pacticipant p = pacticipants.require(name);
    Branch b = requireBranch(p, branch);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "_embedded",
        Map.of(
            "versions", versions.branchVersions(b).stream().map(v -> views.render(p, v)).toList()));
    body.put(
        "_links",
        Map.of("self", link(links.url("/pacticipants/{}/branches/{}/versions", name, branch))));
    return Hal.ok(body);
  }

  @GetMapping("/pacticipants/{name}/branches/{branch}/latest-version")
  ResponseEntity<Map<String, Object>> branchHead(
      @PathVariable String name, @PathVariable String branch) {
    Pacticipant p = pacticipants.require(name);
    Version v =
        versions
            .branchHead(p, branch)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "Branch '" + branch + "' of '" + name + "' has no versions"));
    return Hal.ok(views.render(p, v));
  }

  @GetMapping("/pacticipants/{name}/branches/{branch}/versions/{number}")
  ResponseEntity<Map<String, Object>> branchVersion(
      @PathVariable String name, @PathVariable String branch, @PathVariable String number) {
    Pacticipant p = pacticipants.require(name);
    Branch b = requireBranch(p, branch);
    Version v = versions.require(p, number);
    versions
        .branchVersion(b, v)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "Version '" + number + "' is not on branch '" + branch + "'"));
    return Hal.ok(views.render(p, v));
  }

  @PutMapping("/pacticipants/{name}/branches/{branch}/versions/{number}")
  ResponseEntity<Map<String, Object>> putBranchVersion(
      @PathVariable String name, @PathVariable String branch, @PathVariable String number) {
    VersionWrites.Written w =
        Retrying.transaction(() -> writes.branchVersion(name, branch, number));
    Map<String, Object> json = views.render(w.pacticipant(), w.version());
    return w.created()
        ? Hal.created(
            json, links.url("/pacticipants/{}/branches/{}/versions/{}", name, branch, number))
        : Hal.ok(json);
  }

  @DeleteMapping("/pacticipants/{name}/branches/{branch}/versions/{number}")
  ResponseEntity<Void> deleteBranchVersion(
      @PathVariable String name, @PathVariable String branch, @PathVariable String number) {
    Pacticipant p = pacticipants.require(name);
    versions.removeFromBranch(requireBranch(p, branch), versions.require(p, number));
    return Hal.noContent();
  }

  private Branch requireBranch(Pacticipant p, String branch) {
    return versions
        .branch(p, branch)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "Branch '" + branch + "' of pacticipant '" + p.getName() + "' not found"));
  }
}
