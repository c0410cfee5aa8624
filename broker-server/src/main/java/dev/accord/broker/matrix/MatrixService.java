package dev.accord.broker.matrix;

import dev.accord.broker.matrix.DeployDecision.Reason;
import dev.accord.broker.matrix.DeployDecision.Row;
import dev.accord.broker.matrix.MatrixQuery.Destination;
import dev.accord.broker.matrix.MatrixQuery.Selector;
import dev.accord.broker.matrix.MatrixRows.Env;
import dev.accord.broker.pact.ContentRef;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pact.PublicationService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.providercontract.BidirectionalResult;
import dev.accord.broker.providercontract.ComparisonOutcome;
import dev.accord.broker.providercontract.ProviderContractService;
import dev.accord.broker.providercontract.ProviderContractViews;
import dev.accord.broker.verification.Verification;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Computes matrix rows and the can-i-deploy verdict (reference/pact-broker-api.md §4.3), and
 * explains every "no" and "unknown": which pacticipant and version, which counterpart and version,
 * which environment, and what to do.
 */
@Service
class MatrixService {
  private final VersionService versions;
  private final PublicationService publications;
  private final MatrixRows rows;
  private final MatrixViews views;
  private final ProviderContractService contracts;
  private final ProviderContractViews contractViews;

  MatrixService(
      VersionService versions,
      PublicationService publications,
      MatrixRows rows,
      MatrixViews views,
      ProviderContractService contracts,
      ProviderContractViews contractViews) {
    this.contracts = contracts;
    this.contractViews = contractViews;
    this.versions = versions;
    this.publications = publications;
    this.rows = rows;
    this.views = views;
  }

  private record Resolved(Selector selector, Pacticipant pacticipant, List<Version> versions) {}

  /**
   * The verdict, and the branches and tags of the answer's versions that its statements read along
   * with them (by version id; {@link MatrixViews} reads those of any other shown version).
   */
  record Answer(DeployDecision decision, Map<Long, MatrixRows.Labels> labels) {}

  /**
   * What one question's statements read ahead for later steps, so that those steps need no
   * statement of their own: the labels of the versions read, and the hints of the contents whose
   * latest verifications were read.
   */
  private static final class ReadAhead {
    final Map<Long, MatrixRows.Labels> labels = new HashMap<>();
    final Map<Long, MatrixRows.Hint> hints = new HashMap<>();

    /**
     * The pacts of the consumer versions in the environment with the selected pacticipants that
     * have consumers, and the consumer versions whose pacts with them were read.
     */
    final Map<String, MatrixRows.Pub> pacts = new HashMap<>();

    final Set<Long> pactsRead = new HashSet<>();
  }

  /** The verdict alone, for the web UI's pages. */
  public DeployDecision evaluate(MatrixQuery q) {
    return answer(q).decision();
  }

