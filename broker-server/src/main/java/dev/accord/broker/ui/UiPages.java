package dev.accord.broker.ui;

import dev.accord.broker.deployment.DeployedVersion;
import dev.accord.broker.deployment.DeploymentService;
import dev.accord.broker.deployment.ReleasedVersion;
import dev.accord.broker.environment.Environment;
import dev.accord.broker.environment.EnvironmentService;
import dev.accord.broker.matrix.DeployDecision;
import dev.accord.broker.matrix.MatrixLookup;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pact.PublicationService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.providercontract.BidirectionalResult;
import dev.accord.broker.verification.Verification;
import dev.accord.broker.verification.VerificationService;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.pact.json.PactFormatException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The read-only web UI under {@code /ui}: integrations, a pact as documentation, the matrix of a
 * pair, environments and can-i-deploy. Every page only reads; names and pact content reach the
 * templates as text ({@code th:text}), so Thymeleaf escapes them.
 */
@Controller
class UiPages {
  private static final int DEFAULT_MATRIX_LIMIT = 100;

  private final IntegrationRows index;
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final PublicationService publications;
  private final VerificationService verifications;
  private final EnvironmentService environments;
  private final DeploymentService deployments;
  private final MatrixLookup matrix;

  UiPages(
      IntegrationRows index,
      PacticipantService pacticipants,
      VersionService versions,
      PublicationService publications,
      VerificationService verifications,
      EnvironmentService environments,
      DeploymentService deployments,
      MatrixLookup matrix) {
    this.index = index;
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.publications = publications;
    this.verifications = verifications;
    this.environments = environments;
    this.deployments = deployments;
    this.matrix = matrix;
  }

  // ---- integrations ----

  record IntegrationView(IntegrationRows.Row row, String publishedAgo, String verifiedAgo) {}

  @GetMapping({"/ui", "/ui/"})
  String integrations(
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(required = false) String q,
      Model model) {
    int p = Math.max(1, page);
    IntegrationRows.Page result = index.page(p - 1, q);
    model.addAttribute(
        "integrations",
        result.rows().stream()
            .map(r -> new IntegrationView(r, Ages.ago(r.publishedAt()), Ages.ago(r.verifiedAt())))
            .toList());
    model.addAttribute("page", p);
    model.addAttribute("pages", result.pages());
    model.addAttribute("total", result.total());
    model.addAttribute("hasNext", result.hasNext());
    model.addAttribute("q", q == null ? "" : q);
    return "index";
  }

  // ---- a pact as documentation ----

  @GetMapping("/ui/pacts/provider/{provider}/consumer/{consumer}")
  String latestPact(@PathVariable String provider, @PathVariable String consumer, Model model) {
    Pacticipant p = pacticipant(provider);
    Pacticipant c = pacticipant(consumer);
    PactPublication publication =
        publications
            .latest(p, c)
            .orElseThrow(
                () ->
                    new PageNotFound(
                        c.getName() + " has not published a pact with " + p.getName() + "."));
    return pact(p, c, publication, true, model);
  }

  @GetMapping("/ui/pacts/provider/{provider}/consumer/{consumer}/version/{version}")
  String pactVersion(
      @PathVariable String provider,
      @PathVariable String consumer,
      @PathVariable String version,
      Model model) {
    Pacticipant p = pacticipant(provider);
    Pacticipant c = pacticipant(consumer);
    Version v =
        versions
            .find(c, version)
            .orElseThrow(
                () ->
                    new PageNotFound(
                        "The broker has no version " + version + " of " + c.getName() + "."));
    PactPublication publication =
        publications
            .forConsumerVersion(v, p)
            .orElseThrow(
                () ->
                    new PageNotFound(
                        c.getName()
                            + " version "
                            + version
                            + " has no pact with "
                            + p.getName()
                            + "."));
    return pact(p, c, publication, false, model);
  }

