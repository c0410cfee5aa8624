package dev.accord.broker.verification;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pact.PactContent;
import dev.accord.broker.pact.PublicationService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import dev.accord.pact.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class VerificationController {
  private static final String BASE = "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}";

  private final VerificationService service;
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final PublicationService publications;
  private final Links links;

  VerificationController(VerificationService service, PacticipantService pacticipants, VersionService versions, PublicationService publications, Links links) {
    this.service = service;
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.publications = publications;
    this.links = links;
  }

  @PostMapping({BASE + "/verification-results", BASE + "/metadata/{metadata}/verification-results"})
  ResponseEntity<Map<String, Object>> publish(@PathVariable String provider, @PathVariable String consumer, @PathVariable String sha,
      @PathVariable(required = false) String metadata, @RequestBody JsonNode body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    boolean wip = metadata != null && decodedMetadata(metadata).contains("w=true");
    VerificationService.Recorded r = Retrying.transaction(() -> service.record(provider, consumer, sha, body, wip, idempotencyKey));
    Map<String, Object> json = render(r.verification(), r.provider(), r.consumer(), r.providerVersion(), r.content());
    List<Map<String, String>> notices = new ArrayList<>();
    versions.branchLikeNumber(r.providerVersion(), "Provider", "pact verifier --provider-version $GIT_SHA --provider-branch {branch}")
        .ifPresent(text -> notices.add(Map.of("type", "warning", "text", text)));
    json.put("notices", notices);
    String location = url(r.provider(), r.consumer(), r.content().getSha(), r.verification().getId());
    if (r.replayed()) {
      // a retry of a POST whose answer was lost: the result it created the first time, not a second one
      return ResponseEntity.ok().contentType(Hal.HAL_JSON).header("Location", location).header("Idempotent-Replayed", "true").body(json);
    }
    return Hal.created(json, location);
  }

  @GetMapping({BASE + "/verification-results/{number}", BASE + "/metadata/{metadata}/verification-results/{number}"})
  ResponseEntity<Map<String, Object>> get(@PathVariable String provider, @PathVariable String consumer, @PathVariable String sha,
      @PathVariable String number) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    PactContent content = publications.contentBySha(c, p, sha).orElseThrow(() -> ApiException.notFound("No pact content " + sha));
    Verification v;
    if ("latest".equals(number)) {
      v = service.latestFor(content).orElseThrow(() -> ApiException.notFound("Pact content " + sha + " has no verification results yet"));
    } else {
      v = parse(number).flatMap(service::byId).filter(x -> x.getPactContentId().equals(content.getId()))
          .orElseThrow(() -> ApiException.notFound("No verification result " + number + " for pact content " + sha));
    }
    return Hal.ok(render(v, p, c, versions.byId(v.getProviderVersionId()), content));
  }

  @DeleteMapping(BASE + "/verification-results/{number}")
  ResponseEntity<Void> delete(@PathVariable String provider, @PathVariable String consumer, @PathVariable String sha, @PathVariable String number) {
    Verification v = parse(number).flatMap(service::byId).orElseThrow(() -> ApiException.notFound("No verification result " + number));
    service.delete(v);
    return Hal.noContent();
  }

  private static java.util.Optional<Long> parse(String number) {
    try {
      return java.util.Optional.of(Long.parseLong(number));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  private String url(Pacticipant p, Pacticipant c, String sha, Long id) {
    return links.url("/pacts/provider/{}/consumer/{}/pact-version/{}/verification-results/{}", p.getName(), c.getName(), sha, id);
  }

  Map<String, Object> render(Verification v, Pacticipant p, Pacticipant c, Version pv, PactContent content) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("providerName", p.getName());
    m.put("providerApplicationVersion", pv.getNumber());
    m.put("success", v.isSuccess());
    m.put("verificationDate", Hal.timestamp(v.getCreatedAt()));
    m.put("buildUrl", v.getBuildUrl());
    m.put("testResults", v.getTestResults() == null ? null : Json.parse(v.getTestResults()));
    Map<String, Object> by = new LinkedHashMap<>();
    by.put("implementation", v.getVerifiedByImplementation());
    by.put("version", v.getVerifiedByVersion());
    m.put("verifiedBy", by);
    m.put("_links", Map.of(
        "self", link(url(p, c, content.getSha(), v.getId()), "Verification result"),
        "pb:pact-version", link(links.url("/pacts/provider/{}/consumer/{}/pact-version/{}", p.getName(), c.getName(), content.getSha()), "Pact"),
        "pb:provider-version", link(links.url("/pacticipants/{}/versions/{}", p.getName(), pv.getNumber()), "Provider version")));
    return m;
  }

  static String decodedMetadata(String metadata) {
    try {
      return java.net.URLDecoder.decode(new String(Base64.getUrlDecoder().decode(metadata), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

}