  /**
   * No transaction of its own: the hot path is plain JDBC statements in autocommit (READ COMMITTED
   * gives each statement its own snapshot either way), which saves the BEGIN/COMMIT round trips;
   * the rarer destinations (tag, main branch, latest, no destination) call the feature services,
   * which open their own read-only ones.
   */
  Answer answer(MatrixQuery q) {
    ReadAhead ahead = new ReadAhead();
    List<Resolved> resolved = new ArrayList<>();
    Destination destination = q.destination();
    Optional<Env> headEnv =
        null; // read with the first selector's pacticipant and version when that selector names a
    // version
    for (Selector s : q.selectors()) {
      if (resolved.isEmpty() && s.version() != null) {
        MatrixRows.Head head =
            rows.head(s.pacticipant(), s.version(), destination.environment(), ahead.labels)
                .orElseThrow(
                    () -> ApiException.badRequest("Pacticipant " + s.pacticipant() + " not found"));
        resolved.add(new Resolved(s, head.pacticipant(), head.version().stream().toList()));
        headEnv = head.environment();
        continue;
      }
      Pacticipant p =
          rows.pacticipant(s.pacticipant())
              .orElseThrow(
                  () -> ApiException.badRequest("Pacticipant " + s.pacticipant() + " not found"));
      resolved.add(new Resolved(s, p, resolve(p, s, ahead)));
    }
    Env env =
        destination.environment() == null
            ? null
            : headEnv != null
                ? headEnv.orElseThrow(() -> environmentNotFound(destination.environment()))
                : environment(destination.environment());
    Set<Long> specified = new LinkedHashSet<>();
    resolved.forEach(r -> specified.add(r.pacticipant().getId()));

    List<Reason> reasons = new ArrayList<>();
    boolean missingSpecified = false;
    for (Resolved r : resolved) {
      if (r.versions().isEmpty()) {
        missingSpecified = true;
        reasons.add(new Reason("error", missingVersionReason(r)));
      }
    }

    List<Row> all =
        latestBy(q.latestBy(), new ArrayList<>(matrix(resolved, destination, env, ahead).values()));
    // the rows that decide come first, the ignored ones after them, as the Pact Broker lists them
    all =
        all.stream()
            .map(row -> ignore(row, q.ignores(), specified))
            .sorted(Comparator.comparing(Row::ignored))
            .toList();
    all = bidirectional(all);
    Map<Long, MatrixRows.Hint> hints = ahead.hints;
    hints.putAll(
        rows.hints(
            all.stream()
                .filter(row -> row.providerVersion() != null && row.success() == null)
                .map(row -> row.content().getId())
                .filter(content -> !hints.containsKey(content))
                .distinct()
                .toList()));

    int success = 0;
    int failed = 0;
    int unknown = 0;
    int ignored = 0;
    for (Row row : all) {
      if (row.ignored()) {
        ignored++;
        reasons.add(new Reason("info", "Ignoring: " + rowReason(row, destination, env, hints)));
        continue;
      }
      if (row.success() == null) {
        unknown++;
        reasons.add(new Reason("warning", rowReason(row, destination, env, hints)));
      } else if (!row.success()) {
        failed++;
        reasons.add(new Reason("error", rowReason(row, destination, env, hints)));
      } else {
        success++;
        if (row.verifiedBidirectionally()) {
          reasons.add(new Reason("info", rowReason(row, destination, env, hints)));
        }
      }
    }
    Boolean deployable;
    if (missingSpecified) {
      deployable = false;
    } else if (unknown > 0) {
      deployable = null;
    } else if (failed > 0) {
      deployable = false;
    } else {
      deployable = true;
      reasons.add(
          0,
          new Reason(
              "success",
              all.stream().anyMatch(x -> !x.ignored())
                  ? "All required verification results are published and successful"
                  : "There are no missing dependencies"));
    }
    if (!destination.any() && q.selectors().size() == 1) {
      reasons.add(
          new Reason(
              "warning",
              "WARN: It is recommended to specify the environment into which you are deploying "
                  + "(--to-environment ENVIRONMENT); without it the answer only covers the latest versions."));
    }
    for (Selector ig : q.ignores()) {
      if (rows.pacticipant(ig.pacticipant()).isEmpty()) {
        reasons.add(
            new Reason(
                "warning",
                "WARN: Cannot ignore "
                    + ig.pacticipant()
                    + ": no pacticipant with that name exists"));
      }
    }
    List<Row> shown = all.stream().filter(row -> q.shows(row.success())).toList();
    return new Answer(
        new DeployDecision(
            deployable, reasons, shown, success, failed, unknown, ignored, !q.ignores().isEmpty()),
        ahead.labels);
  }