  private String pact(
      Pacticipant provider,
      Pacticipant consumer,
      PactPublication publication,
      boolean latest,
      Model model) {
    Version cv = versions.byId(publication.getConsumerVersionId());
    String json = publications.content(publication).getContent();
    PactDocumentation.Doc doc;
    try {
      doc =
          PactDocumentation.of(
              json,
              "the pact of "
                  + consumer.getName()
                  + " "
                  + cv.getNumber()
                  + " with "
                  + provider.getName());
    } catch (PactFormatException | IllegalArgumentException e) {
      doc = null;
      model.addAttribute("unreadable", e.getMessage());
    }
    Verification latestVerification =
        verifications.latestForContent(publication.getPactContentId()).orElse(null);
    model.addAttribute("provider", provider.getName());
    model.addAttribute("consumer", consumer.getName());
    model.addAttribute("consumerVersion", cv.getNumber());
    model.addAttribute("branches", versions.branchNames(cv));
    model.addAttribute("tags", versions.tagNames(cv));
    model.addAttribute("latest", latest);
    model.addAttribute("publishedAt", Hal.timestamp(publication.getCreatedAt()));
    model.addAttribute("publishedAgo", Ages.ago(publication.getCreatedAt()));
    model.addAttribute("status", status(latestVerification));
    model.addAttribute(
        "verifiedBy",
        latestVerification == null
            ? null
            : versions.byId(latestVerification.getProviderVersionId()).getNumber());
    model.addAttribute(
        "verifiedAgo",
        latestVerification == null ? null : Ages.ago(latestVerification.getCreatedAt()));
    model.addAttribute(
        "coverage",
        latestVerification == null ? null : CoverageView.of(latestVerification.getCoverage()));
    model.addAttribute("doc", doc);
    model.addAttribute("rawJson", json);
    return "pact";
  }

  // ---- the matrix of a pair ----

  /**
   * {@code bidirectional}: decided by the provider version's provider contract (no pact
   * verification).
   */
  record MatrixRowView(
      String consumerVersion,
      String consumerBranches,
      String providerVersion,
      String providerBranches,
      String status,
      String verifiedAt,
      String verifiedAgo,
      List<String> failure,
      boolean bidirectional) {}

