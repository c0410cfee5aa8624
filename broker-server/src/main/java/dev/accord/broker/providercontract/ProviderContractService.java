package dev.accord.broker.providercontract;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.contract.openapi.OpenApiDocumentException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provider contracts: publishing one (one transaction: version, branch, tags, content, publication,
 * the comparisons it queues and the webhooks it triggers, or nothing), reading them back, and the
 * bi-directional results the matrix uses.
 */
@Service
public class ProviderContractService {
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final ProviderContractRows rows;
  private final ComparisonService comparisons;
  private final ApplicationEventPublisher events;
  private final ContractPresence presence;

  ProviderContractService(
      PacticipantService pacticipants,
      VersionService versions,
      ProviderContractRows rows,
      ComparisonService comparisons,
      ApplicationEventPublisher events,
      ContractPresence presence) {
    this.presence = presence;
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.rows = rows;
    this.comparisons = comparisons;
    this.events = events;
  }

  /** A publish request, validated by the controller: the document is its decoded text. */
  record Request(
      String provider,
      String number,
      String branch,
      List<String> tags,
      String buildUrl,
      String specification,
      String contentType,
      String document,
      SelfVerification selfVerification) {}

  /** {@code outcome}: created, unchanged (identical republish) or self-verification-updated. */
  record Published(
      Pacticipant provider,
      Version version,
      String sha,
      boolean contentNew,
      String outcome,
      int pactsToCompare,
      boolean branchAdded,
      List<String> tagsAdded,
      List<String> notices) {}

  /** A provider version's contract with its document. */
  record Contract(
      Pacticipant provider,
      Version version,
      ProviderContractRows.Publication publication,
      ProviderContractRows.Content content) {}

  /**
   * Checks the document (a 400 naming the parser's problems), then stores everything in one
   * transaction.
   */
  @Transactional
  Published publish(Request r, BiFunction<Pacticipant, Version, String> contractUrl) {
    try {
      OpenApiDocument.parse(r.document(), "contract.content");
    } catch (OpenApiDocumentException e) {
      throw ApiException.invalidFields(
          Map.of(
              "contract.content",
              e.problems().stream()
                  .map(p -> "is not a usable OpenAPI document: " + p.message())
                  .collect(Collectors.toList())));
    }
    Pacticipant provider = pacticipants.findOrCreate(r.provider());
    Version version = versions.findOrCreate(provider, r.number());
    if (r.buildUrl() != null && !r.buildUrl().isBlank()) {
      version.setBuildUrl(r.buildUrl());
      versions.update(version);
    }
    boolean branchAdded = r.branch() != null && versions.addToBranch(version, r.branch());
    List<String> tagsAdded = r.tags().stream().filter(t -> versions.addTag(version, t)).toList();
    String sha = sha256(r.document());
    Optional<ProviderContractRows.Content> known = rows.content(provider.getId(), sha);
    long contentId =
        known
            .map(ProviderContractRows.Content::id)
            .orElseGet(
                () ->
                    rows.insertContent(
                        provider.getId(), sha, r.specification(), r.contentType(), r.document()));
    Optional<ProviderContractRows.Publication> existing = rows.publicationOf(version.getId());
    String outcome;
    if (existing.isPresent()) {
      ProviderContractRows.Publication p = existing.get();
      if (p.contentId() != contentId) {
        String current =
            rows.content(p.contentId()).map(ProviderContractRows.Content::sha).orElse("?");
        String message =
            "Cannot change the provider contract of "
                + provider.getName()
                + " version "
                + version.getNumber()
                + ": the version already holds a document with content "
                + current.substring(0, Math.min(12, current.length()))
                + ", the upload has "
                + sha.substring(0, 12)
                + ". A version's contract is immutable, as a consumer version's pact is: "
                + "publish the changed document under the new commit's SHA (--provider-app-version).";
        throw ApiException.conflict(
            "contract.content", message, List.of(Hal.ordered("type", "error", "text", message)));
      }
      if (sameSelfVerification(p, r.selfVerification())) {
        outcome = "unchanged";
      } else {
        rows.updateSelfVerification(p.id(), r.selfVerification(), r.buildUrl());
        outcome = "self-verification-updated";
      }
    } else {
      rows.insertPublication(
          version.getId(), provider.getId(), contentId, r.selfVerification(), r.buildUrl());
      outcome = "created";
      presence
          .published(); // at worst early, by a rolled-back publish: the matrix then asks and finds
      // none
    }
    int pacts = comparisons.enqueueForContract(provider.getId(), contentId);
    ProviderContractPublished event =
        new ProviderContractPublished(
            provider,
            version,
            sha,
            contractUrl.apply(provider, version),
            r.selfVerification().success(),
            !"unchanged".equals(outcome),
            r.branch());
    events.publishEvent(event);
    return new Published(
        provider,
        version,
        sha,
        known.isEmpty(),
        outcome,
        pacts,
        branchAdded,
        tagsAdded,
        List.copyOf(event.notices()));
  }

  private static boolean sameSelfVerification(
      ProviderContractRows.Publication p, SelfVerification s) {
    return p.selfVerificationPublished() == s.published()
        && p.selfVerificationSuccess() == s.success()
        && Objects.equals(p.selfVerificationContent(), s.content())
        && Objects.equals(p.selfVerificationContentType(), s.contentType())
        && Objects.equals(p.selfVerificationFormat(), s.format())
        && Objects.equals(p.verifier(), s.verifier())
        && Objects.equals(p.verifierVersion(), s.verifierVersion());
  }