  /**
   * Rows without a pact verification whose provider version has a provider contract get the
   * bi-directional result (docs/openapi.md, "Bi-directional in the broker"). Asks nothing while the
   * broker has no provider contract.
   */
  private List<Row> bidirectional(List<Row> all) {
    if (!contracts.anyPublished()) {
      return all;
    }
    Set<ProviderContractService.Pair> pairs = new LinkedHashSet<>();
    for (Row row : all) {
      if (row.providerVersion() != null && row.verification() == null) {
        pairs.add(
            new ProviderContractService.Pair(row.content().getId(), row.providerVersion().getId()));
      }
    }
    if (pairs.isEmpty()) {
      return all;
    }
    Map<String, BidirectionalResult> results = contracts.results(pairs);
    return all.stream()
        .map(
            row ->
                row.providerVersion() == null || row.verification() != null
                    ? row
                    : Optional.ofNullable(
                            results.get(
                                row.content().getId() + "/" + row.providerVersion().getId()))
                        .map(row::withBidirectional)
                        .orElse(row))
        .toList();
  }

  private Env environment(String name) {
    return rows.environment(name).orElseThrow(() -> environmentNotFound(name));
  }

  private static ApiException environmentNotFound(String name) {
    return ApiException.badRequest(
        "Environment with name '"
            + name
            + "' does not exist. Create it with pact broker create-environment --name "
            + name);
  }

  private List<Version> resolve(Pacticipant p, Selector s, ReadAhead ahead) {
    if (s.version() != null) {
      return rows.version(p.getId(), s.version(), ahead.labels).stream().toList();
    }
    if (s.environment() != null) {
      return inEnvironment(p, environment(s.environment()), ahead);
    }
    if (s.branch() != null) {
      if (s.latest()) {
        return versions.branchHead(p, s.branch()).stream().toList();
      }
      return versions
          .branch(p, s.branch())
          .map(b -> versions.branchVersions(b).stream().limit(100).toList())
          .orElse(List.of());
    }
    if (s.mainBranch()) {
      return p.getMainBranch() == null
          ? List.of()
          : versions.branchHead(p, p.getMainBranch()).stream().toList();
    }
    if (s.tag() != null) {
      return s.latest()
          ? versions.latestWithTag(p, s.tag()).stream().toList()
          : versions.allWithTag(p, s.tag());
    }
    if (s.latest()) {
      return versions.latest(p).stream().toList();
    }
    return versions.recent(p, 0, 100);
  }

  private List<Version> inEnvironment(Pacticipant p, Env e, ReadAhead ahead) {
    return rows.inEnvironment(e.id(), List.of(p.getId()), ahead.labels)
        .getOrDefault(p.getId(), List.of());
  }

  /**
   * The counterparts' versions implied by the destination, for all counterparts at once; a missing
   * entry means "any version that verified" (no destination).
   */
  private Map<Long, List<Version>> infer(
      Collection<Pacticipant> others,
      List<Resolved> resolved,
      Destination d,
      Env env,
      List<Long> pactsWith,
      ReadAhead ahead) {
    Map<Long, List<Version>> out = new HashMap<>();
    if (d.environment() != null) {
      Map<Long, List<Version>> in =
          rows.inEnvironment(
              env.id(),
              others.stream().map(Pacticipant::getId).toList(),
              ahead.labels,
              pactsWith,
              ahead.pacts);
      if (!pactsWith.isEmpty()) {
        in.values().forEach(vs -> vs.forEach(v -> ahead.pactsRead.add(v.getId())));
      }
      others.forEach(o -> out.put(o.getId(), in.getOrDefault(o.getId(), List.of())));
      return out;
    }
    for (Pacticipant other : others) {
      if (d.tag() != null) {
        out.put(other.getId(), versions.latestWithTag(other, d.tag()).stream().toList());
      } else if (d.mainBranch()) {
        out.put(
            other.getId(),
            other.getMainBranch() == null
                ? List.of()
                : versions.branchHead(other, other.getMainBranch()).stream().toList());
      } else if (d.latest()) {
        out.put(other.getId(), versions.latest(other).stream().toList());
      } else if (resolved.size() > 1) {
        out.put(
            other.getId(),
            resolved.stream()
                .filter(r -> r.pacticipant().getId().equals(other.getId()))
                .flatMap(r -> r.versions().stream())
                .toList());
      }
    }
    return out;
  }

