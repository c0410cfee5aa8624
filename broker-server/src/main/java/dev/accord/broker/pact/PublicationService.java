package dev.accord.broker.pact;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Chunks;
import dev.accord.broker.web.Hal;
import dev.accord.pact.json.Json;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishing pacts (one transaction per request) and reading them back. */
@Service
public class PublicationService {
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final PactContentRepository contents;
  private final PactPublicationRepository publications;
  private final IntegrationRepository integrations;
  private final PactDocuments documents;
  private final ApplicationEventPublisher events;

  PublicationService(
      PacticipantService pacticipants,
      VersionService versions,
      PactContentRepository contents,
      PactPublicationRepository publications,
      IntegrationRepository integrations,
      PactDocuments documents,
      ApplicationEventPublisher events) {
    this.events = events;
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.contents = contents;
    this.publications = publications;
    this.integrations = integrations;
    this.documents = documents;
  }

  /**
   * One pact of a publication, parsed: the {@code contracts[i]} of a publish request, or the body
   * of a PUT.
   */
  public record PactToPublish(
      String consumerName, String providerName, PactDocuments.Document document) {}

  /** Version-level data of a publish request. */
  public record VersionInfo(
      String pacticipantName, String number, String branch, List<String> tags, String buildUrl) {}

  public record Published(
      Pacticipant consumer,
      Version version,
      List<Outcome> outcomes,
      boolean branchAdded,
      List<String> tagsAdded) {}

  /** {@code notices}: lines from event listeners, e.g. the webhooks this contract triggered. */
  public record Outcome(
      Pacticipant provider,
      PactPublication publication,
      PactContent content,
      boolean created,
      boolean contentNew,
      List<String> notices) {}

  /** Publishes every contract of one request in one transaction: all are stored, or none. */
  @Transactional
  public Published publish(VersionInfo info, List<PactToPublish> contracts) {
    Pacticipant consumer = pacticipants.findOrCreate(info.pacticipantName());
    Version version = versions.findOrCreate(consumer, info.number());
    if (info.buildUrl() != null && !info.buildUrl().isBlank()) {
      version.setBuildUrl(info.buildUrl());
      versions.update(version);
    }
    boolean branchAdded = info.branch() != null && versions.addToBranch(version, info.branch());
    List<String> tagsAdded = info.tags().stream().filter(t -> versions.addTag(version, t)).toList();
    List<Outcome> outcomes =
        contracts.stream()
            .map(c -> announce(publishOne(consumer, version, c), consumer, version, info.branch()))
            .toList();
    return new Published(consumer, version, outcomes, branchAdded, tagsAdded);
  }

  private Outcome publishOne(Pacticipant consumer, Version version, PactToPublish contract) {
    Pacticipant provider = pacticipants.findOrCreate(contract.providerName());
    String sha = contract.document().sha();
    Optional<PactPublication> existing =
        publications.findByConsumerVersionIdAndProviderId(version.getId(), provider.getId());
    if (existing.isPresent()) {
      PactContent current = contents.findById(existing.get().getPactContentId()).orElseThrow();
      if (current.getSha().equals(sha)) {
        return new Outcome(provider, existing.get(), current, false, false, List.of());
      }
      String message =
          "Cannot change the content of the pact for "
              + consumer.getName()
              + " version "
              + version.getNumber()
              + " and provider "
              + provider.getName()
              + ", as race conditions will cause unreliable results for can-i-deploy. "
              + "Each pact must be published with a unique consumer version number: publish the changed pact under the new "
              + "commit's SHA (the version already holds content "
              + current.getSha().substring(0, 12)
              + ", the upload has "
              + sha.substring(0, 12)
              + ").";
      throw ApiException.conflict(
          "contracts", message, List.of(Hal.ordered("type", "error", "text", message)));
    }
    Optional<PactContent> known =
        contents.findByConsumerIdAndProviderIdAndSha(consumer.getId(), provider.getId(), sha);
    PactContent content =
        known.orElseGet(
            () ->
                contents.insert(
                    new PactContent(
                        consumer.getId(),
                        provider.getId(),
                        sha,
                        Json.write(documents.withInteractionIds(contract.document().json())))));
    PactPublication publication =
        publications.insert(
            new PactPublication(
                version.getId(), consumer.getId(), provider.getId(), content.getId()));
    if (integrations.findByConsumerIdAndProviderId(consumer.getId(), provider.getId()).isEmpty()) {
      integrations.insert(new Integration(consumer.getId(), provider.getId()));
    }
    return new Outcome(provider, publication, content, true, known.isEmpty(), List.of());
  }

  /**
   * Tells listeners (webhooks) inside this transaction, and keeps what they want the publisher to
   * read.
   */
  private Outcome announce(Outcome o, Pacticipant consumer, Version version, String branch) {
    ContractPublished event =
        new ContractPublished(
            consumer, o.provider(), version, o.publication(), o.content(), o.created(), branch);
    events.publishEvent(event);
    return new Outcome(
        o.provider(),
        o.publication(),
        o.content(),
        o.created(),
        o.contentNew(),
        List.copyOf(event.notices()));
  }

