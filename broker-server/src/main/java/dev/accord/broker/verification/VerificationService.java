package dev.accord.broker.verification;

import dev.accord.broker.pact.PactContent;
import dev.accord.broker.pact.PublicationService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import dev.accord.pact.json.Json;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Records verification results against pact content and a provider version (auto-created). */
@Service
public class VerificationService {
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final PublicationService publications;
  private final VerificationRepository verifications;
  private final ApplicationEventPublisher events;

  VerificationService(
      PacticipantService pacticipants,
      VersionService versions,
      PublicationService publications,
      VerificationRepository verifications,
      ApplicationEventPublisher events) {
    this.events = events;
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.publications = publications;
    this.verifications = verifications;
  }

  /**
   * {@code replayed}: the request repeated an Idempotency-Key, and this is the result the first
   * request created.
   */
  public record Recorded(
      Verification verification,
      Pacticipant provider,
      Pacticipant consumer,
      Version providerVersion,
      PactContent content,
      boolean replayed) {}

  @Transactional
  public Recorded record(
      String providerName,
      String consumerName,
      String sha,
      VerificationRequest body,
      boolean wip,
      String idempotencyKey) {
    Pacticipant provider = pacticipants.require(providerName);
    Pacticipant consumer = pacticipants.require(consumerName);
    PactContent content =
        publications
            .contentBySha(consumer, provider, sha)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No pact content "
                            + sha
                            + " between "
                            + consumerName
                            + " and "
                            + providerName
                            + "; publish results to the pb:publish-verification-results link of the pact you verified"));
    String number = body.providerApplicationVersion();
    boolean success = body.success();
    if (idempotencyKey != null) {
      if (idempotencyKey.isBlank()
          || idempotencyKey.length() > 255
          || idempotencyKey.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
        throw ApiException.badRequest(
            "The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good key), got '"
                + idempotencyKey
                + "'");
      }
      Optional<Verification> earlier =
          verifications.findByProviderIdAndIdempotencyKey(provider.getId(), idempotencyKey);
      if (earlier.isPresent()) {
        Verification e = earlier.get();
        Version ev = versions.byId(e.getProviderVersionId());
        if (!e.getPactContentId().equals(content.getId())
            || !ev.getNumber().equals(number)
            || e.isSuccess() != success) {
          throw ApiException.of(
              HttpStatus.CONFLICT,
              "The Idempotency-Key '"
                  + idempotencyKey
                  + "' was already used for another verification result of "
                  + providerName
                  + " (version "
                  + ev.getNumber()
                  + ", success "
                  + e.isSuccess()
                  + ", pact content "
                  + pactSha(e, content)
                  + "); send a new "
                  + "key with each new result, and the same key only when retrying the same request.");
        }
        return new Recorded(e, provider, consumer, ev, content, true);
      }
    }
    JsonNode coverage = body.coverage();
    if (coverage != null && !coverage.isNull() && !coverage.isObject()) {
      throw ApiException.badRequest(
          "coverage must be a JSON object such as {\"interactions\": 3, \"passed\": 3}"
              + " (what the verification covered), got "
              + coverage.getNodeType().name().toLowerCase()
              + "; leave it out"
              + " when there is none");
    }
    Version providerVersion = versions.findOrCreate(provider, number);
    VerificationRequest.VerifiedBy by = body.verifiedBy();
    JsonNode testResults = body.testResults();
    Verification v =
        new Verification(
            content.getId(),
            providerVersion.getId(),
            consumer.getId(),
            provider.getId(),
            success,
            wip,
            body.buildUrl(),
            testResults == null || testResults.isNull() ? null : Json.write(testResults),
            by == null ? null : by.implementation(),
            by == null ? null : by.version());
    v.setIdempotencyKey(idempotencyKey);
    v.setCoverage(coverage == null || coverage.isNull() ? null : Json.write(coverage));
    verifications.insert(v);
    events.publishEvent(new VerificationPublished(v, provider, consumer, providerVersion, content));
    return new Recorded(v, provider, consumer, providerVersion, content, false);
  }

  private static String pactSha(Verification earlier, PactContent content) {
    return earlier.getPactContentId().equals(content.getId())
        ? content.getSha()
        : "another than " + content.getSha();
  }

  /**
   * A verification result found by its whole path, or 404: a number that belongs to another pair or
   * pact version is not found here.
   */
  public record Found(
      Verification verification, Pacticipant provider, Pacticipant consumer, PactContent content) {}

  @Transactional(readOnly = true)
  public Found require(String providerName, String consumerName, String sha, String number) {
    Pacticipant provider = pacticipants.require(providerName);
    Pacticipant consumer = pacticipants.require(consumerName);
    PactContent content =
        publications
            .contentBySha(consumer, provider, sha)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No pact version "
                            + sha
                            + " between "
                            + consumerName
                            + " and "
                            + providerName));
    Verification v;
    if ("latest".equals(number)) {
      v =
          latestFor(content)
              .orElseThrow(
                  () ->
                      ApiException.notFound(
                          "Pact version "
                              + sha
                              + " between "
                              + consumerName
                              + " and "
                              + providerName
                              + " has no verification results yet"));
    } else {
      v =
          parseNumber(number)
              .flatMap(verifications::findById)
              .filter(
                  x ->
                      x.getPactContentId().equals(content.getId())
                          && x.getProviderId().equals(provider.getId())
                          && x.getConsumerId().equals(consumer.getId()))
              .orElseThrow(
                  () ->
                      ApiException.notFound(
                          "No verification result "
                              + number
                              + " of pact version "
                              + sha
                              + " between "
                              + consumerName
                              + " and "
                              + providerName));
    }
    return new Found(v, provider, consumer, content);
  }

  private static Optional<Long> parseNumber(String number) {
    try {
      return Optional.of(Long.parseLong(number));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Transactional(readOnly = true)
  public Optional<Verification> byId(Long id) {
    return verifications.findById(id);
  }

  @Transactional(readOnly = true)
  public Optional<Verification> latestFor(PactContent content) {
    return verifications.findFirstByPactContentIdOrderByIdDesc(content.getId());
  }

  /** The newest verification of a pact's content, by the content's id. */
  @Transactional(readOnly = true)
  public Optional<Verification> latestForContent(Long pactContentId) {
    return verifications.findFirstByPactContentIdOrderByIdDesc(pactContentId);
  }

  @Transactional
  public void delete(Verification v) {
    verifications.delete(v);
  }
}