  private boolean counts(Pacticipant other, List<Resolved> resolved, Destination d) {
    return d.any()
        || resolved.size() == 1
        || resolved.stream().anyMatch(r -> r.pacticipant().getId().equals(other.getId()));
  }

  /**
   * The matrix rows of the selected versions, as consumers (their pacts with each provider, against
   * the provider versions the destination implies) and as providers (the pacts of the consumer
   * versions the destination implies), from a handful of set-based statements ({@link MatrixRows})
   * whatever the number of rows.
   */
  private Map<String, Row> matrix(
      List<Resolved> resolved, Destination d, Env env, ReadAhead ahead) {
    List<Long> selectedVersionIds =
        resolved.stream()
            .flatMap(r -> r.versions().stream())
            .map(Version::getId)
            .distinct()
            .toList();
    List<Long> selectedProviders =
        resolved.stream()
            .filter(r -> !r.versions().isEmpty())
            .map(r -> r.pacticipant().getId())
            .distinct()
            .toList();
    MatrixRows.Counterparts counterparts = rows.counterparts(selectedVersionIds, selectedProviders);
    Map<Long, List<MatrixRows.Pub>> pubsOf = counterparts.publications();
    Map<Long, List<Long>> consumersOf = counterparts.consumers();

    Set<Long> otherIds = new LinkedHashSet<>();
    pubsOf
        .values()
        .forEach(list -> list.forEach(p -> otherIds.add(p.publication().getProviderId())));
    consumersOf.values().forEach(otherIds::addAll);
    Map<Long, Pacticipant> people = new HashMap<>();
    resolved.forEach(r -> people.put(r.pacticipant().getId(), r.pacticipant()));
    counterparts.pacticipants().forEach(people::putIfAbsent);
    List<Pacticipant> counted =
        otherIds.stream().map(people::get).filter(o -> counts(o, resolved, d)).toList();
    // the pacts of the consumers' versions in the environment come with those versions
    List<Long> providersWithConsumers =
        selectedProviders.stream().filter(consumersOf::containsKey).toList();
    Map<Long, List<Version>> inferred =
        infer(counted, resolved, d, env, providersWithConsumers, ahead);

    // the provider side: the consumer versions to check and their pacts with the selected providers
    Map<String, List<Version>> consumerVersions = new HashMap<>();
    Set<Long> cvIds = new LinkedHashSet<>();
    for (Resolved r : resolved) {
      if (r.versions().isEmpty()) {
        continue;
      }
      for (Long consumerId : consumersOf.getOrDefault(r.pacticipant().getId(), List.of())) {
        Pacticipant consumer = people.get(consumerId);
        if (!counts(consumer, resolved, d)) {
          continue;
        }
        List<Version> cvs = inferred.get(consumerId);
        if (cvs == null) {
          cvs =
              publications
                  .latest(r.pacticipant(), consumer)
                  .map(p -> versions.byId(p.getConsumerVersionId()))
                  .stream()
                  .toList();
        }
        consumerVersions.put(MatrixRows.key(r.pacticipant().getId(), consumerId), cvs);
        cvs.forEach(v -> cvIds.add(v.getId()));
      }
    }
    Map<String, MatrixRows.Pub> providerSidePubs = new HashMap<>(ahead.pacts);
    providerSidePubs.putAll(
        rows.publicationsFor(
            cvIds.stream().filter(id -> !ahead.pactsRead.contains(id)).toList(),
            selectedProviders));

    // every (content, provider version) pair whose latest verification decides a row, and the
    // contents verified by any version
    Set<Long> contentIds = new LinkedHashSet<>();
    Set<Long> pvIds = new LinkedHashSet<>();
    Set<Long> anyVersionContents = new LinkedHashSet<>();
    for (Resolved r : resolved) {
      for (Version sv : r.versions()) {
        for (MatrixRows.Pub pub : pubsOf.getOrDefault(sv.getId(), List.of())) {
          Pacticipant provider = people.get(pub.publication().getProviderId());
          if (!counts(provider, resolved, d)) {
            continue;
          }
          List<Version> pvs = inferred.get(provider.getId());
          if (pvs == null) {
            anyVersionContents.add(pub.content().getId());
          } else {
            contentIds.add(pub.content().getId());
            pvs.forEach(pv -> pvIds.add(pv.getId()));
          }
        }
        for (Long consumerId : consumersOf.getOrDefault(r.pacticipant().getId(), List.of())) {
          for (Version cv :
              consumerVersions.getOrDefault(
                  MatrixRows.key(r.pacticipant().getId(), consumerId), List.of())) {
            MatrixRows.Pub pub =
                providerSidePubs.get(MatrixRows.key(cv.getId(), r.pacticipant().getId()));
            if (pub != null) {
              contentIds.add(pub.content().getId());
              pvIds.add(sv.getId());
            }
          }
        }
      }
    }
    MatrixRows.Latest read = rows.latest(contentIds, pvIds);
    Map<String, Verification> latest = read.verifications();
    ahead.hints.putAll(read.hints());
    Map<Long, List<MatrixRows.Verified>> byAnyVersion = rows.verificationsOf(anyVersionContents);
    // without a destination, the provider versions with a provider contract are candidates too
    // (bi-directional)
    Map<Long, List<Version>> withContracts =
        anyVersionContents.isEmpty() || !contracts.anyPublished()
            ? Map.of()
            : contracts.versionsWithContracts(counted.stream().map(Pacticipant::getId).toList());

    Map<String, Row> out = new LinkedHashMap<>();
    for (Resolved r : resolved) {
      for (Version sv : r.versions()) {
        asConsumer(
            r.pacticipant(),
            sv,
            pubsOf.getOrDefault(sv.getId(), List.of()),
            resolved,
            d,
            people,
            inferred,
            latest,
            byAnyVersion,
            withContracts,
            out);
        asProvider(
            r.pacticipant(),
            sv,
            resolved,
            d,
            people,
            consumersOf,
            consumerVersions,
            providerSidePubs,
            latest,
            out);
      }
    }
    return out;
  }

