package dev.accord.broker.ui;

import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pact.PublicationService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.verification.Verification;
import dev.accord.broker.verification.VerificationService;
import dev.accord.broker.version.VersionService;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Status badges of a pact's latest verification, as the reference broker serves them for READMEs:
 * verified, failed or unknown (no such pact, or not verified yet). Unknown names give the unknown
 * badge, not an error, so a README never shows a broken image.
 */
@RestController
class BadgeController {
  private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=utf-8");

  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final PublicationService publications;
  private final VerificationService verifications;

  BadgeController(
      PacticipantService pacticipants,
      VersionService versions,
      PublicationService publications,
      VerificationService verifications) {
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.publications = publications;
    this.verifications = verifications;
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/latest/badge")
  ResponseEntity<String> latest(
      @PathVariable String provider,
      @PathVariable String consumer,
      @RequestParam(required = false) String label) {
    return badge(
        label,
        pair(provider, consumer).flatMap(p -> publications.latest(p.provider(), p.consumer())));
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/latest/{tag}/badge")
  ResponseEntity<String> latestTagged(
      @PathVariable String provider,
      @PathVariable String consumer,
      @PathVariable String tag,
      @RequestParam(required = false) String label) {
    return badge(
        label,
        pair(provider, consumer)
            .flatMap(
                p ->
                    versions
                        .latestWithTag(p.consumer(), tag)
                        .flatMap(v -> publications.forConsumerVersion(v, p.provider()))));
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/latest-untagged/badge")
  ResponseEntity<String> latestUntagged(
      @PathVariable String provider,
      @PathVariable String consumer,
      @RequestParam(required = false) String label) {
    return badge(
        label,
        pair(provider, consumer)
            .flatMap(p -> publications.latestUntagged(p.provider(), p.consumer())));
  }

  private record Pair(Pacticipant provider, Pacticipant consumer) {}

  private Optional<Pair> pair(String provider, String consumer) {
    return pacticipants
        .find(provider)
        .flatMap(p -> pacticipants.find(consumer).map(c -> new Pair(p, c)));
  }

  private ResponseEntity<String> badge(String label, Optional<PactPublication> publication) {
    Boolean verified =
        publication
            .flatMap(p -> verifications.latestForContent(p.getPactContentId()))
            .map(Verification::isSuccess)
            .orElse(null);
    String text =
        label == null || label.isBlank()
            ? "pact"
            : label.length() > 100 ? label.substring(0, 100) : label;
    return ResponseEntity.ok()
        .contentType(SVG)
        .cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)))
        .body(Badge.of(text, verified).svg());
  }
}