  @GetMapping("/ui/matrix")
  String matrix(
      @RequestParam(required = false) String consumer,
      @RequestParam(required = false) String provider,
      @RequestParam(required = false) String consumerVersion,
      @RequestParam(required = false) String consumerBranch,
      @RequestParam(required = false) String providerVersion,
      @RequestParam(required = false) String providerBranch,
      @RequestParam(defaultValue = "false") boolean successOnly,
      @RequestParam(defaultValue = "" + DEFAULT_MATRIX_LIMIT) int limit,
      Model model) {
    model.addAttribute("consumer", blank(consumer));
    model.addAttribute("provider", blank(provider));
    model.addAttribute("consumerVersion", blank(consumerVersion));
    model.addAttribute("consumerBranch", blank(consumerBranch));
    model.addAttribute("providerVersion", blank(providerVersion));
    model.addAttribute("providerBranch", blank(providerBranch));
    model.addAttribute("successOnly", successOnly);
    int max = Math.min(Math.max(1, limit), 1000);
    model.addAttribute("limit", max);
    if (blank(consumer) == null || blank(provider) == null) {
      model.addAttribute("rows", null);
      return "matrix";
    }
    Pacticipant c = pacticipant(consumer);
    Pacticipant p = pacticipant(provider);
    DeployDecision decision =
        matrix.consumerVersions(c.getName(), blank(consumerVersion), blank(consumerBranch));
    Map<Long, String> branchCache = new HashMap<>();
    Function<Version, String> branchesOf =
        v ->
            v == null
                ? ""
                : branchCache.computeIfAbsent(
                    v.getId(), id -> String.join(", ", versions.branchNames(v)));
    List<DeployDecision.Row> kept = new ArrayList<>();
    for (DeployDecision.Row row : decision.rows()) {
      if (!row.provider().getId().equals(p.getId()) || !row.consumer().getId().equals(c.getId())) {
        continue;
      }
      Version pv = row.providerVersion();
      if (blank(providerVersion) != null
          && (pv == null || !pv.getNumber().equals(providerVersion))) {
        continue;
      }
      if (blank(providerBranch) != null
          && (pv == null || !versions.branchNames(pv).contains(providerBranch))) {
        continue;
      }
      if (successOnly && !Boolean.TRUE.equals(row.success())) {
        continue;
      }
      kept.add(row);
    }
    kept.sort(
        Comparator.comparing((DeployDecision.Row r) -> r.consumerVersion().getId())
            .reversed()
            .thenComparing(
                r -> r.providerVersion() == null ? Long.MAX_VALUE : -r.providerVersion().getId()));
    List<MatrixRowView> rows =
        kept.stream()
            .limit(max)
            .map(
                r ->
                    r.verifiedBidirectionally()
                        ? bidirectionalRow(r, branchesOf)
                        : new MatrixRowView(
                            r.consumerVersion().getNumber(),
                            branchesOf.apply(r.consumerVersion()),
                            r.providerVersion() == null ? null : r.providerVersion().getNumber(),
                            branchesOf.apply(r.providerVersion()),
                            status(r.verification()),
                            r.verification() == null
                                ? null
                                : Hal.timestamp(r.verification().getCreatedAt()),
                            r.verification() == null
                                ? null
                                : Ages.ago(r.verification().getCreatedAt()),
                            MatrixLookup.failureDetails(r.verification()),
                            false))
            .toList();
    model.addAttribute("consumer", c.getName());
    model.addAttribute("provider", p.getName());
    model.addAttribute("rows", rows);
    model.addAttribute("more", kept.size() > max);
    return "matrix";
  }

  /**
   * A row decided by a provider contract: the incompatibilities, or the self-verification, as its
   * failure details.
   */
  private static MatrixRowView bidirectionalRow(
      DeployDecision.Row r, Function<Version, String> branchesOf) {
    BidirectionalResult b = r.bidirectional();
    List<String> failure = new ArrayList<>();
    b.comparison().errors().forEach(e -> failure.add(e.line()));
    if (!b.selfVerificationPublished()) {
      failure.add("the provider contract was published without self-verification results");
    } else if (!b.selfVerificationSuccess()) {
      failure.add("the provider's self-verification against its document failed");
    }
    return new MatrixRowView(
        r.consumerVersion().getNumber(),
        branchesOf.apply(r.consumerVersion()),
        r.providerVersion().getNumber(),
        branchesOf.apply(r.providerVersion()),
        b.success() ? "verified" : "failed",
        Hal.timestamp(b.comparison().comparedAt()),
        Ages.ago(b.comparison().comparedAt()),
        failure,
        true);
  }

  // ---- environments ----

  record Deployed(String pacticipant, String version, String instance, String at, String ago) {}

  record EnvironmentView(
      String name,
      String displayName,
      boolean production,
      List<Deployed> deployed,
      List<Deployed> released) {}

