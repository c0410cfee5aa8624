package dev.accord.broker.training;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training run that makes a JDK class archive or ahead-of-time cache for the broker ({@code
 * accord.broker.training-run=true}, docs/broker.md "A faster start"): once the broker is ready it
 * sends itself the requests a broker answers most (the index, a publication, a verification result,
 * a deployment, can-i-deploy and the matrix, pacts for verification, a provider contract and its
 * comparison, the web UI's pages, a 404 and a 400), then exits. The cache then holds the classes
 * and method profiles of answering, not only of starting, so the first requests after a start are
 * served as fast as later ones.
 *
 * <p>It writes, so it runs only on an in-memory H2 database ({@code jdbc:h2:mem:...}); on any other
 * the broker exits with status 2 before sending anything. Every answer must be the expected one: a
 * surprise names the request, the status and the body, and the broker exits with status 1 (a cache
 * trained on a broken broker is not worth shipping).
 */
@Component
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {
  static final String PROPERTY = "accord.broker.training-run";

  private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
  private static final String CONSUMER = "training-consumer";
  private static final String PROVIDER = "training-provider";
  private static final String PACT =
      """
      {"consumer":{"name":"training-consumer"},"provider":{"name":"training-provider"},
       "interactions":[{"description":"get thing 1","providerStates":[{"name":"thing 1 exists"}],
        "request":{"method":"GET","path":"/things/1"},
        "response":{"status":200,"headers":{"Content-Type":"application/json"},
         "body":{"id":1,"name":"one"},
         "matchingRules":{"body":{"$.name":{"matchers":[{"match":"type"}]}}}}}],
       "metadata":{"pactSpecification":{"version":"3.0.0"}}}""";
  private static final String OPENAPI =
      """
      openapi: 3.0.3
      info: {title: things, version: "1"}
      paths:
        /things/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            responses:
              "200":
                description: a thing
                content:
                  application/json:
                    schema:
                      type: object
                      required: [id, name]
                      properties:
                        id: {type: integer}
                        name: {type: string}
      """;

  private final Environment environment;
  private final JsonMapper json;

  TrainingRun(Environment environment, JsonMapper json) {
    this.environment = environment;
    this.json = json;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (!environment.getProperty(PROPERTY, Boolean.class, false)) {
      return;
    }
    ConfigurableApplicationContext context = event.getApplicationContext();
    int status = run(environment.getProperty("spring.datasource.url", ""));
    int exit = SpringApplication.exit(context, () -> status);
    System.exit(exit);
  }

  /** Checks the database, sends the requests; the exit status (0 every answer as expected). */
  int run(String datasourceUrl) {
    String refusal = refusal(datasourceUrl);
    if (refusal != null) {
      log.error(refusal);
      return 2;
    }
    String base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
    Client client = new Client(base);
    try {
      int requests = exercise(client);
      log.info("Training run: {} requests answered as expected; exiting", requests);
      return 0;
    } catch (Surprise e) {
      log.error("Training run failed: {}", e.getMessage());
      return 1;
    }
  }

  /** Why a training run must not run on this database, or null when it may (in-memory H2). */
  static String refusal(String datasourceUrl) {
    if (datasourceUrl.startsWith("jdbc:h2:mem:")) {
      return null;
    }
    return "Training run refused: it publishes pacts and results, so it runs only on an in-memory H2 database,"
        + " and spring.datasource.url is '"
        + datasourceUrl
        + "'. Add --spring.datasource.url=jdbc:h2:mem:training to the training command.";
  }

  private int exercise(Client c) {
    c.expect(200, "GET", "/", null);
    c.expect(
        200,
        "POST",
        "/contracts/publish",
        "{\"pacticipantName\":\""
            + CONSUMER
            + "\",\"pacticipantVersionNumber\":\"1.0.0\",\"branch\":\"main\",\"contracts\":[{"
            + "\"consumerName\":\""
            + CONSUMER
            + "\",\"providerName\":\""
            + PROVIDER
            + "\",\"specification\":\"pact\",\"contentType\":\"application/json\",\"content\":\""
            + base64(PACT)
            + "\"}]}");
    String pactPath = "/pacts/provider/" + PROVIDER + "/consumer/" + CONSUMER + "/version/1.0.0";
    JsonNode pact = c.json(c.expect(200, "GET", pactPath, null));
    String results =
        pact.path("_links").path("pb:publish-verification-results").path("href").asString();
    c.expect(
        201,
        "POST",
        URI.create(results).getRawPath(),
        "{\"success\":true,\"providerApplicationVersion\":\"2.0.0\",\"verifiedBy\":"
            + "{\"implementation\":\"accord\",\"version\":\"training\"}}");
    JsonNode environmentCreated =
        c.json(
            c.expect(
                201, "POST", "/environments", "{\"name\":\"production\",\"production\":true}"));
    String uuid = environmentCreated.path("uuid").asString();
    c.expect(
        201,
        "POST",
        "/pacticipants/" + PROVIDER + "/versions/2.0.0/deployed-versions/environment/" + uuid,
        "{}");
    c.expect(
        200,
        "GET",
        "/can-i-deploy?pacticipant=" + CONSUMER + "&version=1.0.0&environment=production",
        null);
    String matrix =
        "q[][pacticipant]=" + CONSUMER + "&q[][version]=1.0.0&latestby=cvp&environment=production";
    c.expect(200, "GET", "/matrix?" + encodeBrackets(matrix), null);
    c.expect(
        200,
        "POST",
        "/pacts/provider/" + PROVIDER + "/for-verification",
        "{\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"deployedOrReleased\":true}],"
            + "\"providerVersionBranch\":\"main\",\"includePendingStatus\":true}");
    c.expect(
        200,
        "POST",
        "/provider-contracts/provider/" + PROVIDER + "/publish",
        "{\"pacticipantVersionNumber\":\"2.0.1\",\"branch\":\"main\",\"contract\":{\"content\":\""
            + base64(OPENAPI)
            + "\",\"contentType\":\"application/yaml\",\"specification\":\"oas\","
            + "\"selfVerificationResults\":{\"success\":true,\"verifier\":\"accord\"}}}");
    c.expect(
        200,
        "GET",
        "/provider-contracts/provider/" + PROVIDER + "/version/2.0.1/comparisons",
        null);
    c.expect(200, "GET", "/pacticipants", null);
    c.expect(404, "GET", "/pacticipants/no-such-pacticipant", null);
    c.expect(400, "POST", "/contracts/publish", "{");
    for (String page :
        List.of(
            "/ui",
            "/ui/pacts/provider/" + PROVIDER + "/consumer/" + CONSUMER,
            "/ui/pacts/provider/" + PROVIDER + "/consumer/" + CONSUMER + "/version/1.0.0",
            "/ui/matrix?" + encodeBrackets(matrix),
            "/ui/environments",
            "/ui/can-i-deploy?pacticipant=" + CONSUMER + "&version=1.0.0&environment=production",
            "/ui/provider-contracts/provider/" + PROVIDER + "/version/2.0.1",
            "/ui/network",
            "/ui/webhooks")) {
      c.expectPage(page);
    }
    return c.sent.size();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String encodeBrackets(String query) {
    return query.replace("[", "%5B").replace("]", "%5D");
  }

  /** An answer other than the one expected. */
  static final class Surprise extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Surprise(String message) {
      super(message);
    }
  }

  /** Sends to the broker itself, on loopback. */
  private final class Client {
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    final List<String> sent = new ArrayList<>();

    Client(String base) {
      this.base = base;
    }

    String expect(int status, String method, String path, String body) {
      return send(status, method, path, body, "application/hal+json, application/json");
    }

    void expectPage(String path) {
      send(200, "GET", path, null, "text/html");
    }

    private String send(int status, String method, String path, String body, String accept) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(60))
              .header("Accept", accept);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      }
      sent.add(method + " " + path);
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new Surprise(method + " " + path + " was not answered: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Surprise(method + " " + path + " was interrupted");
      }
      if (response.statusCode() != status) {
        String text = response.body();
        throw new Surprise(
            method
                + " "
                + path
                + " answered "
                + response.statusCode()
                + ", expected "
                + status
                + ": "
                + (text.length() > 500 ? text.substring(0, 500) + "..." : text));
      }
      return response.body();
    }

    JsonNode json(String body) {
      return json.readTree(body);
    }
  }
}