  private void asConsumer(
      Pacticipant consumer,
      Version cv,
      List<MatrixRows.Pub> pubs,
      List<Resolved> resolved,
      Destination d,
      Map<Long, Pacticipant> people,
      Map<Long, List<Version>> inferred,
      Map<String, Verification> latest,
      Map<Long, List<MatrixRows.Verified>> byAnyVersion,
      Map<Long, List<Version>> withContracts,
      Map<String, Row> rows) {
    for (MatrixRows.Pub p : pubs) {
      PactPublication pub = p.publication();
      ContentRef content = p.content();
      Pacticipant provider = people.get(pub.getProviderId());
      if (!counts(provider, resolved, d)) {
        continue;
      }
      List<Version> pvs = inferred.get(provider.getId());
      if (pvs == null) {
        List<MatrixRows.Verified> all = byAnyVersion.getOrDefault(content.getId(), List.of());
        for (MatrixRows.Verified v : all) {
          put(
              rows,
              new Row(
                  consumer,
                  cv,
                  provider,
                  v.providerVersion(),
                  pub,
                  content,
                  v.verification(),
                  false));
        }
        List<Version> contractVersions = withContracts.getOrDefault(provider.getId(), List.of());
        for (Version pv : contractVersions) {
          put(rows, new Row(consumer, cv, provider, pv, pub, content, null, false));
        }
        if (all.isEmpty() && contractVersions.isEmpty()) {
          put(rows, new Row(consumer, cv, provider, null, pub, content, null, false));
        }
      } else if (pvs.isEmpty()) {
        put(rows, new Row(consumer, cv, provider, null, pub, content, null, false));
      } else {
        for (Version pv : pvs) {
          put(
              rows,
              new Row(
                  consumer,
                  cv,
                  provider,
                  pv,
                  pub,
                  content,
                  latest.get(MatrixRows.key(content.getId(), pv.getId())),
                  false));
        }
      }
    }
  }