  @GetMapping("/ui/environments")
  String environments(Model model) {
    Map<Long, String> names = new HashMap<>();
    Map<Long, String> numbers = new HashMap<>();
    Function<Long, String> name =
        id -> names.computeIfAbsent(id, i -> pacticipants.byId(i).getName());
    Function<Long, String> number =
        id -> numbers.computeIfAbsent(id, i -> versions.byId(i).getNumber());
    Map<Long, List<Deployed>> deployed = new HashMap<>();
    for (DeployedVersion d : deployments.allCurrentlyDeployed()) {
      deployed
          .computeIfAbsent(d.getEnvironmentId(), k -> new ArrayList<>())
          .add(
              new Deployed(
                  name.apply(d.getPacticipantId()),
                  number.apply(d.getVersionId()),
                  d.getApplicationInstance(),
                  Hal.timestamp(d.getCreatedAt()),
                  Ages.ago(d.getCreatedAt())));
    }
    Map<Long, List<Deployed>> released = new HashMap<>();
    for (ReleasedVersion r : deployments.allCurrentlySupported()) {
      released
          .computeIfAbsent(r.getEnvironmentId(), k -> new ArrayList<>())
          .add(
              new Deployed(
                  name.apply(r.getPacticipantId()),
                  number.apply(r.getVersionId()),
                  null,
                  Hal.timestamp(r.getCreatedAt()),
                  Ages.ago(r.getCreatedAt())));
    }
    Comparator<Deployed> order =
        Comparator.comparing(Deployed::pacticipant)
            .thenComparing(d -> d.instance() == null ? "" : d.instance());
    List<EnvironmentView> views =
        environments.all().stream()
            .sorted(
                Comparator.comparing((Environment e) -> !e.isProduction())
                    .thenComparing(Environment::getName))
            .map(
                e ->
                    new EnvironmentView(
                        e.getName(),
                        e.getDisplayName(),
                        e.isProduction(),
                        deployed.getOrDefault(e.getId(), List.of()).stream().sorted(order).toList(),
                        released.getOrDefault(e.getId(), List.of()).stream()
                            .sorted(order)
                            .toList()))
            .toList();
    model.addAttribute("environments", views);
    return "environments";
  }

  // ---- can-i-deploy ----

  record ReasonView(String type, String text) {}

  record DecisionRowView(
      String consumer,
      String consumerVersion,
      String provider,
      String providerVersion,
      String status,
      boolean ignored) {}

  @GetMapping("/ui/can-i-deploy")
  String canIDeploy(
      @RequestParam(required = false) String pacticipant,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String environment,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("pacticipant", blank(pacticipant));
    model.addAttribute("version", blank(version));
    model.addAttribute("environment", blank(environment));
    model.addAttribute(
        "environments", environments.all().stream().map(Environment::getName).sorted().toList());
    model.addAttribute(
        "pacticipants", pacticipants.all().stream().map(Pacticipant::getName).sorted().toList());
    if (blank(pacticipant) == null || blank(version) == null || blank(environment) == null) {
      if (pacticipant != null || version != null || environment != null) {
        model.addAttribute(
            "error",
            "Give all three: the pacticipant, its version (usually the git SHA) and the environment to deploy to.");
        response.setStatus(400);
      }
      return "can-i-deploy";
    }
    DeployDecision decision;
    try {
      decision = matrix.canIDeploy(pacticipant.trim(), version.trim(), environment.trim());
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      response.setStatus(e.status().value());
      return "can-i-deploy";
    }
    model.addAttribute(
        "verdict",
        decision.deployable() == null ? "unknown" : decision.deployable() ? "yes" : "no");
    model.addAttribute(
        "reasons",
        decision.reasons().stream().map(r -> new ReasonView(r.type(), r.text())).toList());
    model.addAttribute(
        "rows",
        decision.rows().stream()
            .map(
                r ->
                    new DecisionRowView(
                        r.consumer().getName(),
                        r.consumerVersion().getNumber(),
                        r.provider().getName(),
                        r.providerVersion() == null ? null : r.providerVersion().getNumber(),
                        r.verifiedBidirectionally()
                            ? (r.bidirectional().success() ? "verified" : "failed")
                            : status(r.verification()),
                        r.ignored()))
            .toList());
    return "can-i-deploy";
  }

  private Pacticipant pacticipant(String name) {
    return pacticipants
        .find(name)
        .orElseThrow(
            () ->
                new PageNotFound(
                    "The broker knows no pacticipant named '"
                        + name
                        + "'. Names are case-sensitive; the integrations page lists every consumer and provider."));
  }

  static String status(Verification v) {
    return v == null ? "unverified" : v.isSuccess() ? "verified" : "failed";
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
