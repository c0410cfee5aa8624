package dev.accord.broker.verificationselection;

import dev.accord.broker.environment.EnvironmentService;
import dev.accord.broker.pact.ContentRef;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pact.PublicationService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.verification.VerificationRepository;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Chooses the pacts a provider must verify from consumer version selectors, with pending and WIP
 * status (§3, §5).
 */
@Service
class PactsForVerificationService {
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final PublicationService publications;
  private final VerificationRepository verifications;
  private final SelectionRows rows;

  PactsForVerificationService(
      PacticipantService pacticipants,
      VersionService versions,
      PublicationService publications,
      VerificationRepository verifications,
      SelectionRows rows) {
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.publications = publications;
    this.verifications = verifications;
    this.rows = rows;
  }

  /** A consumer version selector as sent by the verifier (validated). */
  record Selector(
      Boolean mainBranch,
      String branch,
      String fallbackBranch,
      Boolean matchingBranch,
      String tag,
      String fallbackTag,
      Boolean latest,
      Boolean deployed,
      Boolean released,
      Boolean deployedOrReleased,
      String environment,
      String consumer) {}

  record Request(
      List<Selector> selectors,
      List<String> providerVersionTags,
      String providerVersionBranch,
      boolean includePendingStatus,
      LocalDate includeWipPactsSince) {}

  /** One pact to verify: the content, the newest publication carrying it, why it was selected. */
  record Selected(
      PactPublication publication,
      ContentRef content,
      Pacticipant consumer,
      Version consumerVersion,
      List<String> reasons,
      List<String> criteria,
      Boolean pending,
      boolean wip) {}

  /**
   * No transaction around the selection: its statements read committed data each (as they would
   * inside a READ COMMITTED transaction), and the common selectors are read by SelectionRows, so a
   * transaction would only add the BEGIN/COMMIT round trips and the interceptors; the reads of the
   * rarer selectors run in their services' own read-only transactions.
   */
  public List<Selected> select(String providerName, Request request) {
    SelectionRows.Provider read =
        rows.provider(providerName)
            .orElseGet(
                () -> new SelectionRows.Provider(pacticipants.require(providerName), List.of()));
    Pacticipant provider = read.provider();
    List<Pacticipant> consumers = read.consumers();
    List<Selector> selectors =
        request.selectors().isEmpty() ? defaults() : expand(request.selectors());
    Reads reads = reads(provider, consumers, selectors, request);
    List<ConsumerMatch> found = new ArrayList<>();
    for (Selector s : selectors) {
      for (Pacticipant consumer : consumers) {
        if (s.consumer() != null && !s.consumer().equals(consumer.getName())) {
          continue;
        }
        matches(provider, consumer, s, request, reads)
            .forEach(m -> found.add(new ConsumerMatch(consumer, m)));
      }
    }
    // the pacts found by tag or as the latest come without their content hashes and versions:
    // those are read here, once for all of them
    List<PactPublication> bare =
        found.stream()
            .map(ConsumerMatch::match)
            .filter(m -> m.content() == null)
            .map(Match::publication)
            .toList();
    Map<Long, ContentRef> contents =
        bare.isEmpty()
            ? Map.of()
            : publications.contentRefs(
                bare.stream().map(PactPublication::getPactContentId).collect(Collectors.toSet()));
    Map<Long, Version> bareVersions =
        bare.isEmpty()
            ? Map.of()
            : versions.byIds(
                bare.stream()
                    .map(PactPublication::getConsumerVersionId)
                    .collect(Collectors.toSet()));
    Map<String, Selected> bySha = new LinkedHashMap<>();
    for (ConsumerMatch f : found) {
      Pacticipant consumer = f.consumer();
      Match m = f.match();
      ContentRef content =
          m.content() != null ? m.content() : contents.get(m.publication().getPactContentId());
      String key = consumer.getId() + "/" + content.getSha();
      Selected existing = bySha.get(key);
      if (existing == null) {
        List<String> reasons = new ArrayList<>();
        reasons.add(m.description());
        List<String> criteria = new ArrayList<>();
        criteria.add(m.criterion());
        bySha.put(
            key,
            new Selected(
                m.publication(),
                content,
                consumer,
                version(m, bareVersions),
                reasons,
                criteria,
                null,
                false));
      } else {
        if (!existing.reasons().contains(m.description())) {
          existing.reasons().add(m.description());
        }
        existing.criteria().add(m.criterion());
        if (m.publication().getConsumerVersionId()
            > existing.publication().getConsumerVersionId()) {
          bySha.put(
              key,
              new Selected(
                  m.publication(),
                  content,
                  consumer,
                  version(m, bareVersions),
                  existing.reasons(),
                  existing.criteria(),
                  null,
                  false));
        }
      }
    }
    Set<Long> pending =
        request.includePendingStatus()
            ? pending(
                bySha.values().stream().map(s -> s.content().getId()).collect(Collectors.toSet()),
                request)
            : Set.of();
    List<Selected> result = new ArrayList<>();
    for (Selected s : bySha.values()) {
      Boolean isPending =
          request.includePendingStatus() ? pending.contains(s.content().getId()) : null;
      result.add(
          new Selected(
              s.publication(),
              s.content(),
              s.consumer(),
              s.consumerVersion(),
              s.reasons(),
              s.criteria(),
              isPending,
              false));
    }
    if (request.includeWipPactsSince() != null
        && (request.providerVersionBranch() != null || !request.providerVersionTags().isEmpty())) {
      result.addAll(wip(provider, consumers, bySha, request));
    }
    return result;
  }