  private void asProvider(
      Pacticipant provider,
      Version pv,
      List<Resolved> resolved,
      Destination d,
      Map<Long, Pacticipant> people,
      Map<Long, List<Long>> consumersOf,
      Map<String, List<Version>> consumerVersions,
      Map<String, MatrixRows.Pub> pubs,
      Map<String, Verification> latest,
      Map<String, Row> rows) {
    for (Long consumerId : consumersOf.getOrDefault(provider.getId(), List.of())) {
      Pacticipant consumer = people.get(consumerId);
      if (!counts(consumer, resolved, d)) {
        continue;
      }
      for (Version cv :
          consumerVersions.getOrDefault(MatrixRows.key(provider.getId(), consumerId), List.of())) {
        MatrixRows.Pub pub = pubs.get(MatrixRows.key(cv.getId(), provider.getId()));
        if (pub == null) {
          continue; // that consumer version has no pact with this provider: nothing to check
        }
        put(
            rows,
            new Row(
                consumer,
                cv,
                provider,
                pv,
                pub.publication(),
                pub.content(),
                latest.get(MatrixRows.key(pub.content().getId(), pv.getId())),
                false));
      }
    }
  }

  private static void put(Map<String, Row> rows, Row row) {
    String key =
        row.consumerVersion().getId()
            + "/"
            + row.provider().getId()
            + "/"
            + (row.providerVersion() == null ? "-" : row.providerVersion().getId());
    rows.putIfAbsent(key, row);
  }

  private static List<Row> latestBy(String latestBy, List<Row> rows) {
    if (!"cvp".equals(latestBy) && !"cp".equals(latestBy)) {
      return rows;
    }
    Map<String, Row> best = new LinkedHashMap<>();
    Comparator<Row> newer =
        Comparator.comparing((Row r) -> r.consumerVersion().getId())
            .thenComparing(r -> r.providerVersion() == null ? -1L : r.providerVersion().getId());
    for (Row r : rows) {
      String key =
          ("cp".equals(latestBy) ? r.consumer().getId() : r.consumerVersion().getId())
              + "/"
              + r.provider().getId();
      best.merge(key, r, (a, b) -> newer.compare(a, b) >= 0 ? a : b);
    }
    return new ArrayList<>(best.values());
  }

  private static Row ignore(Row row, List<Selector> ignores, Set<Long> specified) {
    boolean ignored =
        ignores.stream()
            .anyMatch(
                i ->
                    matches(i, row.provider(), row.providerVersion())
                            && !specifiedOnly(row.provider(), specified, row)
                        || matches(i, row.consumer(), row.consumerVersion())
                            && !specifiedOnly(row.consumer(), specified, row));
    return ignored
        ? new Row(
            row.consumer(),
            row.consumerVersion(),
            row.provider(),
            row.providerVersion(),
            row.publication(),
            row.content(),
            row.verification(),
            true,
            row.bidirectional())
        : row;
  }

  private static boolean specifiedOnly(Pacticipant p, Set<Long> specified, Row row) {
    return specified.contains(p.getId())
        && !(specified.contains(row.consumer().getId())
            && specified.contains(row.provider().getId()));
  }

  private static boolean matches(Selector ignore, Pacticipant p, Version v) {
    return ignore.pacticipant() != null
        && ignore.pacticipant().equals(p.getName())
        && (ignore.version() == null || (v != null && ignore.version().equals(v.getNumber())));
  }

