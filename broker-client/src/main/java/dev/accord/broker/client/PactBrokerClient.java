package dev.accord.broker.client;

import dev.accord.broker.client.internal.Hal;
import dev.accord.broker.client.internal.HalTransport;
import dev.accord.pact.json.Json;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Properties;
import java.util.function.Function;
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
 * <p>Configuration comes from the builder, then system properties ({@code pactbroker.url},
 * {@code pactbroker.auth.token}, {@code pactbroker.auth.username}, {@code pactbroker.auth.password}),
 * then environment variables ({@code PACT_BROKER_BASE_URL}, {@code PACT_BROKER_TOKEN},
 * {@code PACT_BROKER_USERNAME}, {@code PACT_BROKER_PASSWORD}, {@code PACT_BROKER_HTTP_RETRIES});
 * {@link #configuration()} says where each value came from. A token wins over a username.
 *
 * <p>Requests answered with 5xx, 408 or 429, and connection failures, are retried with exponential
 * back-off (0.5 s, 1 s, 2 s, ... up to 8 attempts by default), waiting as long as {@code Retry-After}
 * says when the broker sends it. Every failure is a {@link BrokerException} naming the request, the
 * status and the broker's own errors. Instances are thread-safe.
 */
public final class PactBrokerClient {

  /** Accord's version, as sent in the User-Agent and in {@code verifiedBy}. */
  public static final String VERSION = loadVersion();

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
   * The effective configuration and where each value came from, one line each, e.g.
   * {@code broker URL: http://localhost:9292 (from PACT_BROKER_BASE_URL)}. Secrets are masked.
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
   * @param includePending whether pacts the provider never verified on its branch come back as pending
   * @param includeWipPactsSince include work-in-progress pacts published since this date, or null
   */
  public List<PactForVerification> pactsForVerification(
      String provider,
      List<ConsumerVersionSelector> selectors,
      String providerBranch,
      boolean includePending,
      LocalDate includeWipPactsSince) {
    return pactsForVerification(provider, selectors, providerBranch, List.of(), includePending, includeWipPactsSince);
  }

  /**
   * As {@link #pactsForVerification(String, List, String, boolean, LocalDate)}, with provider version
   * tags (the legacy alternative to a branch for pending and WIP pacts).
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
        http.relation("pb:provider-pacts-for-verification", Map.of("provider", provider), "select pacts with consumer version selectors");
      }
      return latestProviderPacts(provider);
    }
    String url = http.relation("pb:provider-pacts-for-verification", Map.of("provider", provider), "fetch the pacts to verify");
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
    JsonNode response = http.post(url, body).body();
    List<PactForVerification> pacts = new ArrayList<>();
    for (JsonNode pact : Hal.embedded(response, "pacts")) {
      String href =
          Hal.href(pact, "self")
              .orElseThrow(() -> new BrokerException(
                  "POST " + url + " returned a pact without _links.self.href: " + Json.write(pact),
                  "POST", url, 200, List.of(), List.of(), null));
      JsonNode props = pact.path("verificationProperties");
      List<VerificationNotice> notices = new ArrayList<>();
      for (JsonNode n : props.path("notices")) {
        notices.add(new VerificationNotice(n.path("when").asString(""), n.path("text").asString("")));
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
    String url = http.relation("pb:latest-provider-pacts", Map.of("provider", provider), "fetch the latest pacts of a provider");
    JsonNode response = http.get(url).body();
    List<JsonNode> links = Hal.links(response, "pb:pacts");
    if (links.isEmpty()) {
      links = Hal.links(response, "pacts");
    }
    List<PactForVerification> pacts = new ArrayList<>();
    for (JsonNode link : links) {
      String href = link.path("href").asString("");
      if (!href.isEmpty()) {
        pacts.add(new PactForVerification(http.resolve(href), link.path("name").asString(link.path("title").asString("")), "latest", false, false, List.of()));
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
          "GET " + url + " did not return a pact: expected a JSON object with consumer, provider and interactions, got: "
              + abbreviate(response.text()),
          "GET", url, response.status(), List.of(), List.of(), null);
    }
    String consumer = linkName(doc, "pb:consumer").orElse(doc.path("consumer").path("name").asString(""));
    String provider = linkName(doc, "pb:provider").orElse(doc.path("provider").path("name").asString(""));
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
              Map.of("pacticipant", result.provider(), "branch", result.branch(), "version", result.providerVersion()),
              "record the provider version's branch before publishing results (Pact Broker 2.86.0 or later)");
      http.put(url, HalTransport.object());
    }
    for (String tag : result.tags()) {
      String url =
          http.relation(
              "pb:pacticipant-version-tag",
              Map.of("pacticipant", result.provider(), "version", result.providerVersion(), "tag", tag),
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
    ObjectNode verifiedBy = body.putObject("verifiedBy");
    verifiedBy.put("implementation", "Accord");
    verifiedBy.put("version", VERSION);
    HalTransport.Response response = http.post(http.resolve(link), body);
    String url = response.location().or(() -> Hal.href(response.body(), "self")).orElse(link);
    return new PublishedVerification(url, response.body().path("success").asBoolean(result.success()));
  }

  static String abbreviate(String text) {
    String t = text == null ? "" : text.strip();
    return t.length() <= 300 ? t : t.substring(0, 300) + "...";
  }

  private static String loadVersion() {
    try (InputStream in = PactBrokerClient.class.getResourceAsStream("accord-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
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
    private Function<String, String> environment = System::getenv;
    private Function<String, String> systemProperties = System::getProperty;
    private HalTransport.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private String userAgent = "accord/" + VERSION;

    private Builder() {}

    /** The broker's base URL, e.g. {@code https://broker.example.com} or {@code http://host/broker}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>}; wins over basic auth. Null or blank: not set. */
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

    /** Uses this HTTP client (for TLS settings or a proxy) instead of a default one. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
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
        throw new IllegalStateException("The Pact Broker URL '" + url.value + "' " + url.source + " is not a valid URL: " + e.getMessage(), e);
      }
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
        throw new IllegalStateException(
            "The Pact Broker URL '" + url.value + "' " + url.source + " must be an absolute http(s) URL, e.g. https://broker.example.com");
      }
      config.add("broker URL: " + url.value + " " + url.source);
      Sourced tok = pick(token, "bearerToken(...)", "pactbroker.auth.token", "PACT_BROKER_TOKEN");
      Sourced user = pick(username, "basicAuth(...)", "pactbroker.auth.username", "PACT_BROKER_USERNAME");
      Sourced pass = pick(password, "basicAuth(...)", "pactbroker.auth.password", "PACT_BROKER_PASSWORD");
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
            Optional.of("Basic " + Base64.getEncoder().encodeToString((user.value + ":" + pw).getBytes(StandardCharsets.UTF_8)));
        authDescription = "basic auth as '" + user.value + "' " + user.source;
        config.add("auth: basic, user '" + user.value + "' " + user.source
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
            throw new IllegalStateException("PACT_BROKER_HTTP_RETRIES must be a whole number of attempts, got '" + env + "'", e);
          }
        }
        config.add("attempts per request: " + attempts + " " + source);
      }
      HttpClient client =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(10))
                  .followRedirects(HttpClient.Redirect.NORMAL)
                  .build();
      HalTransport.Settings settings =
          new HalTransport.Settings(
              uri, authorization, authDescription, Map.copyOf(headers), attempts, initialBackoff, maxBackoff,
              requestTimeout, sleeper, client, userAgent);
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