  @Transactional(readOnly = true)
  public Optional<PactPublication> forConsumerVersion(
      Version consumerVersion, Pacticipant provider) {
    return publications.findByConsumerVersionIdAndProviderId(
        consumerVersion.getId(), provider.getId());
  }

  @Transactional(readOnly = true)
  public List<PactPublication> ofConsumerVersion(Version consumerVersion) {
    return publications.findByConsumerVersionId(consumerVersion.getId());
  }

  @Transactional(readOnly = true)
  public Optional<PactPublication> latest(Pacticipant provider, Pacticipant consumer) {
    return publications.findFirstByProviderIdAndConsumerIdOrderByConsumerVersionIdDesc(
        provider.getId(), consumer.getId());
  }

  /**
   * The pact of the newest consumer version without tags (the reference broker's {@code
   * latest-untagged}).
   */
  @Transactional(readOnly = true)
  public Optional<PactPublication> latestUntagged(Pacticipant provider, Pacticipant consumer) {
    return publications.latestUntagged(provider.getId(), consumer.getId());
  }

  @Transactional(readOnly = true)
  public List<PactPublication> all(Pacticipant provider, Pacticipant consumer) {
    return publications.findByProviderIdAndConsumerIdOrderByConsumerVersionIdDesc(
        provider.getId(), consumer.getId());
  }

  /**
   * One backward index scan per integration instead of a correlated subquery over the provider's
   * whole history.
   */
  @Transactional(readOnly = true)
  public List<PactPublication> latestPerConsumer(Pacticipant provider) {
    return integrations.findByProviderId(provider.getId()).stream()
        .map(
            i ->
                publications.findFirstByProviderIdAndConsumerIdOrderByConsumerVersionIdDesc(
                    provider.getId(), i.getConsumerId()))
        .flatMap(Optional::stream)
        .sorted(java.util.Comparator.comparing(PactPublication::getConsumerId))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<PactPublication> latestPerIntegration() {
    return publications.latestPerIntegration();
  }

  @Transactional(readOnly = true)
  public List<PactPublication> withConsumerTag(Pacticipant provider, String tag) {
    return publications.withConsumerTag(provider.getId(), tag);
  }

  @Transactional(readOnly = true)
  public List<PactPublication> withConsumerBranch(Pacticipant provider, String branch) {
    return publications.withConsumerBranch(provider.getId(), branch);
  }

  @Transactional(readOnly = true)
  public List<PactPublication> withConsumerMainBranch(Pacticipant provider) {
    return publications.withConsumerMainBranch(provider.getId());
  }

  /** The content's id and hash, without loading the pact JSON. */
  @Transactional(readOnly = true)
  public ContentRef contentRef(PactPublication publication) {
    return contents.findRefById(publication.getPactContentId()).orElseThrow();
  }

  /** The ids and hashes of the contents, by id, in one statement per 1,000 contents. */
  @Transactional(readOnly = true)
  public Map<Long, ContentRef> contentRefs(Collection<Long> contentIds) {
    Map<Long, ContentRef> out = new HashMap<>();
    for (List<Long> chunk : Chunks.of(contentIds)) {
      contents.findRefsByIdIn(chunk).forEach(c -> out.put(c.getId(), c));
    }
    return out;
  }

  @Transactional(readOnly = true)
  public PactContent content(PactPublication publication) {
    return contents.findById(publication.getPactContentId()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<PactContent> contentBySha(
      Pacticipant consumer, Pacticipant provider, String sha) {
    return contents.findByConsumerIdAndProviderIdAndSha(consumer.getId(), provider.getId(), sha);
  }

  @Transactional(readOnly = true)
  public Optional<PactPublication> latestWithContent(PactContent content) {
    return publications.findFirstByPactContentIdOrderByConsumerVersionIdDesc(content.getId());
  }

  @Transactional(readOnly = true)
  public List<Integration> integrations() {
    return integrations.findAll();
  }

  /** An integration with its two pacticipants, for {@code /integrations}. */
  public record IntegrationEntry(
      Pacticipant consumer, Pacticipant provider, LocalDateTime createdAt) {}

  /** Every integration with its consumer and provider, read in one transaction. */
  @Transactional(readOnly = true)
  public List<IntegrationEntry> integrationEntries() {
    return integrations.findAll().stream()
        .map(
            i ->
                new IntegrationEntry(
                    pacticipants.byId(i.getConsumerId()),
                    pacticipants.byId(i.getProviderId()),
                    i.getCreatedAt()))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Integration> integrationsOfProvider(Pacticipant provider) {
    return integrations.findByProviderId(provider.getId());
  }

  @Transactional
  public void delete(PactPublication publication) {
    publications.delete(publication);
  }
}