  private String missingVersionReason(Resolved r) {
    Selector s = r.selector();
    String name = r.pacticipant().getName();
    if (s.version() != null) {
      return "No pacts or verifications have been published for version "
          + s.version()
          + " of "
          + name
          + ": the broker does not know this version. Publish its pacts (or verification results) under this exact version number, "
          + "usually the git SHA, before asking.";
    }
    if (s.environment() != null) {
      return "No version of "
          + name
          + " is currently recorded as deployed or released in environment "
          + s.environment()
          + ". Record deployments with pact broker record-deployment.";
    }
    if (s.branch() != null) {
      return "No version of "
          + name
          + " exists on branch "
          + s.branch()
          + ". Publish with --branch "
          + s.branch()
          + ".";
    }
    if (s.mainBranch()) {
      return r.pacticipant().getMainBranch() == null
          ? name
              + " has no main branch configured. Set it with pact broker create-or-update-pacticipant --name "
              + name
              + " --main-branch main."
          : "No version of "
              + name
              + " exists on its main branch "
              + r.pacticipant().getMainBranch()
              + ".";
    }
    if (s.tag() != null) {
      return "No version with tag " + s.tag() + " exists for " + name + ".";
    }
    return "No version of " + name + " exists yet.";
  }

  private String rowReason(Row row, Destination d, Env env, Map<Long, MatrixRows.Hint> hints) {
    String c = row.consumer().getName() + " (" + row.consumerVersion().getNumber() + ")";
    String providerName = row.provider().getName();
    if (row.providerVersion() == null) {
      String where;
      if (d.environment() != null) {
        where =
            "no version of "
                + providerName
                + " is currently recorded as deployed or released in environment "
                + d.environment()
                + ". Record "
                + providerName
                + "'s deployment (pact broker record-deployment --pacticipant "
                + providerName
                + " --version <sha> --environment "
                + d.environment()
                + "), or pass --ignore "
                + providerName
                + " if "
                + row.consumer().getName()
                + " really does not need it there.";
      } else if (d.tag() != null) {
        where = "no version of " + providerName + " has tag " + d.tag() + ".";
      } else if (d.mainBranch()) {
        where =
            row.provider().getMainBranch() == null
                ? providerName + " has no main branch configured."
                : "no version of "
                    + providerName
                    + " exists on its main branch "
                    + row.provider().getMainBranch()
                    + ".";
      } else if (d.latest()) {
        where = providerName + " has no versions.";
      } else {
        where =
            providerName
                + " has not published any verification result for the pact "
                + c
                + " published (content "
                + shortSha(row)
                + "). Run "
                + providerName
                + "'s verification and publish the results.";
      }
      return "There is no verified pact between " + c + " and " + providerName + ": " + where;
    }
    String p = providerName + " (" + row.providerVersion().getNumber() + ")";
    if (row.verifiedBidirectionally()) {
      return bidirectionalReason(row, c, p);
    }
    if (row.verification() == null) {
      return "There is no verified pact between "
          + c
          + " and "
          + p
          + ": "
          + providerName
          + " version "
          + row.providerVersion().getNumber()
          + (env != null ? " (in " + env.name() + ")" : "")
          + " has no verification result for the pact content "
          + shortSha(row)
          + " that "
          + c
          + " published. "
          + noVerificationHint(row, hints.get(row.content().getId()));
    }
    if (row.verification().isSuccess()) {
      return "The verification for the pact between " + c + " and " + p + " succeeded";
    }
    List<String> broke = FailedTests.describe(row.verification().getTestResults());
    String url = views.rowVerificationUrl(row);
    if (broke.isEmpty()) {
      return "The verification for the pact between "
          + c
          + " and "
          + p
          + " failed: see "
          + url
          + ". Fix the provider or the pact, then verify again.";
    }
    return "The verification for the pact between "
        + c
        + " and "
        + p
        + " failed: see "
        + url
        + "\n"
        + String.join("\n", broke)
        + "\nFix the provider or the pact, then verify again.";
  }

