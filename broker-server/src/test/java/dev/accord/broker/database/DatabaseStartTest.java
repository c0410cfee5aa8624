package dev.accord.broker.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.broker.BrokerApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server listens before the database has started (docs/broker.md, "A faster start"): here the
 * migrations are held back until the test lets them run. Meanwhile the API index answers, the
 * readiness probe answers 503 with {@code Retry-After}, and a read and a write that need the
 * database wait for it and then succeed; nothing answers 500 and nothing is lost.
 */
class DatabaseStartTest {
  static final CountDownLatch MIGRATIONS_MAY_RUN = new CountDownLatch(1);

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void answersTheIndexWhileTheDatabaseStartsAndDatabaseRequestsWaitForIt() throws Exception {
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    CompletableFuture<ConfigurableApplicationContext> context =
        CompletableFuture.supplyAsync(
            () ->
                new SpringApplicationBuilder(BrokerApplication.class, HeldMigrations.class)
                    .run(
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off",
                        "--accord.webhooks.enabled=false",
                        "--spring.datasource.url=jdbc:h2:file:"
                            + dir.resolve("broker").toAbsolutePath()
                            + ";DB_CLOSE_ON_EXIT=FALSE"));
    try {
      HttpResponse<String> index = awaitIndex(base, context);
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.body()).contains("pb:pacticipants");

      HttpResponse<String> ready = get(base, "/diagnostic/status/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(ready.body())
          .contains(
              "The broker is starting: its database is being migrated and Hibernate started (the"
                  + " server listens meanwhile; requests that need the database wait for it). It"
                  + " will be ready in a moment.");

      CompletableFuture<HttpResponse<String>> write =
          CompletableFuture.supplyAsync(
              () -> send(base, "POST", "/pacticipants", "{\"name\":\"Early\"}"));
      CompletableFuture<HttpResponse<String>> read =
          CompletableFuture.supplyAsync(() -> send(base, "GET", "/pacticipants", null));
      Thread.sleep(1000);
      assertThat(write).as("a write before the database has started waits for it").isNotDone();
      assertThat(read).as("a read before the database has started waits for it").isNotDone();

      MIGRATIONS_MAY_RUN.countDown();
      assertThat(write.get(2, TimeUnit.MINUTES).statusCode()).isEqualTo(201);
      assertThat(read.get(2, TimeUnit.MINUTES).statusCode()).isEqualTo(200);
      context.get(2, TimeUnit.MINUTES);
      assertThat(get(base, "/diagnostic/status/ready").statusCode()).isEqualTo(200);
      assertThat(get(base, "/pacticipants/Early").statusCode()).isEqualTo(200);
    } finally {
      MIGRATIONS_MAY_RUN.countDown();
      context.get(2, TimeUnit.MINUTES).close();
    }
  }

  private HttpResponse<String> awaitIndex(
      String base, CompletableFuture<ConfigurableApplicationContext> context) throws Exception {
    Instant limit = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(limit)) {
      assertThat(context)
          .as("the context's refresh waits for the database (the deferred repositories)")
          .isNotDone();
      try {
        return http.send(
            HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Accept", "application/hal+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("the broker did not answer " + base + "/ within 2 minutes");
  }

  private HttpResponse<String> get(String base, String path) {
    return send(base, "GET", path, null);
  }

  private HttpResponse<String> send(String base, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(2))
            .header("Accept", "application/hal+json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A Flyway callback that holds the migrations back until the test lets them run. */
  @Configuration(proxyBeanMethods = false)
  static class HeldMigrations {
    @Bean
    Callback holdMigrations() {
      return new Callback() {
        @Override
        public boolean supports(Event event, Context context) {
          return event == Event.BEFORE_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
          return true;
        }

        @Override
        public void handle(Event event, Context context) {
          try {
            MIGRATIONS_MAY_RUN.await(2, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }

        @Override
        public String getCallbackName() {
          return "hold the migrations until the test lets them run";
        }
      };
    }
  }
}
