package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Thousands of malformed requests (seeded, bounded in count and time) to every endpoint reachable
 * from the index, with every method: broken and hostile bodies, wrong types in every known field,
 * nasty path segments and query parameters, browser content types. None may answer 5xx or name a
 * class, package or library option; every refusal is hal+json with {@code errors}. Reproduce a run
 * with {@code -Daccord.malformed.seed=N}; {@code -Daccord.malformed.requests=N} sends more.
 */
class MalformedRequestsTest {
  private static final long SEED = Long.getLong("accord.malformed.seed", 14L);
  private static final int REQUESTS = Integer.getInteger("accord.malformed.requests", 3000);
  private static final Duration BUDGET = Duration.ofMinutes(6);
  private static final List<String> METHODS =
      List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");
  private static final List<String> FIELDS =
      List.of(
          "pacticipantName",
          "pacticipantVersionNumber",
          "branch",
          "tags",
          "buildUrl",
          "contracts",
          "consumerName",
          "providerName",
          "specification",
          "contentType",
          "content",
          "onConflict",
          "name",
          "displayName",
          "production",
          "contacts",
          "mainBranch",
          "repositoryUrl",
          "providerApplicationVersion",
          "success",
          "testResults",
          "verifiedBy",
          "implementation",
          "version",
          "consumerVersionSelectors",
          "providerVersionTags",
          "providerVersionBranch",
          "includePendingStatus",
          "includeWipPactsSince",
          "applicationInstance",
          "target",
          "currentlyDeployed",
          "currentlySupported",
          "events",
          "request",
          "method",
          "url",
          "headers",
          "body",
          "enabled",
          "description",
          "consumer",
          "provider",
          "pacticipant",
          "label",
          "interactions",
          "messages",
          "metadata",
          "latest",
          "tag",
          "environment",
          "deployedOrReleased");
  private static final List<String> SEGMENTS =
      List.of(
          "%00",
          "a%5Cb",
          "a%3Bb",
          "a;b",
          "..",
          "%2e%2e",
          "x".repeat(300),
          "%E2%80%AE",
          "%E2%80%8B",
          "-1",
          "0",
          "99999999999999999999",
          "latest",
          "%F0%9F%98%80",
          "%C0%AF",
          "%FF",
          "%20",
          "a%2Fb",
          "%7B%7D",
          "null");
  private static final List<String> QUERY =
      List.of(
          "pageSize=abc",
          "pageSize=1000000000000",
          "pageSize=-1",
          "pageNumber=0",
          "pageNumber=abc",
          "limit=abc",
          "limit=-5",
          "q[][pacticipant]=",
          "q[][pacticipant]=FuzzC&q[][version]=%00",
          "latestby=x",
          "latest=maybe",
          "pacticipant=%E2%80%AE",
          "version=",
          "to=&environment=",
          "environment=" + "e".repeat(400),
          "name=%00",
          "q=%FF",
          "success[]=maybe",
          "limit=99999999999999999999",
          "applicationInstance=%00",
          "context=%00");
  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json",
          "application/hal+json",
          "application/merge-patch+json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/xml",
          "application/json; charset=latin1",
          "*/*",
          "");

  static RunningBroker broker;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() {
    broker =
        RunningBroker.onPostgres(
            "accord.broker.max-body-size=256KB",
            "accord.webhooks.connect-timeout=1s",
            "accord.webhooks.request-timeout=1s");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  /**
   * Data for the templates to point at, published again from time to time since DELETEs are among
   * the requests.
   */
  private static String seed() {
    broker.post("/contracts/publish", publishBody("FuzzC", "1", "main", "FuzzP", "x"));
    JsonNode pact = Json.parse(broker.get("/pacts/provider/FuzzP/consumer/FuzzC/version/1").body());
    broker.post(
        pact.path("_links").path("pb:publish-verification-results").path("href").asString(),
        "{\"providerApplicationVersion\":\"p1\",\"success\":true}");
    HttpResponse<String> env = broker.post("/environments", "{\"name\":\"fuzz-env\"}");
    JsonNode envs =
        Json.parse(broker.get("/environments?name=fuzz-env").body())
            .path("_embedded")
            .path("environments");
    String uuid =
        envs.isEmpty()
            ? Json.parse(env.body()).path("uuid").asString()
            : envs.get(0).path("uuid").asString();
    broker.post("/pacticipants/FuzzC/versions/1/deployed-versions/environment/" + uuid, "{}");
    return uuid;
  }

  /**
   * Every href of the index with its templates filled in, and every link of the resources those
   * lead to.
   */
  private static List<String> endpoints(String environment) {
    Map<String, String> values =
        Map.of(
            "provider",
            "FuzzP",
            "consumer",
            "FuzzC",
            "pacticipant",
            "FuzzC",
            "consumerApplicationVersion",
            "1",
            "version",
            "1",
            "tag",
            "main",
            "branch",
            "main",
            "environment",
            "fuzz-env",
            "uuid",
            environment,
            "rel",
            "pb:pacticipants");
    TreeSet<String> found = new TreeSet<>();
    List<String> first = new ArrayList<>();
    for (JsonNode link : links(broker.get("/").body())) {
      String href = link.path("href").asString();
      for (Map.Entry<String, String> v : values.entrySet()) {
        href = href.replace("{" + v.getKey() + "}", v.getValue());
      }
      first.add(href);
    }
    first.add(broker.baseUrl + "/pacts/provider/FuzzP/consumer/FuzzC/version/1");
    first.add(
        broker.baseUrl
            + "/pacticipants/FuzzC/versions/1/deployed-versions/environment/"
            + environment);
    first.add(
        broker.baseUrl
            + "/pacticipants/FuzzC/versions/1/released-versions/environment/"
            + environment);
    first.add(broker.baseUrl + "/matrix?q[][pacticipant]=FuzzC&q[][version]=1&latestby=cvp");
    for (String href : first) {
      if (!href.startsWith(broker.baseUrl) || href.contains("{")) {
        continue;
      }
      found.add(href.substring(broker.baseUrl.length()));
      HttpResponse<String> r = broker.get(href);
      if (r.statusCode() == 200 && r.body().startsWith("{")) {
        for (JsonNode link : links(r.body())) {
          String next = link.path("href").asString();
          if (next.startsWith(broker.baseUrl) && !next.contains("{")) {
            found.add(next.substring(broker.baseUrl.length()));
          }
        }
      }
    }
    found.add("/webhooks/execute");
    return new ArrayList<>(found);
  }

  private static List<JsonNode> links(String body) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode all = Json.parse(body).path("_links");
    for (Map.Entry<String, JsonNode> e : all.properties()) {
      if (e.getValue().isArray()) {
        e.getValue().forEach(out::add);
      } else if (e.getValue().isObject() && !"curies".equals(e.getKey())) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  @Test
  void noMalformedRequestAnswers5xxOrNamesAnInternal() {
    Random random = new Random(SEED);
    String environment = seed();
    List<String> endpoints = endpoints(environment);
    assertThat(endpoints).as("endpoints found from the index").hasSizeGreaterThan(30);
    long deadline = System.nanoTime() + BUDGET.toNanos();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    int serverErrors = 0;
    int internalNames = 0;
    int wrongShape = 0;
    for (; sent < REQUESTS && System.nanoTime() < deadline; sent++) {
      if (sent % 250 == 0) {
        environment = seed();
      }
      String path = mutatePath(random, endpoints.get(random.nextInt(endpoints.size())));
      String method = METHODS.get(random.nextInt(METHODS.size()));
      String contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
      String body =
          "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
              ? null
              : body(random);
      HttpResponse<String> r;
      try {
        r = send(method, path, contentType, body);
      } catch (IllegalArgumentException e) {
        continue; // a URI the client library itself refuses to send; raw ones are pinned in
        // ClientMistakesAcceptanceTest
      }
      String what = method + " " + shorten(path) + " [" + contentType + "] " + shorten(body);
      String responseType =
          r.headers()
              .firstValue("Content-Type")
              .orElse("")
              .toLowerCase(Locale.ROOT)
              .replace(" ", "");
      if (r.statusCode() >= 500) {
        serverErrors++;
        failures.add(r.statusCode() + " for " + what + ": " + shorten(r.body()));
      }
      if (Refusals.INTERNAL.matcher(r.body()).find()) {
        internalNames++;
        failures.add("internal name for " + what + ": " + shorten(r.body()));
      }
      if (r.statusCode() >= 400
          && !"HEAD".equals(method)
          && (!"application/hal+json;charset=utf-8".equals(responseType)
              || !r.body().startsWith("{\"errors\":"))) {
        wrongShape++;
        failures.add(
            r.statusCode()
                + " not in the error shape ("
                + responseType
                + ") for "
                + what
                + ": "
                + shorten(r.body()));
      }
    }
    System.out.printf(
        "MalformedRequestsTest: seed %d, %d malformed requests sent to %d endpoints: 5xx %d, internal names %d, other error shapes %d%n",
        SEED, sent, endpoints.size(), serverErrors, internalNames, wrongShape);
    assertThat(failures)
        .as("malformed requests answered wrongly (seed %d, %d sent)", SEED, sent)
        .isEmpty();
    assertThat(sent)
        .as("requests sent within the time budget")
        .isGreaterThanOrEqualTo(Math.min(REQUESTS, 1000));
  }

  private static HttpResponse<String> send(
      String method, String path, String contentType, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(broker.baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (!contentType.isEmpty() && body != null) {
      b.header("Content-Type", contentType);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "The broker dropped " + method + " " + shorten(path) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String mutatePath(Random random, String path) {
    String p = path;
    if (random.nextInt(10) < 3) {
      String[] parts = p.split("\\?", 2);
      String[] segments = parts[0].split("/");
      if (segments.length > 1) {
        segments[1 + random.nextInt(segments.length - 1)] =
            SEGMENTS.get(random.nextInt(SEGMENTS.size()));
      }
      p = String.join("/", segments) + (parts.length > 1 ? "?" + parts[1] : "");
    }
    if (random.nextInt(10) < 3) {
      p += (p.contains("?") ? "&" : "?") + QUERY.get(random.nextInt(QUERY.size()));
    }
    return p.replace("[", "%5B").replace("]", "%5D");
  }

  private static String body(Random random) {
    return switch (random.nextInt(12)) {
      case 0 ->
          List.of(
                  "",
                  "{",
                  "[1,",
                  "{\"a\":NaN}",
                  "{\"a\":1}}",
                  "<xml/>",
                  "a=b&c=d",
                  "\u0000",
                  "null",
                  "\"text\"",
                  "{\"a\":\"\\ud800\"}",
                  "{\"a\":01}")
              .get(random.nextInt(12));
      case 1 -> "[".repeat(600 + random.nextInt(2000)) + "]".repeat(10);
      case 2 -> "{\"name\":\"" + "z".repeat(270_000) + "\"}";
      case 3 -> publishWith(random);
      default -> Json.write(Json.toTree(object(random, 0)));
    };
  }

  /** A publication whose every part may be wrong, down to the pact inside the base64. */
  private static String publishWith(Random random) {
    Map<String, Object> pact = object(random, 1);
    pact.put("consumer", Map.of("name", "FuzzC"));
    pact.put("provider", Map.of("name", "FuzzP"));
    if (random.nextBoolean()) {
      pact.put("interactions", List.of(object(random, 1), object(random, 2)));
    }
    String content =
        Base64.getEncoder()
            .encodeToString(Json.write(Json.toTree(pact)).getBytes(StandardCharsets.UTF_8));
    Map<String, Object> contract = object(random, 2);
    contract.putAll(
        Map.of(
            "consumerName",
            "FuzzC",
            "providerName",
            "FuzzP",
            "specification",
            "pact",
            "contentType",
            "application/json",
            "content",
            content));
    Map<String, Object> body = object(random, 2);
    body.putAll(
        Map.of(
            "pacticipantName",
            "FuzzC",
            "pacticipantVersionNumber",
            "fz" + random.nextInt(50),
            "contracts",
            List.of(contract)));
    return Json.write(Json.toTree(body));
  }

  private static Map<String, Object> object(Random random, int depth) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      m.put(FIELDS.get(random.nextInt(FIELDS.size())), value(random, depth));
    }
    return m;
  }

  private static Object value(Random random, int depth) {
    return switch (random.nextInt(depth < 3 ? 24 : 20)) {
      case 0 -> Map.of();
      case 1 -> List.of();
      case 2 -> List.of(Map.of());
      case 3 -> null;
      case 4 -> true;
      case 5 -> -1;
      case 6 -> new java.math.BigDecimal("1e400");
      case 7 -> new java.math.BigInteger("99999999999999999999999999");
      case 8 -> "";
      case 9 -> " ";
      case 10 -> "a".repeat(256);
      case 11 -> "h".repeat(2049 + random.nextInt(3000));
      case 12 -> "x\u0000y";
      case 13 -> "pay\u202Ements";
      case 14 -> "a\\b";
      case 15 -> "a;b";
      case 16 -> "line\nbreak";
      case 17 -> "2024-13-45";
      case 18 -> "https://203.0.113.9/hook";
      case 19 -> List.of("main", 1, Map.of());
      case 20, 21 -> object(random, depth + 1);
      default -> List.of(object(random, depth + 1));
    };
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 160 ? s : s.substring(0, 160) + "...(" + s.length() + " chars)";
  }
}