  /**
   * The reason of a row decided by a provider contract: what passed, or each incompatibility and
   * what to do.
   */
  private String bidirectionalReason(Row row, String c, String p) {
    BidirectionalResult b = row.bidirectional();
    String provider = row.provider().getName();
    String version = row.providerVersion().getNumber();
    String contract =
        "the provider contract of "
            + p
            + " (OpenAPI document "
            + b.contractSha().substring(0, 12)
            + ")";
    if (b.success()) {
      return "The pact between "
          + c
          + " and "
          + p
          + " is compatible with "
          + contract
          + ", whose self-verification succeeded "
          + "(verified bi-directionally)";
    }
    StringBuilder out = new StringBuilder();
    if (!b.comparison().compatible()) {
      List<ComparisonOutcome.Finding> errors = b.comparison().errors();
      out.append("The pact between ")
          .append(c)
          .append(" and ")
          .append(p)
          .append(" is not compatible with ")
          .append(contract)
          .append(" (bi-directional, ")
          .append(errors.size())
          .append(errors.size() == 1 ? " incompatibility" : " incompatibilities")
          .append("): see ")
          .append(
              contractViews.comparisonUrl(
                  provider, version, row.consumer().getName(), row.content().getSha()));
      errors.forEach(e -> out.append('\n').append(e.line()));
      out.append(
              "\nChange the consumer so that its pact fits the document, or document (and implement) what it needs in ")
          .append(provider)
          .append(", then publish again.");
      if (!b.selfVerificationPublished() || !b.selfVerificationSuccess()) {
        out.append('\n');
      }
    }
    if (!b.selfVerificationPublished()) {
      out.append("The provider contract of ")
          .append(p)
          .append(" was published without self-verification results (bi-directional): ")
          .append("nothing shows that ")
          .append(provider)
          .append(" implements its document. Publish it with --verification-success ")
          .append("(or --verification-exit-code) and --verification-results from a test of ")
          .append(provider)
          .append(" against it.");
    } else if (!b.selfVerificationSuccess()) {
      out.append("The self-verification of ")
          .append(contract)
          .append(" failed (bi-directional): ")
          .append(provider)
          .append(" does not implement its own document. See ")
          .append(contractViews.contractUrl(provider, version))
          .append("/self-verification, fix ")
          .append(provider)
          .append(" or the document, and publish again.");
    }
    return out.toString();
  }

  /**
   * Why a provider version has no result: verified under a branch name instead of a SHA, verified
   * by other versions only, or never. Only versions whose verification of this content succeeded
   * are recommended; versions whose verification failed are named as ones not to deploy.
   */
  private String noVerificationHint(Row row, MatrixRows.Hint hint) {
    String provider = row.provider().getName();
    List<String> verified = hint.verifiedBy();
    List<String> failed = hint.failedBy();
    if (verified.isEmpty() && failed.isEmpty()) {
      return provider
          + " has never verified this pact content: run its provider verification (this pact is selected by "
          + "{\"deployedOrReleased\":true} or {\"mainBranch\":true}) and publish the results under the provider's git SHA.";
    }
    if (hint.branchNamed() != null) {
      String number = hint.branchNamed();
      return provider
          + " verified this pact as version '"
          + number
          + "', which is a branch name, not a version: "
          + "results count for the exact provider version they were published under. Publish verification results with the provider's git "
          + "SHA "
          + "as the version and the branch separately (pact verifier --provider-version $GIT_SHA --provider-branch "
          + number
          + ").";
    }
    String runIt =
        "run the verification against "
            + provider
            + " "
            + row.providerVersion().getNumber()
            + " and publish the results.";
    String failedToo =
        failed.isEmpty()
            ? ""
            : " Its verification by "
                + provider
                + " version(s) "
                + String.join(", ", failed)
                + " FAILED: do not deploy those.";
    if (verified.isEmpty()) {
      return "No version of "
          + provider
          + " has verified it successfully: the verification by "
          + provider
          + " version(s) "
          + String.join(", ", failed)
          + " FAILED, so do not deploy those; fix "
          + provider
          + " or the pact, then "
          + runIt;
    }
    return "It was verified successfully by "
        + provider
        + " version(s) "
        + String.join(", ", verified)
        + ", not by this one: deploy a successfully verified version, or "
        + runIt
        + failedToo;
  }

  private static String shortSha(Row row) {
    String sha = row.content().getSha();
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
