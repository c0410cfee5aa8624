package dev.accord.broker.verificationselection;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.environment.EnvironmentService;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /pacts/provider/P/for-verification}: what {@code pact verifier} asks before verifying. */
@RestController
class PactsForVerificationController {
  private static final Set<String> SELECTOR_KEYS = Set.of("mainBranch", "branch", "fallbackBranch", "matchingBranch", "tag", "fallbackTag",
      "latest",
      "deployed", "released", "deployedOrReleased", "environment", "consumer");

  private final PactsForVerificationService service;
  private final PacticipantService pacticipants;
  private final EnvironmentService environments;
  private final Links links;

  PactsForVerificationController(PactsForVerificationService service, PacticipantService pacticipants, EnvironmentService environments,
      Links links) {
    this.service = service;
    this.pacticipants = pacticipants;
    this.environments = environments;
    this.links = links;
  }

  @GetMapping("/pacts/provider/{provider}/for-verification")
  ResponseEntity<Map<String, Object>> get(@PathVariable String provider) {
    pacticipants.require(provider);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_links", Map.of("self", link(links.url("/pacts/provider/{}/for-verification", provider), "Pacts to be verified")));
    return Hal.ok(body);
  }

  @PostMapping("/pacts/provider/{provider}/for-verification")
  ResponseEntity<Map<String, Object>> post(@PathVariable String provider, @RequestBody(required = false) JsonNode body) {
    if (body != null && !body.isNull() && !body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object like "
          + "{\"consumerVersionSelectors\":[{\"mainBranch\":true}],\"providerVersionBranch\":\"main\"}");
    }
    PactsForVerificationService.Request request = request(body);
    PactsForVerificationService.validate(request.selectors(), request.providerVersionBranch(), environments);
    if (request.includeWipPactsSince() != null && request.providerVersionBranch() != null && request.providerVersionBranch().isBlank()) {
      throw ApiException.invalidField("providerVersionBranch", "must not be blank when WIP pacts are requested");
    }
    List<PactsForVerificationService.Selected> selected = service.select(provider, request);
    List<Map<String, Object>> pacts = new ArrayList<>();
    for (PactsForVerificationService.Selected s : selected) {
      pacts.add(entry(provider, s, request));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("_embedded", Map.of("pacts", pacts));
    out.put("_links", Map.of("self", link(links.url("/pacts/provider/{}/for-verification", provider), "Pacts to be verified")));
    return Hal.ok(out);
  }

  private Map<String, Object> entry(String provider, PactsForVerificationService.Selected s, PactsForVerificationService.Request request) {
    String metadata = "s[][cv]=" + s.consumerVersion().getId() + (s.wip() ? "&w=true" : "&p=" + Boolean.TRUE.equals(s.pending()));
    String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(metadata.getBytes(StandardCharsets.UTF_8));
    String url = links.url("/pacts/provider/{}/consumer/{}/pact-version/{}/metadata/{}", provider, s.consumer().getName(), s.content()
        .getSha(), b64);
    Map<String, Object> props = new LinkedHashMap<>();
    if (s.pending() != null) {
      props.put("pending", s.pending());
    }
    if (s.wip()) {
      props.put("wip", true);
    }
    List<Map<String, Object>> notices = new ArrayList<>();
    StringBuilder why = new StringBuilder("The pact at " + url
        + " is being verified because the pact content belongs to the consumer version"
        + (s.criteria().size() > 1 ? "s" : "") + " matching the following criteri" + (s.criteria().size() > 1 ? "a" : "on") + ":");
    for (String c : s.criteria()) {
      why.append("\n    * ").append(c).append(" (").append(s.consumerVersion().getNumber()).append(")");
    }
    notices.add(Hal.ordered("when", "before_verification", "text", why.toString()));
    if (Boolean.TRUE.equals(s.pending())) {
      String branch = request.providerVersionBranch() != null ? "branch " + request.providerVersionBranch()
          : request.providerVersionTags().isEmpty() ? "any version" : "tag(s) " + String.join(", ", request.providerVersionTags());
      notices.add(Hal.ordered("when", "before_verification", "text", "This pact is in pending state for this version of " + provider
          + " because a successful verification result for " + branch
          + " has not yet been published. If this verification fails, it will not cause the overall build to fail."));
      notices.add(Hal.ordered("when", "after_verification:success_true_published_false", "text", "This pact is still in pending state for "
          + branch
          + " as the successful verification results have not yet been published."));
      notices.add(Hal.ordered("when", "after_verification:success_false_published_false", "text",
          "This pact is still in pending state for " + branch
          + " as a successful verification result has not yet been published."));
      notices.add(Hal.ordered("when", "after_verification:success_true_published_true", "text",
          "This pact is no longer in pending state for " + branch
          + ", as a successful verification result has been published. If a verification for a version of " + provider + " with " + branch
          + " fails in the future, it will fail the build."));
      notices.add(Hal.ordered("when", "after_verification:success_false_published_true", "text", "This pact is still in pending state for "
          + branch
          + " as the verification failed."));
    }
    props.put("notices", notices);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shortDescription", String.join(", ", s.reasons()));
    m.put("verificationProperties", props);
    m.put("_links", Map.of("self", Links.named(url, "Pact to verify", "Pact between " + s.consumer().getName() + " (" + s.consumerVersion()
        .getNumber() + ") and " + provider)));
    return m;
  }

