package dev.accord.broker.client;

import dev.accord.broker.client.http.Http1Client;
import dev.accord.broker.client.internal.AccordVersion;
import dev.accord.broker.client.internal.BrokerHttp;
import dev.accord.broker.client.internal.Hal;
import dev.accord.broker.client.internal.HalTransport;
import dev.accord.broker.client.internal.Http1WithRedirects;
import dev.accord.broker.client.internal.JavaNetHttp;
import dev.accord.pact.json.Json;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of the Pact Broker HTTP API (HAL), for Accord's broker and any Pact Broker.
 *
 * <pre>{@code
 * PactBrokerClient broker = PactBrokerClient.builder()
 *     .baseUrl("https://broker.example.com")
 *     .bearerToken(System.getenv("PACT_BROKER_TOKEN"))
 *     .build();
 * for (PactForVerification p : broker.pactsForVerification(
 *     "products", List.of(ConsumerVersionSelector.mainBranch()), "main", true, null)) {
 *   BrokerPact pact = broker.fetchPact(p.url());
 *   // verify pact.json() ...
 *   broker.publishVerificationResults(pact.publishVerificationResultsUrl().orElseThrow(),
 *       VerificationResult.of("products", gitSha, true).withBranch("main"));
 * }
 * }</pre>
 *
 * <p>Configuration comes from the builder, then system properties ({@code pactbroker.url}, {@code
 * pactbroker.auth.token}, {@code pactbroker.auth.username}, {@code pactbroker.auth.password}), then
 * environment variables ({@code PACT_BROKER_BASE_URL}, {@code PACT_BROKER_TOKEN}, {@code
 * PACT_BROKER_USERNAME}, {@code PACT_BROKER_PASSWORD}, {@code PACT_BROKER_HTTP_RETRIES}); {@link
 * #configuration()} says where each value came from. A token wins over a username.
 *
 * <p>Requests answered with 5xx, 408 or 429, and connection failures, are retried with exponential
 * back-off (0.5 s, 1 s, 2 s, ... up to 8 attempts by default), waiting as long as {@code
 * Retry-After} says when the broker sends it. A POST is retried that way only when repeating it
 * cannot record anything twice: publishing contracts (identical content for a version is accepted
 * again), asking for the pacts to verify, creating a pacticipant, and publishing a verification
 * result, which carries an {@code Idempotency-Key} header the Accord broker honours. Other POSTs
 * (creating an environment, recording a deployment or release) are retried only when the broker
 * cannot have acted on them: the connection was refused, or it answered 429 or 503. Every failure
 * is a {@link BrokerException} naming the request, the status and the broker's own errors.
 * Instances are thread-safe.
 */
public final class PactBrokerClient {

  /** Accord's version, as sent in the User-Agent and in {@code verifiedBy}. */
  public static final String VERSION = AccordVersion.value();

  private final HalTransport http;
  private final List<String> configuration;

  private PactBrokerClient(HalTransport http, List<String> configuration) {
    this.http = http;
    this.configuration = List.copyOf(configuration);
  }

  /** A builder; values not set on it come from system properties, then environment variables. */
  public static Builder builder() {
    return new Builder();
  }

  /** The broker base URL, without a trailing slash. */
  public String baseUrl() {
    return http.baseUrl();
  }

  /**
   * The effective configuration and where each value came from, one line each, e.g. {@code broker
   * URL: http://localhost:9292 (from PACT_BROKER_BASE_URL)}. Secrets are masked.
   */
  public List<String> configuration() {
    return configuration;
  }

  /** The transport, for the other operation groups of this package. */
  HalTransport transport() {
    return http;
  }

  // ---- provider verification ------------------------------------------------------------

  /**
   * The pacts a provider must verify, with pending and WIP status and the broker's notices. Uses
   * {@code pb:provider-pacts-for-verification}; against a broker too old to offer it, and with no
   * selectors, falls back to the latest pact of each consumer ({@code pb:latest-provider-pacts}).
   *
   * @param provider the provider's name
   * @param selectors consumer version selectors; empty for the broker's defaults (main branch,
   *     deployed, released)
   * @param providerBranch the branch of the provider version being verified, or null; needed for
   *     pending and WIP pacts and for {@code matchingBranch}
   * @param includePending whether pacts the provider never verified on its branch come back as
   *     pending
   * @param includeWipPactsSince include work-in-progress pacts published since this date, or null
   */
  public List<PactForVerification> pactsForVerification(
      String provider,
      List<ConsumerVersionSelector> selectors,
      String providerBranch,
      boolean includePending,
      LocalDate includeWipPactsSince) {
    return pactsForVerification(
        provider, selectors, providerBranch, List.of(), includePending, includeWipPactsSince);
  }

  /**
   * As {@link #pactsForVerification(String, List, String, boolean, LocalDate)}, with provider
   * version tags (the legacy alternative to a branch for pending and WIP pacts).
   */
  public List<PactForVerification> pactsForVerification(
      String provider,
      List<ConsumerVersionSelector> selectors,
      String providerBranch,
      List<String> providerTags,
      boolean includePending,
      LocalDate includeWipPactsSince) {
    Objects.requireNonNull(provider, "provider");
    List<ConsumerVersionSelector> chosen = selectors == null ? List.of() : selectors;
    if (!http.hasRelation("pb:provider-pacts-for-verification")) {
      if (!chosen.isEmpty() || includeWipPactsSince != null) {
        // fail here with the relation error rather than silently ignoring the selectors
        http.relation(
            "pb:provider-pacts-for-verification",
            Map.of("provider", provider),
            "select pacts with consumer version selectors");
      }
      return latestProviderPacts(provider);
    }
    String url =
        http.relation(
            "pb:provider-pacts-for-verification",
            Map.of("provider", provider),
            "fetch the pacts to verify");
    ObjectNode body = HalTransport.object();
    if (providerTags != null && !providerTags.isEmpty()) {
      ArrayNode tags = body.putArray("providerVersionTags");
      providerTags.forEach(tags::add);
    }
    body.put("includePendingStatus", includePending);
    if (includeWipPactsSince != null) {
      body.put("includeWipPactsSince", includeWipPactsSince.toString());
    }
    ArrayNode selectorArray = body.putArray("consumerVersionSelectors");
    for (ConsumerVersionSelector selector : chosen) {
      selectorArray.add(Json.parse(selector.toJson()));
    }
    if (providerBranch != null && !providerBranch.isBlank()) {
      body.put("providerVersionBranch", providerBranch);
    }
    JsonNode response = http.postIdempotent(url, body, Map.of()).body();
    List<PactForVerification> pacts = new ArrayList<>();
    for (JsonNode pact : Hal.embedded(response, "pacts")) {
      String href =
          Hal.href(pact, "self")
              .orElseThrow(
                  () ->
                      new BrokerException(
                          "POST "
                              + url
                              + " returned a pact without _links.self.href: "
                              + Json.write(pact),
                          "POST",
                          url,
                          200,
                          List.of(),
                          List.of(),
                          null));
      JsonNode props = pact.path("verificationProperties");
      List<VerificationNotice> notices = new ArrayList<>();
      for (JsonNode n : props.path("notices")) {
        notices.add(
            new VerificationNotice(n.path("when").asString(""), n.path("text").asString("")));
      }
      pacts.add(
          new PactForVerification(
              http.resolve(href),
              pact.path("_links").path("self").path("name").asString(""),
              pact.path("shortDescription").asString(""),
              props.path("pending").asBoolean(false),
              props.path("wip").asBoolean(false),
              notices));
    }
    return pacts;
  }

  private List<PactForVerification> latestProviderPacts(String provider) {
    String url =
        http.relation(
            "pb:latest-provider-pacts",
            Map.of("provider", provider),
            "fetch the latest pacts of a provider");
    JsonNode response = http.get(url).body();
    List<JsonNode> links = Hal.links(response, "pb:pacts");
    if (links.isEmpty()) {
      links = Hal.links(response, "pacts");
    }
    List<PactForVerification> pacts = new ArrayList<>();
    for (JsonNode link : links) {
      String href = link.path("href").asString("");
      if (!href.isEmpty()) {
        pacts.add(
            new PactForVerification(
                http.resolve(href),
                link.path("name").asString(link.path("title").asString("")),
                "latest",
                false,
                false,
                List.of()));
      }
    }
    return pacts;
  }

  /**
   * Fetches a pact document by URL (from {@link PactForVerification#url()} or any pact link).
   *
   * @throws BrokerException when it cannot be fetched or is not a JSON object
   */
  public BrokerPact fetchPact(String url) {
    HalTransport.Response response = http.get(http.resolve(url));
    JsonNode doc = response.body();
    if (!doc.isObject() || doc.isEmpty()) {
      throw new BrokerException(
          "GET "
              + url
              + " did not return a pact: expected a JSON object with consumer, provider and interactions, got: "
              + abbreviate(response.text()),
          "GET",
          url,
          response.status(),
          List.of(),
          List.of(),
          null);
    }
    String consumer =
        linkName(doc, "pb:consumer").orElse(doc.path("consumer").path("name").asString(""));
    String provider =
        linkName(doc, "pb:provider").orElse(doc.path("provider").path("name").asString(""));
    return new BrokerPact(
        response.url(),
        response.text(),
        consumer,
        provider,
        linkName(doc, "pb:consumer-version"),
        Hal.href(doc, "pb:publish-verification-results").map(http::resolve));
  }

  private static Optional<String> linkName(JsonNode doc, String rel) {
    return Hal.links(doc, rel).stream()
        .map(l -> l.path("name").asString(""))
        .filter(s -> !s.isEmpty())
        .findFirst();
  }

  /**
   * Publishes the verification result of a pact fetched with {@link #fetchPact(String)}.
   *
   * @throws BrokerException when the broker offered no {@code pb:publish-verification-results} link
   *     for this pact, or refused the result
   */
  public PublishedVerification publishVerificationResults(
      BrokerPact pact, VerificationResult result) {
    String link =
        pact.publishVerificationResultsUrl()
            .orElseThrow(
                () ->
                    new BrokerException(
                        "Cannot publish the verification result of "
                            + pact.url()
                            + ": the broker's pact has no"
                            + " 'pb:publish-verification-results' link. Fetch the pact from the broker's pacts-for-verification"
                            + " or pact-version URL, not from a file or a URL outside the broker.",
                        "GET",
                        pact.url(),
                        200,
                        List.of(),
                        List.of(),
                        null));
    return publishVerificationResults(link, result);
  }

  /**
   * Publishes a verification result: records the provider version's branch and tags (when given),
   * then POSTs the result to {@code link}. A failure is an exception, never a log line.
   *
   * @param link the pact's {@code pb:publish-verification-results} href
   * @return the published result's URL and recorded outcome
   */
  public PublishedVerification publishVerificationResults(String link, VerificationResult result) {
    Objects.requireNonNull(link, "link");
    if (result.branch() != null && !result.branch().isBlank()) {
      String url =
          http.relation(
              "pb:pacticipant-branch-version",
              Map.of(
                  "pacticipant",
                  result.provider(),
                  "branch",
                  result.branch(),
                  "version",
                  result.providerVersion()),
              "record the provider version's branch before publishing results (Pact Broker 2.86.0 or later)");
      http.put(url, HalTransport.object());
    }
    for (String tag : result.tags()) {
      String url =
          http.relation(
              "pb:pacticipant-version-tag",
              Map.of(
                  "pacticipant",
                  result.provider(),
                  "version",
                  result.providerVersion(),
                  "tag",
                  tag),
              "tag the provider version before publishing results");
      http.put(url, HalTransport.object().put("name", tag));
    }
    ObjectNode body = HalTransport.object();
    body.put("providerApplicationVersion", result.providerVersion());
    body.put("success", result.success());
    if (result.buildUrl() != null && !result.buildUrl().isBlank()) {
      body.put("buildUrl", result.buildUrl());
    }
    ArrayNode tests = body.putArray("testResults");
    for (TestResult t : result.testResults()) {
      ObjectNode node = tests.addObject();
      node.put("interactionId", t.interactionId());
      node.put("interactionDescription", t.interactionDescription());
      node.put("success", t.success());
      if (!t.mismatches().isEmpty()) {
        ArrayNode mismatches = node.putArray("mismatches");
        for (TestResult.Mismatch m : t.mismatches()) {
          ObjectNode mm = mismatches.addObject();
          mm.put("attribute", m.attribute());
          if (m.path() != null) {
            mm.put("identifier", m.path());
          }
          mm.put("description", m.description());
        }
      }
    }
    if (result.coverage() != null) {
      JsonNode coverage = Json.mapper().readTree(result.coverage());
      if (!coverage.isObject()) {
        throw new IllegalArgumentException(
            "The verification result's coverage must be a JSON object, was: " + result.coverage());
      }
      body.set("coverage", coverage);
    }
    ObjectNode verifiedBy = body.putObject("verifiedBy");
    verifiedBy.put("implementation", "Accord");
    verifiedBy.put("version", VERSION);
    HalTransport.Response response =
        http.postIdempotent(
            http.resolve(link), body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    String url = response.location().or(() -> Hal.href(response.body(), "self")).orElse(link);
    return new PublishedVerification(
        url, response.body().path("success").asBoolean(result.success()));
  }

  // ---- publishing -----------------------------------------------------------------------

  /**
   * Publishes pacts under one consumer version, one request per consumer/provider pair, through
   * {@code pb:publish-contracts} ({@code POST /contracts/publish}). A broker without that relation
   * (before 2.86) gets the legacy sequence instead: tags, branch, then {@code PUT pb:publish-pact}.
   * Stops at the first refusal, so pairs published before it stay published.
   *
   * @return one entry per published pact, with the broker's notices
   * @throws BrokerException e.g. 409 when the pact for this consumer version already exists with
   *     different content (publish under a new version, ideally the git SHA)
   */
  public List<PublishedContract> publishContracts(PublishRequest request) {
    List<PublishedContract> published = new ArrayList<>();
    boolean modern = http.hasRelation("pb:publish-contracts");
    for (Contract contract : request.contracts()) {
      published.add(modern ? publishContract(request, contract) : publishLegacy(request, contract));
    }
    return published;
  }

  private PublishedContract publishContract(PublishRequest request, Contract contract) {
    String url = http.relation("pb:publish-contracts", Map.of(), "publish contracts");
    ObjectNode body = HalTransport.object();
    body.put("pacticipantName", contract.consumer());
    body.put("pacticipantVersionNumber", request.consumerVersion());
    if (request.branch() != null && !request.branch().isBlank()) {
      body.put("branch", request.branch());
    }
    if (!request.tags().isEmpty()) {
      ArrayNode tags = body.putArray("tags");
      request.tags().forEach(tags::add);
    }
    if (request.buildUrl() != null && !request.buildUrl().isBlank()) {
      body.put("buildUrl", request.buildUrl());
    }
    ObjectNode c = body.putArray("contracts").addObject();
    c.put("consumerName", contract.consumer());
    c.put("providerName", contract.provider());
    c.put("specification", "pact");
    c.put("contentType", "application/json");
    c.put(
        "content",
        Base64.getEncoder().encodeToString(contract.json().getBytes(StandardCharsets.UTF_8)));
    c.put("onConflict", request.merge() ? "merge" : "overwrite");
    JsonNode response = http.postIdempotent(url, body, Map.of()).body();
    Optional<String> pactUrl =
        Hal.links(response, "pb:contracts").stream()
            .map(l -> l.path("href").asString(""))
            .filter(s -> !s.isEmpty())
            .findFirst();
    return new PublishedContract(
        contract.consumer(),
        contract.provider(),
        request.consumerVersion(),
        pactUrl,
        HalTransport.notices(response),
        false);
  }

  private PublishedContract publishLegacy(PublishRequest request, Contract contract) {
    for (String tag : request.tags()) {
      http.put(
          http.relation(
              "pb:pacticipant-version-tag",
              Map.of(
                  "pacticipant",
                  contract.consumer(),
                  "version",
                  request.consumerVersion(),
                  "tag",
                  tag),
              "tag the consumer version"),
          HalTransport.object().put("name", tag));
    }
    if (request.branch() != null && !request.branch().isBlank()) {
      http.put(
          http.relation(
              "pb:pacticipant-branch-version",
              Map.of(
                  "pacticipant",
                  contract.consumer(),
                  "branch",
                  request.branch(),
                  "version",
                  request.consumerVersion()),
              "record the consumer version's branch"),
          HalTransport.object());
    }
    String url =
        http.relation(
            "pb:publish-pact",
            Map.of(
                "provider",
                contract.provider(),
                "consumer",
                contract.consumer(),
                "consumerApplicationVersion",
                request.consumerVersion()),
            "publish a pact");
    HalTransport.Response response =
        http.send(
            request.merge() ? "PATCH" : "PUT",
            url,
            Json.parse(contract.json()),
            "application/json");
    return new PublishedContract(
        contract.consumer(),
        contract.provider(),
        request.consumerVersion(),
        Optional.of(response.url()),
        List.of(),
        true);
  }

  // ---- can-i-deploy ---------------------------------------------------------------------

  /**
   * Asks the matrix whether the selected versions can be deployed ({@code GET /matrix}).
   *
   * @throws BrokerException when the broker refuses the question (e.g. 400 "Pacticipant X not
   *     found")
   */
  public DeployDecision canIDeploy(CanIDeployQuery query) {
    String url = http.baseUrl() + "/matrix?" + MatrixQueries.queryString(query);
    HalTransport.Response response = http.get(url);
    return MatrixQueries.decision(response.body(), response.text(), url);
  }

  /**
   * Asks whether a version can be merged into the main branch: is it compatible with the latest
   * main-branch version of every integrated pacticipant.
   */
  public DeployDecision canIMerge(List<MatrixSelector> selectors) {
    return canIDeploy(CanIDeployQuery.of(selectors).withMainBranch());
  }

  // ---- environments ---------------------------------------------------------------------

  /** Every environment ({@code GET pb:environments}). */
  public List<Environment> environments() {
    JsonNode response =
        http.get(http.relation("pb:environments", Map.of(), "list environments")).body();
    List<Environment> out = new ArrayList<>();
    for (JsonNode e : Hal.embedded(response, "environments")) {
      out.add(environment(e));
    }
    return out;
  }

  /** The environment with this name, if the broker has it. */
  public Optional<Environment> environment(String name) {
    return environments().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * Creates an environment ({@code POST pb:environments}).
   *
   * @throws BrokerException e.g. 400 when the name is taken or contains spaces
   */
  public Environment createEnvironment(NewEnvironment environment) {
    ObjectNode body = HalTransport.object();
    body.put("name", environment.name());
    if (environment.displayName() != null) {
      body.put("displayName", environment.displayName());
    }
    body.put("production", environment.production());
    if (environment.contactName() != null || environment.contactEmail() != null) {
      ObjectNode contact = body.putArray("contacts").addObject();
      if (environment.contactName() != null) {
        contact.put("name", environment.contactName());
      }
      if (environment.contactEmail() != null) {
        contact.putObject("details").put("emailAddress", environment.contactEmail());
      }
    }
    return environment(
        http.post(http.relation("pb:environments", Map.of(), "create an environment"), body)
            .body());
  }

  private static Environment environment(JsonNode e) {
    String name = e.path("name").asString("");
    return new Environment(
        e.path("uuid").asString(""),
        name,
        e.path("displayName").asString(name),
        e.path("production").asBoolean(false),
        Hal.text(e, "createdAt"));
  }

  private Environment requireEnvironment(String name) {
    List<Environment> all = environments();
    return all.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new BrokerException(
                    "Environment '"
                        + name
                        + "' not found in the broker at "
                        + http.baseUrl()
                        + ". Known environments: "
                        + (all.isEmpty()
                            ? "(none)"
                            : String.join(", ", all.stream().map(Environment::name).toList()))
                        + ".\n  Create it with: accord create-environment --name "
                        + name,
                    "GET",
                    http.baseUrl() + "/environments",
                    0,
                    List.of(),
                    List.of(),
                    null));
  }

  // ---- deployments and releases ---------------------------------------------------------

  /**
   * Records that a version is deployed to an environment, replacing the version previously deployed
   * there (for the same application instance).
   *
   * @param applicationInstance the instance (blue/green, region ...), or null
   * @throws BrokerException when the version or the environment does not exist
   */
  public Deployment recordDeployment(
      String pacticipant, String version, String environment, String applicationInstance) {
    String url =
        recordLink(pacticipant, version, environment, "pb:record-deployment", "deployment");
    ObjectNode body = HalTransport.object();
    if (applicationInstance != null && !applicationInstance.isBlank()) {
      body.put("applicationInstance", applicationInstance);
      body.put("target", applicationInstance);
    }
    HalTransport.Response response = http.post(url, body);
    String self = response.location().or(() -> Hal.href(response.body(), "self")).orElse(url);
    return new Deployment(pacticipant, version, environment, applicationInstance, self);
  }

  /** Records that a version is released to an environment (several can be supported at once). */
  public Release recordRelease(String pacticipant, String version, String environment) {
    String url = recordLink(pacticipant, version, environment, "pb:record-release", "release");
    HalTransport.Response response = http.post(url, HalTransport.object());
    String self = response.location().or(() -> Hal.href(response.body(), "self")).orElse(url);
    return new Release(pacticipant, version, environment, self);
  }

  private String recordLink(
      String pacticipant, String version, String environment, String rel, String what) {
    String versionUrl = versionUrl(pacticipant, version);
    JsonNode resource;
    try {
      resource = http.get(versionUrl).body();
    } catch (BrokerException e) {
      if (e.isNotFound()) {
        throw new BrokerException(
            "Cannot record "
                + what
                + ": version "
                + version
                + " of "
                + pacticipant
                + " does not exist in the broker (GET "
                + versionUrl
                + " answered 404).\n  Publish pacts or verification results for it first, or check the"
                + " --pacticipant and --version values.",
            "GET",
            versionUrl,
            404,
            e.errors(),
            e.notices(),
            e);
      }
      throw e;
    }
    List<JsonNode> links = Hal.links(resource, rel);
    if (links.isEmpty()) {
      throw new BrokerException(
          "Cannot record "
              + what
              + ": the broker's version resource (GET "
              + versionUrl
              + ") has no '"
              + rel
              + "' links. The broker may be older than 2.80, which introduced deployments and releases.",
          "GET",
          versionUrl,
          200,
          List.of(),
          List.of(),
          null);
    }
    for (JsonNode link : links) {
      if (environment.equals(link.path("name").asString(""))) {
        return http.resolve(link.path("href").asString(""));
      }
    }
    List<String> names = links.stream().map(l -> l.path("name").asString("")).toList();
    throw new BrokerException(
        "Environment '"
            + environment
            + "' does not exist in the broker. Known environments: "
            + String.join(", ", names)
            + ".\n  Create it with: accord create-environment --name "
            + environment,
        "GET",
        versionUrl,
        200,
        List.of(),
        List.of(),
        null);
  }

  private String versionUrl(String pacticipant, String version) {
    return http.hasRelation("pb:pacticipant-version")
        ? http.relation(
            "pb:pacticipant-version",
            Map.of("pacticipant", pacticipant, "version", version),
            "find a version")
        : http.baseUrl()
            + "/pacticipants/"
            + Hal.encode(pacticipant)
            + "/versions/"
            + Hal.encode(version);
  }

  /**
   * Records that the version of a pacticipant deployed to an environment (and application instance)
   * is no longer there.
   *
   * @param applicationInstance the instance, or null for deployments recorded without one
   * @return the undeployed records
   * @throws BrokerException when nothing matching is currently deployed, naming the instances that
   *     are
   */
  public List<Deployment> recordUndeployment(
      String pacticipant, String environment, String applicationInstance) {
    Environment env = requireEnvironment(environment);
    JsonNode envResource =
        http.get(http.relation("pb:environment", Map.of("uuid", env.uuid()), "read an environment"))
            .body();
    String href =
        Hal.href(envResource, "pb:currently-deployed-deployed-versions")
            .or(() -> Hal.href(envResource, "pb:currently-deployed-versions"))
            .orElseThrow(
                () ->
                    new BrokerException(
                        "The broker's environment resource for '"
                            + environment
                            + "' has no pb:currently-deployed-deployed-versions link;"
                            + " the broker may be too old to record undeployments.",
                        "GET",
                        http.baseUrl(),
                        200,
                        List.of(),
                        List.of(),
                        null));
    String listUrl =
        http.resolve(href)
            + (href.contains("?") ? "&" : "?")
            + "pacticipant="
            + Hal.encode(pacticipant);
    List<JsonNode> deployed = new ArrayList<>();
    for (JsonNode d : Hal.embedded(http.get(listUrl).body(), "deployedVersions")) {
      if (pacticipant.equals(d.path("_embedded").path("pacticipant").path("name").asString(""))) {
        deployed.add(d);
      }
    }
    if (deployed.isEmpty()) {
      throw new BrokerException(
          pacticipant
              + " is not currently deployed to "
              + environment
              + " environment. Cannot record undeployment.",
          "GET",
          listUrl,
          200,
          List.of(),
          List.of(),
          null);
    }
    List<JsonNode> matching = new ArrayList<>();
    List<String> instances = new ArrayList<>();
    for (JsonNode d : deployed) {
      String instance = Hal.text(d, "applicationInstance");
      if (instance == null) {
        instance = Hal.text(d, "target");
      }
      if (instance != null) {
        instances.add(instance);
      }
      boolean match =
          applicationInstance == null ? instance == null : applicationInstance.equals(instance);
      if (match) {
        matching.add(d);
      }
    }
    if (matching.isEmpty() && instances.isEmpty()) {
      throw new BrokerException(
          pacticipant
              + " is deployed to "
              + environment
              + " without an application instance. Omit --application-instance '"
              + applicationInstance
              + "' to record the undeployment.",
          "GET",
          listUrl,
          200,
          List.of(),
          List.of(),
          null);
    }
    if (matching.isEmpty()) {
      String list = String.join(", ", instances);
      throw new BrokerException(
          applicationInstance == null
              ? pacticipant
                  + " is deployed to "
                  + environment
                  + " only with application instances. Please specify one of the"
                  + " following application instances to record the undeployment from: "
                  + list
                  + " (--application-instance)."
              : pacticipant
                  + " is not currently deployed to application instance '"
                  + applicationInstance
                  + "' in "
                  + environment
                  + " environment. Please omit the application instance or specify one of the following application instances"
                  + " to record the undeployment from: "
                  + list
                  + ".",
          "GET",
          listUrl,
          200,
          List.of(),
          List.of(),
          null);
    }
    List<Deployment> undeployed = new ArrayList<>();
    for (JsonNode d : matching) {
      String self =
          Hal.href(d, "self")
              .map(http::resolve)
              .orElseThrow(
                  () ->
                      new BrokerException(
                          "A deployed version of "
                              + pacticipant
                              + " in "
                              + environment
                              + " has no _links.self: "
                              + Json.write(d),
                          "GET",
                          listUrl,
                          200,
                          List.of(),
                          List.of(),
                          null));
      http.patch(self, HalTransport.object().put("currentlyDeployed", false));
      undeployed.add(
          new Deployment(
              pacticipant,
              d.path("_embedded").path("version").path("number").asString(""),
              environment,
              applicationInstance,
              self));
    }
    return undeployed;
  }

  /** Records that a released version of a pacticipant is no longer supported in an environment. */
  public Release recordSupportEnded(String pacticipant, String version, String environment) {
    Environment env = requireEnvironment(environment);
    JsonNode envResource =
        http.get(http.relation("pb:environment", Map.of("uuid", env.uuid()), "read an environment"))
            .body();
    String href =
        Hal.href(envResource, "pb:currently-supported-released-versions")
            .orElseThrow(
                () ->
                    new BrokerException(
                        "The broker's environment resource for '"
                            + environment
                            + "' has no pb:currently-supported-released-versions link;"
                            + " the broker may be too old to record releases.",
                        "GET",
                        http.baseUrl(),
                        200,
                        List.of(),
                        List.of(),
                        null));
    String listUrl =
        http.resolve(href)
            + (href.contains("?") ? "&" : "?")
            + "pacticipant="
            + Hal.encode(pacticipant);
    for (JsonNode r : Hal.embedded(http.get(listUrl).body(), "releasedVersions")) {
      JsonNode embedded = r.path("_embedded");
      if (pacticipant.equals(embedded.path("pacticipant").path("name").asString(""))
          && version.equals(embedded.path("version").path("number").asString(""))) {
        String self =
            Hal.href(r, "self")
                .map(http::resolve)
                .orElseThrow(
                    () ->
                        new BrokerException(
                            "The released version "
                                + version
                                + " of "
                                + pacticipant
                                + " has no _links.self",
                            "GET",
                            listUrl,
                            200,
                            List.of(),
                            List.of(),
                            null));
        http.patch(self, HalTransport.object().put("currentlySupported", false));
        return new Release(pacticipant, version, environment, self);
      }
    }
    throw new BrokerException(
        "No currently released versions found for "
            + pacticipant
            + " version "
            + version
            + " in "
            + environment
            + " environment. Record a release first with: accord record-release --pacticipant "
            + pacticipant
            + " --version "
            + version
            + " --environment "
            + environment,
        "GET",
        listUrl,
        200,
        List.of(),
        List.of(),
        null);
  }

  // ---- pacticipants and versions --------------------------------------------------------

  /**
   * Describes a version: an exact number, or the latest (with a tag, the latest with that tag).
   *
   * @param version the version number, or null for the latest
   * @param latestTag with {@code version} null: the latest version with this tag, or null
   * @throws BrokerException 404 when there is no such version
   */
  public PacticipantVersion describeVersion(String pacticipant, String version, String latestTag) {
    String url;
    if (version != null) {
      url = versionUrl(pacticipant, version);
    } else if (latestTag != null) {
      url =
          http.relation(
              "pb:latest-tagged-version",
              Map.of("pacticipant", pacticipant, "tag", latestTag),
              "find the latest tagged version");
    } else {
      url =
          http.relation(
              "pb:latest-version", Map.of("pacticipant", pacticipant), "find the latest version");
    }
    HalTransport.Response response = http.get(url);
    JsonNode v = response.body();
    List<String> tags = new ArrayList<>();
    for (JsonNode t : Hal.embedded(v, "tags")) {
      tags.add(t.path("name").asString(""));
    }
    List<String> branches = new ArrayList<>();
    for (JsonNode b : Hal.embedded(v, "branchVersions")) {
      branches.add(b.path("name").asString(""));
    }
    if (branches.isEmpty() && v.hasNonNull("branch")) {
      branches.add(v.get("branch").asString());
    }
    return new PacticipantVersion(
        pacticipant,
        v.path("number").asString(version == null ? "" : version),
        branches,
        tags,
        Hal.text(v, "buildUrl"),
        Hal.text(v, "createdAt"),
        response.text());
  }

  /**
   * Tags an existing version (legacy; prefer branches).
   *
   * @param autoCreateVersion create the version when the broker does not know it, instead of
   *     failing
   * @throws BrokerException when the version does not exist and {@code autoCreateVersion} is false
   */
  public void createVersionTags(
      String pacticipant, String version, List<String> tags, boolean autoCreateVersion) {
    if (!autoCreateVersion) {
      String url = versionUrl(pacticipant, version);
      try {
        http.get(url);
      } catch (BrokerException e) {
        if (e.isNotFound()) {
          throw new BrokerException(
              "Version '"
                  + version
                  + "' of pacticipant '"
                  + pacticipant
                  + "' does not exist in the broker. Use"
                  + " --auto-create-version to create it, or check the --pacticipant and --version values.",
              "GET",
              url,
              404,
              e.errors(),
              e.notices(),
              e);
        }
        throw e;
      }
    }
    for (String tag : tags) {
      http.put(tagUrl(pacticipant, version, tag), HalTransport.object().put("name", tag));
    }
  }

  /**
   * Creates a version if needed and records its branch and tags, e.g. for a provider before it
   * publishes verification results.
   */
  public void createOrUpdateVersion(
      String pacticipant, String version, String branch, List<String> tags) {
    if (branch != null && !branch.isBlank()) {
      String url =
          http.hasRelation("pb:pacticipant-branch-version")
              ? http.relation(
                  "pb:pacticipant-branch-version",
                  Map.of("pacticipant", pacticipant, "branch", branch, "version", version),
                  "record a branch")
              : http.baseUrl()
                  + "/pacticipants/"
                  + Hal.encode(pacticipant)
                  + "/branches/"
                  + Hal.encode(branch)
                  + "/versions/"
                  + Hal.encode(version);
      http.put(url, HalTransport.object());
    }
    for (String tag : tags) {
      http.put(tagUrl(pacticipant, version, tag), HalTransport.object().put("name", tag));
    }
    if ((branch == null || branch.isBlank()) && tags.isEmpty()) {
      http.put(versionUrl(pacticipant, version), HalTransport.object());
    }
  }

  private String tagUrl(String pacticipant, String version, String tag) {
    return http.hasRelation("pb:pacticipant-version-tag")
        ? http.relation(
            "pb:pacticipant-version-tag",
            Map.of("pacticipant", pacticipant, "version", version, "tag", tag),
            "tag a version")
        : http.baseUrl()
            + "/pacticipants/"
            + Hal.encode(pacticipant)
            + "/versions/"
            + Hal.encode(version)
            + "/tags/"
            + Hal.encode(tag);
  }

  /** Creates the pacticipant, or updates the given fields of an existing one (merge-patch). */
  public SavedPacticipant createOrUpdatePacticipant(PacticipantDetails details) {
    ObjectNode body = HalTransport.object();
    body.put("name", details.name());
    if (details.displayName() != null) {
      body.put("displayName", details.displayName());
    }
    if (details.mainBranch() != null) {
      body.put("mainBranch", details.mainBranch());
    }
    if (details.repositoryUrl() != null) {
      body.put("repositoryUrl", details.repositoryUrl());
    }
    String url =
        http.relation(
            "pb:pacticipant", Map.of("pacticipant", details.name()), "find a pacticipant");
    JsonNode existing;
    try {
      existing = http.get(url).body();
    } catch (BrokerException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      HalTransport.Response created =
          http.postIdempotent(
              http.relation("pb:pacticipants", Map.of(), "create a pacticipant"), body, Map.of());
      return new SavedPacticipant(details.name(), true, created.text());
    }
    String self = Hal.href(existing, "self").map(http::resolve).orElse(url);
    HalTransport.Response updated = http.patch(self, body);
    return new SavedPacticipant(details.name(), false, updated.text());
  }

  static String abbreviate(String text) {
    String t = text == null ? "" : text.strip();
    return t.length() <= 300 ? t : t.substring(0, 300) + "...";
  }

  /**
   * Configures a {@link PactBrokerClient}. Each value set here wins over system properties and
   * environment variables.
   */
  public static final class Builder {
    private String baseUrl;
    private String token;
    private String username;
    private String password;
    private Integer maxAttempts;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpClient httpClient;
    private SSLContext sslContext;
    private ProxySelector proxies;
    private Function<String, String> environment = System::getenv;
    private Function<String, String> systemProperties = System::getProperty;
    private HalTransport.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private String userAgent = "accord/" + VERSION;

    private Builder() {}

    /**
     * The broker's base URL, e.g. {@code https://broker.example.com} or {@code http://host/broker}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sends {@code Authorization: Bearer <token>}; wins over basic auth. Null or blank: not set.
     */
    public Builder bearerToken(String token) {
      this.token = token;
      return this;
    }

    /** Sends {@code Authorization: Basic ...}; the password may be null. */
    public Builder basicAuth(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /** Adds a header to every request (e.g. for a proxy). */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Attempts per request, retries included (default 8, or {@code PACT_BROKER_HTTP_RETRIES}). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The first back-off (default 0.5 s); it doubles on each retry up to {@link #maxBackoff}. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Objects.requireNonNull(initialBackoff);
      return this;
    }

    /** The longest wait between two attempts (default 60 s), also capping {@code Retry-After}. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Objects.requireNonNull(maxBackoff);
      return this;
    }

    /** How long one request may take (default 60 s). */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Objects.requireNonNull(requestTimeout);
      return this;
    }

    /**
     * Sends every request through this {@code java.net.http} client instead of the default one: its
     * redirect policy, proxy, TLS and connect timeout apply ({@link #requestTimeout} still bounds
     * each request). The default is a blocking HTTP/1.1 client that follows redirects as {@code
     * HttpClient.Redirect.NORMAL} does, goes through the proxy {@link ProxySelector#getDefault()}
     * names ({@code https.proxyHost}, {@code http.proxyHost}, {@code http.nonProxyHosts}), connects
     * within 10 s, and uses the JVM's default TLS context or {@link #sslContext}.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Uses this TLS context for an https:// broker instead of the JVM's default one, e.g. one
     * trusting a private CA. The broker's host name is checked against its certificate unless the
     * context's trust manager (an {@code X509ExtendedTrustManager}) decides otherwise. Not with
     * {@link #httpClient}: that client brings its own.
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    // tests point the client at a proxy on 127.0.0.1, which the default selector never proxies
    Builder proxies(ProxySelector proxies) {
      this.proxies = proxies;
      return this;
    }

    /** Reads environment variables from this map instead of the process environment. */
    public Builder environment(Map<String, String> environment) {
      Map<String, String> copy = Map.copyOf(environment);
      this.environment = copy::get;
      return this;
    }

    /** Reads system properties from this map instead of {@link System#getProperty(String)}. */
    public Builder systemProperties(Map<String, String> properties) {
      Map<String, String> copy = Map.copyOf(properties);
      this.systemProperties = copy::get;
      return this;
    }

    /** The User-Agent header (default {@code accord/<version>}). */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent);
      return this;
    }

    // tests record the waits instead of sleeping
    Builder sleeper(HalTransport.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException when no broker URL is configured anywhere, or it is not a URL
     */
    public PactBrokerClient build() {
      List<String> config = new ArrayList<>();
      Sourced url = pick(baseUrl, "baseUrl(...)", "pactbroker.url", "PACT_BROKER_BASE_URL");
      if (url.value == null) {
        throw new IllegalStateException(
            "No Pact Broker URL configured. Set it with --broker-base-url (CLI), PACT_BROKER_BASE_URL,"
                + " -Dpactbroker.url or PactBrokerClient.builder().baseUrl(\"https://broker.example.com\").");
      }
      URI uri;
      try {
        uri = URI.create(url.value.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "The Pact Broker URL '"
                + url.value
                + "' "
                + url.source
                + " is not a valid URL: "
                + e.getMessage(),
            e);
      }
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalStateException(
            "The Pact Broker URL '"
                + url.value
                + "' "
                + url.source
                + " must be an absolute http(s) URL, e.g. https://broker.example.com");
      }
      config.add("broker URL: " + url.value + " " + url.source);
      Sourced tok = pick(token, "bearerToken(...)", "pactbroker.auth.token", "PACT_BROKER_TOKEN");
      Sourced user =
          pick(username, "basicAuth(...)", "pactbroker.auth.username", "PACT_BROKER_USERNAME");
      Sourced pass =
          pick(password, "basicAuth(...)", "pactbroker.auth.password", "PACT_BROKER_PASSWORD");
      Optional<String> authorization;
      String authDescription;
      if (tok.value != null) {
        authorization = Optional.of("Bearer " + tok.value);
        authDescription = "bearer token " + tok.source;
        config.add("auth: bearer token " + tok.source);
        if (user.value != null) {
          config.add("auth: username " + user.source + " ignored because a token is set");
        }
      } else if (user.value != null) {
        String pw = pass.value == null ? "" : pass.value;
        authorization =
            Optional.of(
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user.value + ":" + pw).getBytes(StandardCharsets.UTF_8)));
        authDescription = "basic auth as '" + user.value + "' " + user.source;
        config.add(
            "auth: basic, user '"
                + user.value
                + "' "
                + user.source
                + (pass.value == null ? ", no password" : ", password " + pass.source));
      } else {
        authorization = Optional.empty();
        authDescription = "none";
        config.add("auth: none");
      }
      int attempts;
      if (maxAttempts != null) {
        attempts = maxAttempts;
        config.add("attempts per request: " + attempts + " (from maxAttempts(...))");
      } else {
        String env = environment.apply("PACT_BROKER_HTTP_RETRIES");
        attempts = 8;
        String source = "(default)";
        if (env != null && !env.isBlank()) {
          try {
            attempts = Math.max(1, Integer.parseInt(env.trim()));
            source = "(from PACT_BROKER_HTTP_RETRIES)";
          } catch (NumberFormatException e) {
            throw new IllegalStateException(
                "PACT_BROKER_HTTP_RETRIES must be a whole number of attempts, got '" + env + "'",
                e);
          }
        }
        config.add("attempts per request: " + attempts + " " + source);
      }
      if (httpClient != null && sslContext != null) {
        throw new IllegalStateException(
            "Set either httpClient(...) or sslContext(...), not both: give the TLS context to the"
                + " java.net.http client with HttpClient.newBuilder().sslContext(...)");
      }
      // blocking sockets by default: java.net.http's selector thread, in native code, held the
      // JVM's exit of a one-call CLI for 0.3 s (and its classes cost start-up)
      BrokerHttp http =
          httpClient != null
              ? new JavaNetHttp(httpClient, requestTimeout)
              : new Http1WithRedirects(
                  new Http1Client(
                      Duration.ofSeconds(10),
                      requestTimeout,
                      sslContext != null ? sslContext : new LazyDefaultTls(),
                      Integer.MAX_VALUE - 8,
                      // the JVM's selector as it is when the client is built (null: none)
                      proxies != null ? proxies : ProxySelector.getDefault()));
      HalTransport.Settings settings =
          new HalTransport.Settings(
              uri,
              authorization,
              authDescription,
              Map.copyOf(headers),
              attempts,
              initialBackoff,
              maxBackoff,
              requestTimeout,
              sleeper,
              http,
              userAgent);
      return new PactBrokerClient(new HalTransport(settings), config);
    }

    private record Sourced(String value, String source) {}

    private Sourced pick(String explicit, String builderMethod, String property, String env) {
      if (explicit != null && !explicit.isBlank()) {
        return new Sourced(explicit, "(from " + builderMethod + ")");
      }
      String p = systemProperties.apply(property);
      if (p != null && !p.isBlank()) {
        return new Sourced(p, "(from -D" + property + ")");
      }
      String e = environment.apply(env);
      if (e != null && !e.isBlank()) {
        return new Sourced(e, "(from " + env + ")");
      }
      return new Sourced(null, "");
    }
  }
}
