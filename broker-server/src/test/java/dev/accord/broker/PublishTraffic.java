package dev.accord.broker;

import dev.accord.pact.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A client publishing a stream of pacts (consumer version i with content naming i) and, for each, a
 * verification result (provider version p{i}), on a thread of its own. It remembers exactly what
 * the broker acknowledged: a publish answered 200, a verification result answered 201. Everything
 * else (refused connections, 503s) is counted, not retried.
 */
final class PublishTraffic implements AutoCloseable {
  static final String CONSUMER = "DurableCons";
  static final String PROVIDER = "DurableProv";

  final Set<Integer> acknowledgedPublishes = new ConcurrentSkipListSet<>();
  final Set<Integer> acknowledgedVerifications = new ConcurrentSkipListSet<>();
  final List<Integer> unavailableAnswers = new CopyOnWriteArrayList<>();
  final List<String> otherAnswers = new CopyOnWriteArrayList<>();
  final AtomicInteger attempted = new AtomicInteger();
  final AtomicInteger failedConnections = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Duration requestLimit;
  private final String baseUrl;
  private final Thread thread;

  /**
   * Starts sending to {@code baseUrl}; a request not answered within {@code requestLimit} fails the
   * traffic (a hang).
   */
  PublishTraffic(String baseUrl, Duration requestLimit) {
    this.baseUrl = baseUrl;
    this.requestLimit = requestLimit;
    this.thread = new Thread(this::run, "publish-traffic");
    thread.start();
  }

  static String content(int i) {
    return RunningBroker.pact(CONSUMER, PROVIDER, "n" + i);
  }

  private void run() {
    for (int i = 1; running.get(); i++) {
      attempted.incrementAndGet();
      try {
        String body =
            "{\"pacticipantName\":\""
                + CONSUMER
                + "\",\"pacticipantVersionNumber\":\""
                + i
                + "\",\"branch\":\"main\",\"contracts\":[{"
                + "\"consumerName\":\""
                + CONSUMER
                + "\",\"providerName\":\""
                + PROVIDER
                + "\",\"specification\":\"pact\",\"contentType\":\"application/json\","
                + "\"content\":\""
                + Base64.getEncoder().encodeToString(content(i).getBytes(StandardCharsets.UTF_8))
                + "\"}]}";
        HttpResponse<String> published = send("POST", "/contracts/publish", body);
        if (published.statusCode() != 200) {
          continue;
        }
        acknowledgedPublishes.add(i);
        HttpResponse<String> pact =
            send(
                "GET",
                "/pacts/provider/" + PROVIDER + "/consumer/" + CONSUMER + "/version/" + i,
                null);
        if (pact.statusCode() != 200) {
          continue;
        }
        String results =
            Json.parse(pact.body())
                .path("_links")
                .path("pb:publish-verification-results")
                .path("href")
                .asString();
        HttpResponse<String> verified =
            send(
                "POST",
                results,
                "{\"success\":true,\"providerApplicationVersion\":\"p" + i + "\"}");
        if (verified.statusCode() == 201) {
          acknowledgedVerifications.add(i);
        }
      } catch (java.net.http.HttpTimeoutException hang) {
        otherAnswers.add("no answer within " + requestLimit + " (a hang): " + hang.getMessage());
      } catch (java.io.IOException refusedOrReset) {
        failedConnections.incrementAndGet();
        pause();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private HttpResponse<String> send(String method, String path, String json)
      throws java.io.IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
            .timeout(requestLimit);
    b =
        json == null
            ? b.GET()
            : b.method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 503) {
      unavailableAnswers.add(503);
      checkUnavailableAnswer(r);
      pause();
    } else if (r.statusCode() >= 300) {
      otherAnswers.add(method + " " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return r;
  }

  private void checkUnavailableAnswer(HttpResponse<String> r) {
    JsonNode errors =
        Json.tryParse(r.body().getBytes(StandardCharsets.UTF_8))
            .map(n -> n.path("errors").path("database"))
            .orElse(null);
    if (r.headers().firstValue("Retry-After").isEmpty()
        || errors == null
        || !errors.isArray()
        || errors.isEmpty()) {
      otherAnswers.add(
          "503 without Retry-After or without errors.database: "
              + r.headers().map()
              + " "
              + r.body());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until at least {@code count} publishes in all were acknowledged (at most {@code limit}).
   */
  void awaitAcknowledged(int count, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (acknowledgedPublishes.size() < count) {
      if (System.nanoTime() > end || !thread.isAlive()) {
        throw new AssertionError(
            "Expected "
                + count
                + " acknowledged publishes within "
                + limit
                + " but had "
                + acknowledgedPublishes.size()
                + " (attempted "
                + attempted
                + ", refused connections "
                + failedConnections
                + ", other answers "
                + otherAnswers
                + ")");
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(60_000);
  }
}