  /** The contract of a provider version; 404 naming what is missing. */
  @Transactional(readOnly = true)
  Contract require(String providerName, String number) {
    Pacticipant provider = pacticipants.require(providerName);
    Version version = versions.require(provider, number);
    ProviderContractRows.Publication p =
        rows.publicationOf(version.getId())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No provider contract was published for "
                            + providerName
                            + " version "
                            + number
                            + "; publish one with pact pactflow publish-provider-contract"));
    return new Contract(provider, version, p, rows.content(p.contentId()).orElseThrow());
  }

  /** Whether any provider contract exists on this broker ({@link ContractPresence}). */
  public boolean anyPublished() {
    return presence.any();
  }

  /**
   * What the web UI shows of a provider version's contract: the document, its self-verification,
   * each comparison.
   */
  public record ContractPage(
      String provider,
      String version,
      String contentSha,
      String contentType,
      String document,
      LocalDateTime publishedAt,
      boolean selfVerificationPublished,
      boolean selfVerificationSuccess,
      String verifier,
      String verifierVersion,
      String selfVerificationFormat,
      String selfVerificationContent,
      List<PactComparisonView> comparisons) {}

  /** The page of a provider version's contract; a 404 naming what is missing. */
  @Transactional(readOnly = true)
  public ContractPage page(String providerName, String number) {
    Contract c = require(providerName, number);
    ProviderContractRows.Publication p = c.publication();
    return new ContractPage(
        c.provider().getName(),
        c.version().getNumber(),
        c.content().sha(),
        c.content().contentType(),
        c.content().content(),
        p.createdAt(),
        p.selfVerificationPublished(),
        p.selfVerificationPublished() && p.selfVerificationSuccess(),
        p.verifier(),
        p.verifierVersion(),
        p.selfVerificationFormat(),
        p.selfVerificationContent(),
        comparisons(c));
  }

  /** Whether a provider version has a provider contract (the version resource links to it). */
  @Transactional(readOnly = true)
  public boolean exists(Version version) {
    return rows.publicationOf(version.getId()).isPresent();
  }

  /**
   * A comparison of the contract with one of the consumer's pacts (by pact content hash), computed
   * now when missing.
   */
  public record PactComparisonView(
      Pacticipant consumer, String pactSha, ComparisonOutcome outcome) {}

  /**
   * The comparisons of a provider version's contract with every pact content it was compared with,
   * oldest first.
   */
  @Transactional(readOnly = true)
  List<PactComparisonView> comparisons(Contract c) {
    List<PactComparisonView> out = new ArrayList<>();
    for (ProviderContractRows.Comparison cmp : rows.comparisonsOfContract(c.content().id())) {
      Optional<ProviderContractRows.PactRef> pact = rows.pactRef(cmp.pactContentId());
      if (pact.isEmpty()) {
        continue;
      }
      ComparisonOutcome outcome = cmp.computed() ? ComparisonService.outcome(cmp) : null;
      out.add(
          new PactComparisonView(
              pacticipants.byId(pact.get().consumerId()), pact.get().sha(), outcome));
    }
    return out;
  }

  /** One comparison, computed now when it is missing. */
  PactComparisonView comparison(Contract c, String consumerName, String pactSha) {
    Pacticipant consumer = pacticipants.require(consumerName);
    ProviderContractRows.PactRef pact =
        rows.pactRef(consumer.getId(), c.provider().getId(), pactSha)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No pact between "
                            + consumerName
                            + " and "
                            + c.provider().getName()
                            + " with content "
                            + pactSha));
    return new PactComparisonView(
        consumer, pactSha, comparisons.ensure(pact.id(), c.content().id()));
  }

  /**
   * The bi-directional result of each requested (pact content, provider version) pair whose
   * provider version has a provider contract, keyed by {@code contentId + "/" + providerVersionId};
   * missing comparisons are computed now. No transaction: reads in autocommit, like the matrix that
   * calls it.
   */
  public Map<String, BidirectionalResult> results(Collection<Pair> pairs) {
    Map<String, BidirectionalResult> out = new HashMap<>();
    if (pairs.isEmpty()) {
      return out;
    }
    Map<Long, ProviderContractRows.ContractOf> contracts =
        rows.contractsOf(
            pairs.stream().map(Pair::providerVersionId).distinct().toList(),
            pairs.stream().map(Pair::pactContentId).distinct().toList());
    for (Pair pair : pairs) {
      ProviderContractRows.ContractOf c = contracts.get(pair.providerVersionId());
      if (c == null) {
        continue;
      }
      ProviderContractRows.Comparison stored = c.comparisons().get(pair.pactContentId());
      ComparisonOutcome outcome =
          stored != null && stored.computed()
              ? ComparisonService.outcome(stored)
              : comparisons.ensure(pair.pactContentId(), c.contentId());
      out.put(
          pair.pactContentId() + "/" + pair.providerVersionId(),
          new BidirectionalResult(
              c.sha(), c.selfVerificationPublished(), c.selfVerificationSuccess(), outcome));
    }
    return out;
  }

  /**
   * How many provider versions with a provider contract the matrix lists per provider when asked
   * without a destination.
   */
  static final int VERSIONS_PER_PROVIDER = 20;

  /**
   * Per provider, its newest provider versions with a provider contract (at most {@value
   * #VERSIONS_PER_PROVIDER}), newest first: the matrix's candidates when it is asked without a
   * destination.
   */
  public Map<Long, List<Version>> versionsWithContracts(Collection<Long> providerIds) {
    return rows.versionsWithContracts(providerIds, VERSIONS_PER_PROVIDER);
  }

  /** A pact content and a provider version the matrix asks about. */
  public record Pair(long pactContentId, long providerVersionId) {}

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