  /**
   * A pact a selector found; its content and consumer version when the read that found it had them
   * already.
   */
  private record Match(
      PactPublication publication,
      ContentRef content,
      Version version,
      String description,
      String criterion) {
    Match(PactPublication publication, String description, String criterion) {
      this(publication, null, null, description, criterion);
    }

    Match(SelectionRows.Found found, String description, String criterion) {
      this(found.publication(), found.content(), found.version(), description, criterion);
    }
  }

  private static Version version(Match m, Map<Long, Version> bareVersions) {
    return m.version() != null
        ? m.version()
        : bareVersions.get(m.publication().getConsumerVersionId());
  }

  private record ConsumerMatch(Pacticipant consumer, Match match) {}

  /**
   * What the branch and environment selectors need, read once for all selectors, consumers and
   * environments ({@link SelectionRows}): the provider's pacts of the head versions of the branches
   * named, the environments and the provider's pacts of the consumers' versions deployed and
   * released in them.
   */
  private record Reads(
      Map<String, SelectionRows.Found> heads,
      List<SelectionRows.Env> environments,
      SelectionRows.InEnvironments inEnvironments) {
    static String key(Long id, Object other) {
      return id + "/" + other;
    }

    Optional<SelectionRows.Found> headPact(Pacticipant consumer, String branch) {
      return Optional.ofNullable(heads.get(key(consumer.getId(), branch)));
    }

    List<SelectionRows.Found> deployed(SelectionRows.Env e, Pacticipant consumer) {
      return inEnvironments.deployed().getOrDefault(key(e.id(), consumer.getId()), List.of());
    }

    List<SelectionRows.Found> released(SelectionRows.Env e, Pacticipant consumer) {
      return inEnvironments.released().getOrDefault(key(e.id(), consumer.getId()), List.of());
    }
  }

  private Reads reads(
      Pacticipant provider,
      List<Pacticipant> consumers,
      List<Selector> selectors,
      Request request) {
    Map<Long, Set<String>> branches = new LinkedHashMap<>();
    boolean deployed = false;
    boolean released = false;
    for (Selector s : selectors) {
      for (Pacticipant consumer : consumers) {
        for (String branch : branchesNamed(s, consumer, request)) {
          branches.computeIfAbsent(consumer.getId(), k -> new LinkedHashSet<>()).add(branch);
        }
      }
      if (isEnvironmentSelector(s)) {
        deployed |= deploymentsCount(s);
        released |= releasesCount(s);
      }
    }
    Map<String, SelectionRows.Found> heads = rows.branchHeads(provider.getId(), branches);
    List<SelectionRows.Env> envs = deployed || released ? rows.environments() : List.of();
    SelectionRows.InEnvironments inEnvironments =
        rows.inEnvironments(
            provider.getId(),
            envs.stream().map(SelectionRows.Env::id).toList(),
            consumers.stream().map(Pacticipant::getId).toList(),
            deployed,
            released);
    return new Reads(heads, envs, inEnvironments);
  }

