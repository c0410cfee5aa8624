package dev.accord.broker.verification;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pact.PactContent;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import dev.accord.pact.json.Json;
import jakarta.validation.Valid;
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

@RestController
class VerificationController {
  private static final String BASE =
      "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}";

  private final VerificationService service;
  private final VersionService versions;
  private final Links links;

  VerificationController(VerificationService service, VersionService versions, Links links) {
    this.service = service;
    this.versions = versions;
    this.links = links;
  }

  @PostMapping({BASE + "/verification-results", BASE + "/metadata/{metadata}/verification-results"})
  ResponseEntity<Map<String, Object>> publish(
      @PathVariable String provider,
      @PathVariable String consumer,
      @PathVariable String sha,
      @PathVariable(required = false) String metadata,
      @Valid @RequestBody VerificationRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    boolean wip = metadata != null && decodedMetadata(metadata).contains("w=true");
    VerificationService.Recorded r =
        Retrying.transaction(
            () -> service.record(provider, consumer, sha, body, wip, idempotencyKey));
    Map<String, Object> json =
        render(r.verification(), r.provider(), r.consumer(), r.providerVersion(), r.content());
    List<Map<String, String>> notices = new ArrayList<>();
    versions
        .branchLikeNumber(
            r.providerVersion(),
            "Provider",
            "pact verifier --provider-version $GIT_SHA --provider-branch {branch}")
        .ifPresent(text -> notices.add(Hal.ordered("type", "warning", "text", text)));
    json.put("notices", notices);
    String location =
        url(r.provider(), r.consumer(), r.content().getSha(), r.verification().getId());
    if (r.replayed()) {
      // a retry of a POST whose answer was lost: the result it created the first time, not a second
      // one
      return ResponseEntity.ok()
          .contentType(Hal.HAL_JSON)
          .header("Location", location)
          .header("Idempotent-Replayed", "true")
          .body(json);
    }
    return Hal.created(json, location);
  }

  @GetMapping({
    BASE + "/verification-results/{number}",
    BASE + "/metadata/{metadata}/verification-results/{number}"
  })
  ResponseEntity<Map<String, Object>> get(
      @PathVariable String provider,
      @PathVariable String consumer,
      @PathVariable String sha,
      @PathVariable String number) {
    VerificationService.Found f = service.require(provider, consumer, sha, number);
    Verification v = f.verification();
    return Hal.ok(
        render(
            v, f.provider(), f.consumer(), versions.byId(v.getProviderVersionId()), f.content()));
  }

  @DeleteMapping(BASE + "/verification-results/{number}")
  ResponseEntity<Void> delete(
      @PathVariable String provider,
      @PathVariable String consumer,
      @PathVariable String sha,
      @PathVariable String number) {
    service.delete(service.require(provider, consumer, sha, number).verification());
    return Hal.noContent();
  }

  private String url(Pacticipant p, Pacticipant c, String sha, Long id) {
    return links.url(
        "/pacts/provider/{}/consumer/{}/pact-version/{}/verification-results/{}",
        p.getName(),
        c.getName(),
        sha,
        id);
  }

  Map<String, Object> render(
      Verification v, Pacticipant p, Pacticipant c, Version pv, PactContent content) {
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
    if (v.getCoverage() != null) {
      m.put("coverage", Json.parse(v.getCoverage()));
    }
    m.put(
        "_links",
        Hal.ordered(
            "self", link(url(p, c, content.getSha(), v.getId()), "Verification result"),
            "pb:pact-version",
                link(
                    links.url(
                        "/pacts/provider/{}/consumer/{}/pact-version/{}",
                        p.getName(),
                        c.getName(),
                        content.getSha()),
                    "Pact"),
            "pb:provider-version",
                link(
                    links.url("/pacticipants/{}/versions/{}", p.getName(), pv.getNumber()),
                    "Provider version")));
    return m;
  }

  static String decodedMetadata(String metadata) {
    try {
      return java.net.URLDecoder.decode(
          new String(Base64.getUrlDecoder().decode(metadata), StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
