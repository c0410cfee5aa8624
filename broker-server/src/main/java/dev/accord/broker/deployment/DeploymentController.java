package dev.accord.broker.deployment;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.environment.Environment;
import dev.accord.broker.environment.EnvironmentService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.pacticipant.PacticipantViews;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.version.VersionViews;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeploymentController {
  private final DeploymentService service;
  private final PacticipantService pacticipants;
  private final PacticipantViews pacticipantViews;
  private final VersionService versions;
  private final VersionViews versionViews;
  private final EnvironmentService environments;
  private final Links links;

  DeploymentController(
      DeploymentService service,
      PacticipantService pacticipants,
      PacticipantViews pacticipantViews,
      VersionService versions,
      VersionViews versionViews,
      EnvironmentService environments,
      Links links) {
    this.service = service;
    this.pacticipants = pacticipants;
    this.pacticipantViews = pacticipantViews;
    this.versions = versions;
    this.versionViews = versionViews;
    this.environments = environments;
    this.links = links;
  }

  @PostMapping("/pacticipants/{name}/versions/{number}/deployed-versions/environment/{uuid}")
  ResponseEntity<Map<String, Object>> deploy(
      @PathVariable String name,
      @PathVariable String number,
      @PathVariable String uuid,
      @Valid @RequestBody(required = false) DeploymentRequests.Deploy body) {
    String applicationInstance = (body == null ? DeploymentRequests.Deploy.NONE : body).instance();
    DeploymentService.Recorded<DeployedVersion> r =
        Retrying.transaction(() -> service.deploy(name, number, uuid, applicationInstance));
    Map<String, Object> json = render(r.record());
    return r.created()
        ? Hal.created(json, links.url("/deployed-versions/{}", r.record().getUuid()))
        : Hal.ok(json);
  }

  @GetMapping("/pacticipants/{name}/versions/{number}/deployed-versions/environment/{uuid}")
  ResponseEntity<Map<String, Object>> deployedOfVersion(
      @PathVariable String name, @PathVariable String number, @PathVariable String uuid) {
    Pacticipant p = pacticipants.require(name);
    Version v = versions.require(p, number);
    Environment e = environments.require(uuid);
    List<Map<String, Object>> items =
        service.currentlyDeployed(e, p).stream()
            .filter(d -> d.getVersionId().equals(v.getId()))
            .map(this::render)
            .toList();
    return Hal.ok(Map.of("_embedded", Map.of("deployedVersions", items)));
  }

  @PostMapping("/pacticipants/{name}/versions/{number}/released-versions/environment/{uuid}")
  ResponseEntity<Map<String, Object>> release(
      @PathVariable String name, @PathVariable String number, @PathVariable String uuid) {
    DeploymentService.Recorded<ReleasedVersion> r =
        Retrying.transaction(() -> service.release(name, number, uuid));
    Map<String, Object> json = render(r.record());
    return r.created()
        ? Hal.created(json, links.url("/released-versions/{}", r.record().getUuid()))
        : Hal.ok(json);
  }

  @GetMapping("/pacticipants/{name}/versions/{number}/released-versions/environment/{uuid}")
  ResponseEntity<Map<String, Object>> releasedOfVersion(
      @PathVariable String name, @PathVariable String number, @PathVariable String uuid) {
    Pacticipant p = pacticipants.require(name);
    Version v = versions.require(p, number);
    Environment e = environments.require(uuid);
    List<Map<String, Object>> items =
        service.currentlySupported(e, p).stream()
            .filter(d -> d.getVersionId().equals(v.getId()))
            .map(this::render)
            .toList();
    return Hal.ok(Map.of("_embedded", Map.of("releasedVersions", items)));
  }

  @GetMapping("/environments/{uuid}/deployed-versions/currently-deployed")
  ResponseEntity<Map<String, Object>> currentlyDeployed(
      @PathVariable String uuid,
      @RequestParam(name = "pacticipant", required = false) String pacticipant,
      @RequestParam(name = "applicationInstance", required = false) String instance) {
    Environment e = environments.require(uuid);
    Pacticipant p = pacticipant == null ? null : pacticipants.find(pacticipant).orElse(null);
    List<DeployedVersion> list =
        pacticipant != null && p == null ? List.of() : service.currentlyDeployed(e, p);
    List<Map<String, Object>> items =
        list.stream()
            .filter(d -> instance == null || Objects.equals(instance, d.getApplicationInstance()))
            .map(this::render)
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("deployedVersions", items));
    body.put(
        "_links",
        Map.of(
            "self",
            link(
                links.url("/environments/{}/deployed-versions/currently-deployed", uuid),
                "Versions currently deployed to " + e.getDisplayName())));
    return Hal.ok(body);
  }

  @GetMapping("/environments/{uuid}/released-versions/currently-supported")
  ResponseEntity<Map<String, Object>> currentlySupported(
      @PathVariable String uuid,
      @RequestParam(name = "pacticipant", required = false) String pacticipant) {
    Environment e = environments.require(uuid);
    Pacticipant p = pacticipant == null ? null : pacticipants.find(pacticipant).orElse(null);
    List<ReleasedVersion> list =
        pacticipant != null && p == null ? List.of() : service.currentlySupported(e, p);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("releasedVersions", list.stream().map(this::render).toList()));
    body.put(
        "_links",
        Map.of(
            "self",
            link(
                links.url("/environments/{}/released-versions/currently-supported", uuid),
                "Versions released and supported in " + e.getDisplayName())));
    return Hal.ok(body);
  }

  @GetMapping("/deployed-versions/{uuid}")
  ResponseEntity<Map<String, Object>> deployed(@PathVariable String uuid) {
    return Hal.ok(render(service.requireDeployed(uuid)));
  }

  @PatchMapping("/deployed-versions/{uuid}")
  ResponseEntity<Map<String, Object>> patchDeployed(
      @PathVariable String uuid, @Valid @RequestBody DeploymentRequests.Undeploy body) {
    if (body.currentlyDeployed()) {
      DeployedVersion d = service.requireDeployed(uuid);
      if (!d.isCurrentlyDeployed()) {
        throw ApiException.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "A deployment cannot be marked as currently deployed again once undeployed; record a new deployment instead");
      }
      return Hal.ok(render(d));
    }
    return Hal.ok(render(service.undeploy(uuid)));
  }

  @GetMapping("/released-versions/{uuid}")
  ResponseEntity<Map<String, Object>> released(@PathVariable String uuid) {
    return Hal.ok(render(service.requireReleased(uuid)));
  }

  @PatchMapping("/released-versions/{uuid}")
  ResponseEntity<Map<String, Object>> patchReleased(
      @PathVariable String uuid, @Valid @RequestBody DeploymentRequests.EndSupport body) {
    if (body.currentlySupported()) {
      ReleasedVersion r = service.requireReleased(uuid);
      if (!r.isCurrentlySupported()) {
        throw ApiException.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Support cannot be resumed here; record the release again instead");
      }
      return Hal.ok(render(r));
    }
    return Hal.ok(render(service.endSupport(uuid)));
  }

  private Map<String, Object> render(DeployedVersion d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", d.getUuid());
    m.put("currentlyDeployed", d.isCurrentlyDeployed());
    m.put("applicationInstance", d.getApplicationInstance());
    m.put("target", d.getApplicationInstance());
    m.put("createdAt", Hal.timestamp(d.getCreatedAt()));
    m.put("undeployedAt", Hal.timestamp(d.getUndeployedAt()));
    m.put("_embedded", embedded(d.getPacticipantId(), d.getVersionId(), d.getEnvironmentId()));
    m.put(
        "_links",
        Map.of("self", link(links.url("/deployed-versions/{}", d.getUuid()), "Deployed version")));
    return m;
  }

  private Map<String, Object> render(ReleasedVersion r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", r.getUuid());
    m.put("currentlySupported", r.isCurrentlySupported());
    m.put("createdAt", Hal.timestamp(r.getCreatedAt()));
    m.put("supportEndedAt", Hal.timestamp(r.getSupportEndedAt()));
    m.put("_embedded", embedded(r.getPacticipantId(), r.getVersionId(), r.getEnvironmentId()));
    m.put(
        "_links",
        Map.of("self", link(links.url("/released-versions/{}", r.getUuid()), "Released version")));
    return m;
  }

  private Map<String, Object> embedded(Long pacticipantId, Long versionId, Long environmentId) {
    Pacticipant p = pacticipants.byId(pacticipantId);
    Version v = versions.byId(versionId);
    Environment e =
        environments.all().stream()
            .filter(x -> x.getId().equals(environmentId))
            .findFirst()
            .orElseThrow();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pacticipant", pacticipantViews.summary(p));
    m.put("version", versionViews.summary(v));
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("uuid", e.getUuid());
    env.put("name", e.getName());
    env.put("displayName", e.getDisplayName());
    env.put("production", e.isProduction());
    env.put("_links", Map.of("self", link(links.url("/environments/{}", e.getUuid()))));
    m.put("environment", env);
    return m;
  }
}