  /** The branches of the consumer whose head {@link #matches} may look at for the selector. */
  private static List<String> branchesNamed(Selector s, Pacticipant consumer, Request request) {
    if (Boolean.TRUE.equals(s.mainBranch())) {
      return consumer.getMainBranch() == null ? List.of() : List.of(consumer.getMainBranch());
    } else if (Boolean.TRUE.equals(s.matchingBranch())) {
      return List.of(request.providerVersionBranch());
    } else if (s.branch() != null) {
      return s.fallbackBranch() == null
          ? List.of(s.branch())
          : List.of(s.branch(), s.fallbackBranch());
    }
    return List.of();
  }

  /**
   * The selector kinds {@link #matches} tries in order: an environment selector is one that is none
   * of the earlier kinds.
   */
  private static boolean isEnvironmentSelector(Selector s) {
    return !Boolean.TRUE.equals(s.mainBranch())
        && !Boolean.TRUE.equals(s.matchingBranch())
        && s.branch() == null
        && s.tag() == null
        && (s.environment() != null
            || Boolean.TRUE.equals(s.deployed())
            || Boolean.TRUE.equals(s.released()));
  }

  private static boolean deploymentsCount(Selector s) {
    return !Boolean.TRUE.equals(s.released()) || Boolean.TRUE.equals(s.deployed());
  }

  private static boolean releasesCount(Selector s) {
    return !Boolean.TRUE.equals(s.deployed()) || Boolean.TRUE.equals(s.released());
  }

  private List<Match> matches(
      Pacticipant provider, Pacticipant consumer, Selector s, Request request, Reads reads) {
    List<Match> out = new ArrayList<>();
    String c = consumer.getName();
    if (Boolean.TRUE.equals(s.mainBranch())) {
      if (consumer.getMainBranch() != null) {
        reads
            .headPact(consumer, consumer.getMainBranch())
            .ifPresent(
                p ->
                    out.add(
                        new Match(
                            p,
                            "latest from main branch",
                            "latest version of "
                                + c
                                + " from the main branch '"
                                + consumer.getMainBranch()
                                + "'")));
      }
    } else if (Boolean.TRUE.equals(s.matchingBranch())) {
      String b = request.providerVersionBranch();
      reads
          .headPact(consumer, b)
          .ifPresent(
              p ->
                  out.add(
                      new Match(
                          p,
                          "latest from branch " + b + " (matching the provider branch)",
                          "latest version of "
                              + c
                              + " from branch '"
                              + b
                              + "' (same name as the provider branch)")));
    } else if (s.branch() != null) {
      Optional<SelectionRows.Found> head = reads.headPact(consumer, s.branch());
      if (head.isPresent()) {
        out.add(
            new Match(
                head.get(),
                "latest from branch " + s.branch(),
                "latest version of " + c + " from branch '" + s.branch() + "'"));
      } else if (s.fallbackBranch() != null) {
        reads
            .headPact(consumer, s.fallbackBranch())
            .ifPresent(
                p ->
                    out.add(
                        new Match(
                            p,
                            "latest from branch "
                                + s.fallbackBranch()
                                + " (fallback for "
                                + s.branch()
                                + ")",
                            "latest version of "
                                + c
                                + " from branch '"
                                + s.fallbackBranch()
                                + "' (fallback)")));
      }
    } else if (s.tag() != null) {
      List<PactPublication> tagged =
          forConsumer(publications.withConsumerTag(provider, s.tag()), consumer);
      if (Boolean.TRUE.equals(s.latest())) {
        if (!tagged.isEmpty()) {
          out.add(
              new Match(
                  tagged.get(0),
                  "latest with tag " + s.tag(),
                  "latest version of " + c + " with tag '" + s.tag() + "'"));
        } else if (s.fallbackTag() != null) {
          forConsumer(publications.withConsumerTag(provider, s.fallbackTag()), consumer).stream()
              .findFirst()
              .ifPresent(
                  p ->
                      out.add(
                          new Match(
                              p,
                              "latest with tag "
                                  + s.fallbackTag()
                                  + " (fallback for "
                                  + s.tag()
                                  + ")",
                              "latest version of "
                                  + c
                                  + " with tag '"
                                  + s.fallbackTag()
                                  + "' (fallback)")));
        }
      } else {
        tagged.forEach(
            p ->
                out.add(
                    new Match(
                        p,
                        "one of " + s.tag(),
                        "one of the versions of " + c + " with tag '" + s.tag() + "'")));
      }
    } else if (isEnvironmentSelector(s)) {
      // an environment named in the selector exists (validated); one deleted since then matches
      // nothing
      List<SelectionRows.Env> envs =
          s.environment() != null
              ? reads.environments().stream().filter(e -> e.name().equals(s.environment())).toList()
              : reads.environments();
      for (SelectionRows.Env e : envs) {
        if (deploymentsCount(s)) {
          reads
              .deployed(e, consumer)
              .forEach(
                  f ->
                      out.add(
                          new Match(
                              f,
                              "deployed to " + e.name(),
                              "version of " + c + " currently deployed to " + e.name())));
        }
        if (releasesCount(s)) {
          reads
              .released(e, consumer)
              .forEach(
                  f ->
                      out.add(
                          new Match(
                              f,
                              "released in " + e.name(),
                              "version of " + c + " released and supported in " + e.name())));
        }
      }
    } else if (Boolean.TRUE.equals(s.latest())) {
      publications
          .latest(provider, consumer)
          .ifPresent(p -> out.add(new Match(p, "latest", "latest version of " + c)));
    }
    return out;
  }