  private static PactsForVerificationService.Request request(JsonNode body) {
    List<PactsForVerificationService.Selector> selectors = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    String branch = null;
    boolean pending = true;
    LocalDate wipSince = null;
    if (body != null && body.isObject()) {
      JsonNode sel = body.get("consumerVersionSelectors");
      if (sel != null && !sel.isNull()) {
        if (!sel.isArray()) {
          throw ApiException.invalidField("consumerVersionSelectors",
              "must be an array of selectors, e.g. [{\"mainBranch\":true},{\"deployedOrReleased\":true}]");
        }
        int i = 0;
        for (JsonNode s : sel) {
          selectors.add(selector(s, "consumerVersionSelectors[" + i++ + "]"));
        }
      }
      JsonNode t = body.get("providerVersionTags");
      if (t != null && !t.isNull()) {
        if (!t.isArray()) {
          throw ApiException.invalidField("providerVersionTags", "must be an array of strings");
        }
        int i = 0;
        for (JsonNode x : t) {
          if (!x.isString() || x.asString().isBlank()) {
            throw ApiException.invalidField("providerVersionTags[" + i + "]", "must be a non-blank string, e.g. [\"main\"]");
          }
          tags.add(x.asString());
          i++;
        }
      }
      JsonNode b = body.get("providerVersionBranch");
      if (b != null && !b.isNull()) {
        if (!b.isString()) {
          throw ApiException.invalidField("providerVersionBranch", "must be a string");
        }
        branch = b.asString();
      }
      JsonNode p = body.get("includePendingStatus");
      if (p != null && !p.isNull()) {
        if (!p.isBoolean()) {
          throw ApiException.invalidField("includePendingStatus", "must be true or false");
        }
        pending = p.asBoolean();
      }
      JsonNode w = body.get("includeWipPactsSince");
      if (w != null && !w.isNull()) {
        if (!w.isString()) {
          throw ApiException.invalidField("includeWipPactsSince", "must be a date string like \"2024-01-01\"");
        }
        wipSince = date(w.asString());
      }
    }
    return new PactsForVerificationService.Request(selectors, tags, branch, pending, wipSince);
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? OffsetDateTime.parse(s).toLocalDate().toString() : s);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField("includeWipPactsSince", "must be a date like 2024-01-01, got '" + s + "'");
    }
  }

  private static PactsForVerificationService.Selector selector(JsonNode s, String field) {
    if (!s.isObject()) {
      throw ApiException.invalidField(field, "must be an object like {\"mainBranch\": true}");
    }
    for (String key : s.propertyNames()) {
      if (!SELECTOR_KEYS.contains(key)) {
        throw ApiException.invalidField(field, "has unknown key '" + key + "'; valid keys are " + new java.util.TreeSet<>(SELECTOR_KEYS));
      }
    }
    return new PactsForVerificationService.Selector(bool(s, "mainBranch", field), str(s, "branch", field), str(s, "fallbackBranch", field),
        bool(s, "matchingBranch", field), str(s, "tag", field), str(s, "fallbackTag", field), bool(s, "latest", field), bool(s, "deployed",
        field),
        bool(s, "released", field), bool(s, "deployedOrReleased", field), str(s, "environment", field), str(s, "consumer", field));
  }

  private static Boolean bool(JsonNode s, String key, String field) {
    JsonNode n = s.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw ApiException.invalidField(field + "." + key, "must be true or false");
    }
    return n.asBoolean();
  }

  private static String str(JsonNode s, String key, String field) {
    JsonNode n = s.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isString() || n.asString().isBlank()) {
      throw ApiException.invalidField(field + "." + key, "must be a non-blank string");
    }
    return n.asString();
  }
}
