package dev.accord.broker.verificationselection;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.environment.EnvironmentService;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /pacts/provider/P/for-verification}: what {@code pact verifier} asks before verifying. */
@RestController
class PactsForVerificationController {
  private final PactsForVerificationService service;
  private final PacticipantService pacticipants;
  private final EnvironmentService environments;
  private final Links links;

  PactsForVerificationController(
      PactsForVerificationService service,
      PacticipantService pacticipants,
      EnvironmentService environments,
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
    body.put(
        "_links",
        Map.of(
            "self",
            link(
                links.url("/pacts/provider/{}/for-verification", provider),
                "Pacts to be verified")));
    return Hal.ok(body);
  }

  @PostMapping("/pacts/provider/{provider}/for-verification")
  ResponseEntity<Map<String, Object>> post(
      @PathVariable String provider,
      @Valid @RequestBody(required = false) ForVerificationRequest body) {
    PactsForVerificationService.Request request =
        request(body == null ? ForVerificationRequest.NONE : body);
    PactsForVerificationService.validate(
        request.selectors(), request.providerVersionBranch(), environments);
    if (request.includeWipPactsSince() != null
        && request.providerVersionBranch() != null
        && request.providerVersionBranch().isBlank()) {
      throw ApiException.invalidField(
          "providerVersionBranch", "must not be blank when WIP pacts are requested");
    }
    List<PactsForVerificationService.Selected> selected = service.select(provider, request);
    List<Map<String, Object>> pacts = new ArrayList<>();
    for (PactsForVerificationService.Selected s : selected) {
      pacts.add(entry(provider, s, request));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("_embedded", Map.of("pacts", pacts));
    out.put(
        "_links",
        Map.of(
            "self",
            link(
                links.url("/pacts/provider/{}/for-verification", provider),
                "Pacts to be verified")));
    return Hal.ok(out);
  }

  private Map<String, Object> entry(
      String provider,
      PactsForVerificationService.Selected s,
      PactsForVerificationService.Request request) {
    String metadata =
        "s[][cv]="
            + s.consumerVersion().getId()
            + (s.wip() ? "&w=true" : "&p=" + Boolean.TRUE.equals(s.pending()));
    String b64 =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(metadata.getBytes(StandardCharsets.UTF_8));
    String url =
        links.url(
            "/pacts/provider/{}/consumer/{}/pact-version/{}/metadata/{}",
            provider,
            s.consumer().getName(),
            s.content().getSha(),
            b64);
    Map<String, Object> props = new LinkedHashMap<>();
    if (s.pending() != null) {
      props.put("pending", s.pending());
    }
    if (s.wip()) {
      props.put("wip", true);
    }
    List<Map<String, Object>> notices = new ArrayList<>();
    StringBuilder why =
        new StringBuilder(
            "The pact at "
                + url
                + " is being verified because the pact content belongs to the consumer version"
                + (s.criteria().size() > 1 ? "s" : "")
                + " matching the following criteri"
                + (s.criteria().size() > 1 ? "a" : "on")
                + ":");
    for (String c : s.criteria()) {
      why.append("\n    * ")
          .append(c)
          .append(" (")
          .append(s.consumerVersion().getNumber())
          .append(")");
    }
    notices.add(Hal.ordered("when", "before_verification", "text", why.toString()));
    if (Boolean.TRUE.equals(s.pending())) {
      String branch =
          request.providerVersionBranch() != null
              ? "branch " + request.providerVersionBranch()
              : request.providerVersionTags().isEmpty()
                  ? "any version"
                  : "tag(s) " + String.join(", ", request.providerVersionTags());
      notices.add(
          Hal.ordered(
              "when",
              "before_verification",
              "text",
              "This pact is in pending state for this version of "
                  + provider
                  + " because a successful verification result for "
                  + branch
                  + " has not yet been published. If this verification fails, it will not cause the overall build to fail."));
      notices.add(
          Hal.ordered(
              "when",
              "after_verification:success_true_published_false",
              "text",
              "This pact is still in pending state for "
                  + branch
                  + " as the successful verification results have not yet been published."));
      notices.add(
          Hal.ordered(
              "when",
              "after_verification:success_false_published_false",
              "text",
              "This pact is still in pending state for "
                  + branch
                  + " as a successful verification result has not yet been published."));
      notices.add(
          Hal.ordered(
              "when",
              "after_verification:success_true_published_true",
              "text",
              "This pact is no longer in pending state for "
                  + branch
                  + ", as a successful verification result has been published. If a verification for a version of "
                  + provider
                  + " with "
                  + branch
                  + " fails in the future, it will fail the build."));
      notices.add(
          Hal.ordered(
              "when",
              "after_verification:success_false_published_true",
              "text",
              "This pact is still in pending state for "
                  + branch
                  + " as the verification failed."));
    }
    props.put("notices", notices);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shortDescription", String.join(", ", s.reasons()));
    m.put("verificationProperties", props);
    m.put(
        "_links",
        Map.of(
            "self",
            Links.named(
                url,
                "Pact to verify",
                "Pact between "
                    + s.consumer().getName()
                    + " ("
                    + s.consumerVersion().getNumber()
                    + ") and "
                    + provider)));
    return m;
  }

  private static PactsForVerificationService.Request request(ForVerificationRequest body) {
    for (int i = 0;
        body.consumerVersionSelectors() != null && i < body.consumerVersionSelectors().size();
        i++) {
      String problem = body.consumerVersionSelectors().get(i).unknownKeyProblem();
      if (problem != null) {
        throw ApiException.invalidField("consumerVersionSelectors[" + i + "]", problem);
      }
    }
    List<PactsForVerificationService.Selector> selectors =
        body.consumerVersionSelectors() == null
            ? List.of()
            : body.consumerVersionSelectors().stream()
                .map(ForVerificationRequest.Selector::toSelector)
                .toList();
    List<String> tags = body.providerVersionTags() == null ? List.of() : body.providerVersionTags();
    LocalDate wipSince =
        body.includeWipPactsSince() == null ? null : date(body.includeWipPactsSince());
    return new PactsForVerificationService.Request(
        selectors,
        tags,
        body.providerVersionBranch(),
        !Boolean.FALSE.equals(body.includePendingStatus()),
        wipSince);
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(
          s.length() > 10 && s.charAt(10) == 'T'
              ? OffsetDateTime.parse(s).toLocalDate().toString()
              : s);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField(
          "includeWipPactsSince", "must be a date like 2024-01-01, got '" + s + "'");
    }
  }
}