  private Optional<PactPublication> headPact(
      Pacticipant provider, Pacticipant consumer, String branch) {
    return versions
        .branchHead(consumer, branch)
        .flatMap(v -> publications.forConsumerVersion(v, provider));
  }

  private static List<PactPublication> forConsumer(
      List<PactPublication> pubs, Pacticipant consumer) {
    return pubs.stream().filter(p -> p.getConsumerId().equals(consumer.getId())).toList();
  }

  private static List<Selector> defaults() {
    return List.of(
        new Selector(true, null, null, null, null, null, null, null, null, null, null, null),
        new Selector(null, null, null, null, null, null, null, true, null, null, null, null),
        new Selector(null, null, null, null, null, null, null, null, true, null, null, null));
  }

  private static List<Selector> expand(List<Selector> selectors) {
    List<Selector> out = new ArrayList<>();
    for (Selector s : selectors) {
      if (Boolean.TRUE.equals(s.deployedOrReleased())) {
        out.add(
            new Selector(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                null,
                null,
                s.environment(),
                s.consumer()));
        out.add(
            new Selector(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                null,
                s.environment(),
                s.consumer()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Of the contents, the pending ones: no successful verification by the provider's branch (or by
   * one of its tags, or at all).
   */
  private Set<Long> pending(Set<Long> contentIds, Request request) {
    Set<Long> pending = new HashSet<>();
    if (contentIds.isEmpty()) {
      return pending;
    }
    if (request.providerVersionBranch() != null) {
      pending.addAll(contentIds);
      pending.removeAll(
          rows.successfulByProviderBranch(contentIds, request.providerVersionBranch()));
    } else if (!request.providerVersionTags().isEmpty()) {
      for (String tag : new LinkedHashSet<>(request.providerVersionTags())) {
        Set<Long> unverified = new HashSet<>(contentIds);
        unverified.removeAll(rows.successfulByProviderTag(contentIds, tag));
        pending.addAll(unverified);
      }
    } else {
      pending.addAll(contentIds);
      pending.removeAll(rows.successful(contentIds));
    }
    return pending;
  }

  private boolean verifiedByProviderBranchOrTags(ContentRef content, Request request) {
    if (request.providerVersionBranch() != null
        && verifications.successByProviderBranch(
            content.getId(), request.providerVersionBranch(), false)) {
      return true;
    }
    return request.providerVersionTags().stream()
        .anyMatch(tag -> verifications.successByProviderTag(content.getId(), tag, false));
  }

  private List<Selected> wip(
      Pacticipant provider,
      List<Pacticipant> consumers,
      Map<String, Selected> explicit,
      Request request) {
    LocalDateTime since = request.includeWipPactsSince().atStartOfDay();
    Map<String, Selected> found = new LinkedHashMap<>();
    for (Pacticipant consumer : consumers) {
      Set<PactPublication> candidates = new LinkedHashSet<>();
      versions
          .branches(consumer)
          .forEach(b -> headPact(provider, consumer, b.getName()).ifPresent(candidates::add));
      for (String tag : versions.allTagNames(consumer)) {
        forConsumer(publications.withConsumerTag(provider, tag), consumer).stream()
            .findFirst()
            .ifPresent(candidates::add);
      }
      for (PactPublication p : candidates) {
        if (p.getCreatedAt().isBefore(since)) {
          continue;
        }
        ContentRef content = publications.contentRef(p);
        String key = consumer.getId() + "/" + content.getSha();
        if (explicit.containsKey(key)
            || found.containsKey(key)
            || verifiedByProviderBranchOrTags(content, request)) {
          continue;
        }
        found.put(
            key,
            new Selected(
                p,
                content,
                consumer,
                versions.byId(p.getConsumerVersionId()),
                new ArrayList<>(List.of("work in progress")),
                new ArrayList<>(List.of("work in progress pact from " + consumer.getName())),
                true,
                true));
      }
    }
    return new ArrayList<>(found.values());
  }

  static void validate(
      List<Selector> selectors, String providerVersionBranch, EnvironmentService environments) {
    for (int i = 0; i < selectors.size(); i++) {
      Selector s = selectors.get(i);
      String f = "consumerVersionSelectors[" + i + "]";
      boolean env =
          s.environment() != null
              || Boolean.TRUE.equals(s.deployed())
              || Boolean.TRUE.equals(s.released())
              || Boolean.TRUE.equals(s.deployedOrReleased());
      boolean any =
          Boolean.TRUE.equals(s.mainBranch())
              || s.branch() != null
              || s.tag() != null
              || env
              || Boolean.TRUE.equals(s.matchingBranch())
              || Boolean.TRUE.equals(s.latest());
      if (!any) {
        throw ApiException.invalidField(
            f,
            "must specify one of mainBranch, branch, matchingBranch, tag, environment, deployed, released, "
                + "deployedOrReleased or latest: true (e.g. {\"mainBranch\": true})");
      }
      if (Boolean.FALSE.equals(s.latest())
          && (Boolean.TRUE.equals(s.mainBranch()) || s.branch() != null)) {
        throw ApiException.invalidField(
            f,
            "latest: false cannot be used with mainBranch or branch (they always mean the latest version of the branch)");
      }
      if (s.branch() != null && s.tag() != null) {
        throw ApiException.invalidField(f, "cannot specify both branch and tag");
      }
      if (s.fallbackBranch() != null && s.branch() == null) {
        throw ApiException.invalidField(f, "fallbackBranch can only be used with branch");
      }
      if (s.fallbackTag() != null && (s.tag() == null || !Boolean.TRUE.equals(s.latest()))) {
        throw ApiException.invalidField(
            f, "fallbackTag can only be used with tag and latest: true");
      }
      if (Boolean.TRUE.equals(s.matchingBranch())
          && (providerVersionBranch == null || providerVersionBranch.isBlank())) {
        throw ApiException.invalidField(
            f,
            "matchingBranch requires providerVersionBranch to be set in the request (pact verifier --provider-branch)");
      }
      if (env
          && (s.branch() != null
              || s.tag() != null
              || Boolean.TRUE.equals(s.mainBranch())
              || Boolean.TRUE.equals(s.matchingBranch()))) {
        throw ApiException.invalidField(
            f,
            "environment, deployed, released and deployedOrReleased cannot be combined with branch, tag or mainBranch");
      }
      int kinds =
          (Boolean.TRUE.equals(s.deployed()) ? 1 : 0)
              + (Boolean.TRUE.equals(s.released()) ? 1 : 0)
              + (Boolean.TRUE.equals(s.deployedOrReleased()) ? 1 : 0);
      if (kinds > 1) {
        throw ApiException.invalidField(
            f, "deployed, released and deployedOrReleased are mutually exclusive");
      }
      if (s.consumer() != null && s.consumer().isBlank()) {
        throw ApiException.invalidField(f, "consumer must not be blank");
      }
      if (s.environment() != null && environments.byName(s.environment()).isEmpty()) {
        throw ApiException.invalidField(f, "environment '" + s.environment() + "' does not exist");
      }
    }
  }
}
