package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.generate.ApiParameter;
import dev.accord.pact.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Runs sequences: puts the provider into a fresh state (the setup hooks, the state-change URL),
 * sends each step's request, checks each answer, and tears down. The explorer generates sequences
 * through it one step at a time; the shrinker replays planned ones.
 */
final class SequenceRunner {

  /** Everything a run needs. */
  record Settings(
      Operations operations,
      String baseUrl,
      Map<String, String> headers,
      Duration stepTimeout,
      CallExecutor executor,
      List<ExplorationHook> hooks,
      Values values,
      Judge judge,
      PrintWriter verbose,
      String stateChangeUrl,
      String resetState) {}

  /**
   * A step whose input cannot be had: its transition's value is missing from the step it follows.
   */
  static final class Unresolvable extends Exception {
    private static final long serialVersionUID = 1L;

    Unresolvable(String message) {
      super(message);
    }
  }

  private final Settings settings;
  private final String basePath;

  SequenceRunner(Settings settings) {
    this.settings = settings;
    String base = settings.operations().document().basePaths().get(0);
    String url = settings.baseUrl();
    this.basePath = url.endsWith(base) ? "" : base;
  }

  Settings settings() {
    return settings;
  }

  /** One sequence being run: {@link #start}, then steps, then {@link #close}. */
  final class Session implements AutoCloseable {
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<PlannedStep> steps = new ArrayList<>();
    private Finding finding;

    List<Exchange> exchanges() {
      return exchanges;
    }

    List<PlannedStep> steps() {
      return steps;
    }

    /** The first failed check, or null. */
    Finding finding() {
      return finding;
    }

    /** Runs one step and checks its answer; returns the failed check, if any. */
    Optional<Finding> step(PlannedStep step) throws Unresolvable {
      Exchange exchange = send(step, exchanges);
      steps.add(step);
      exchanges.add(exchange);
      finding = check(steps, exchanges).orElse(null);
      return Optional.ofNullable(finding);
    }

    @Override
    public void close() {
      for (ExplorationHook hook : settings.hooks()) {
        try {
          hook.teardown();
        } catch (Exception e) {
          throw new ExplorationException("The teardown hook failed: " + e, e);
        }
      }
      if (settings.stateChangeUrl() != null) {
        stateChange("teardown");
      }
    }
  }

  /** A fresh state, then a session to run steps in. */
  Session start() {
    if (settings.stateChangeUrl() != null) {
      stateChange("setup");
    }
    for (ExplorationHook hook : settings.hooks()) {
      try {
        hook.setup();
      } catch (Exception e) {
        throw new ExplorationException("The setup hook failed: " + e, e);
      }
    }
    return new Session();
  }

  /**
   * Replays planned steps from a fresh state; stops at the first failed check.
   *
   * @throws Unresolvable when a step's input is missing (the step it follows answered otherwise)
   */
  Session replay(List<PlannedStep> plan) throws Unresolvable {
    try (Session session = start()) {
      for (PlannedStep step : plan) {
        if (session.step(step).isPresent()) {
          break;
        }
      }
      return session;
    }
  }

  /** The state-change request, as {@code curl} shows it. */
  ExploredRequest stateChangeRequest(String action) {
    String body =
        Json.write(
            Json.nodes()
                .objectNode()
                .put("state", settings.resetState())
                .<tools.jackson.databind.node.ObjectNode>set("params", Json.nodes().objectNode())
                .put("action", action));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    return new ExploredRequest("state change", "POST", settings.stateChangeUrl(), headers, body);
  }

  private void stateChange(String action) {
    ExploredRequest request = stateChangeRequest(action);
    verbose("  state change: " + request.body());
    ExploredResponse response;
    try {
      response = settings.executor().send(request, settings.stepTimeout());
    } catch (IOException e) {
      throw new ExplorationException(
          "The state change "
              + action
              + " (POST "
              + request.url()
              + ") failed: "
              + e
              + "; check the state-change URL and that the provider is running",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExplorationException("Interrupted during the state change " + action, e);
    }
    if (response.status() >= 300) {
      throw new ExplorationException(
          "The state change "
              + action
              + " (POST "
              + request.url()
              + " "
              + request.body()
              + ") answered "
              + response.status()
              + ": "
              + cut(response.body())
              + "; the provider must accept the state '"
              + settings.resetState()
              + "' and answer 2xx");
    }
  }

  private Exchange send(PlannedStep step, List<Exchange> before) throws Unresolvable {
    ApiOperation operation = step.operation();
    Exchange source = step.source() >= 0 ? before.get(step.source()) : null;
    Map<String, JsonNode> pathValues = new LinkedHashMap<>();
    Map<String, JsonNode> queryValues = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>(settings.headers());
    for (ApiParameter parameter : operation.parameters()) {
      String key = Operations.key(parameter);
      JsonNode value;
      if (step.via() != null && step.via().parameters().containsKey(key)) {
        String expression = step.via().parameters().get(key);
        value =
            RuntimeExpression.parse(expression)
                .evaluate(source)
                .orElseThrow(
                    () ->
                        new Unresolvable(
                            Operations.id(operation)
                                + " takes "
                                + key
                                + " from "
                                + expression
                                + " of step "
                                + (step.source() + 1)
                                + ", which has no such value"));
      } else {
        value = step.generated().get(key);
      }
      if (value == null) {
        continue;
      }
      switch (parameter.in()) {
        case "path" -> pathValues.put(parameter.name(), value);
        case "query" -> queryValues.put(parameter.name(), value);
        case "header" -> headers.put(parameter.name(), text(value));
        case "cookie" ->
            headers.merge("Cookie", parameter.name() + "=" + text(value), (a, b) -> a + "; " + b);
        default -> {}
      }
    }
    JsonNode body = step.generatedBody();
    if (step.via() != null && step.via().requestBody() != null) {
      String expression = step.via().requestBody();
      body =
          RuntimeExpression.parse(expression)
              .evaluate(source)
              .orElseThrow(
                  () ->
                      new Unresolvable(
                          Operations.id(operation)
                              + " takes its body from "
                              + expression
                              + " of step "
                              + (step.source() + 1)
                              + ", which has no such value"));
    }
    String path = operation.path();
    for (Map.Entry<String, JsonNode> value : pathValues.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", encode(text(value.getValue())));
    }
    StringBuilder url =
        new StringBuilder(stripSlash(settings.baseUrl())).append(basePath).append(path);
    char separator = '?';
    for (Map.Entry<String, JsonNode> value : queryValues.entrySet()) {
      List<JsonNode> items = new ArrayList<>();
      if (value.getValue().isArray()) {
        value.getValue().forEach(items::add);
      } else {
        items.add(value.getValue());
      }
      for (JsonNode item : items) {
        url.append(separator).append(encode(value.getKey())).append('=').append(encode(text(item)));
        separator = '&';
      }
    }
    String bodyText = null;
    if (body != null) {
      String mediaType =
          settings
              .operations()
              .body(operation)
              .map(Operations.Body::mediaType)
              .orElse("application/json");
      headers.putIfAbsent("Content-Type", mediaType);
      bodyText =
          body.isString() && !Operations.isJson(mediaType) ? body.asString() : Json.write(body);
    }
    ExploredRequest request =
        new ExploredRequest(
            Operations.id(operation), operation.method(), url.toString(), headers, bodyText);
    verbose(
        "  → "
            + request.method()
            + " "
            + request.url()
            + (bodyText == null ? "" : " " + cut(bodyText)));
    for (ExplorationHook hook : settings.hooks()) {
      try {
        hook.beforeCall(request);
      } catch (Exception e) {
        throw new ExplorationException(
            "The beforeCall hook failed on " + request.method() + " " + request.url() + ": " + e,
            e);
      }
    }
    ExploredResponse response = null;
    String error = null;
    try {
      response = settings.executor().send(request, settings.stepTimeout());
    } catch (HttpTimeoutException e) {
      error =
          "did not answer within "
              + settings.stepTimeout().toMillis()
              + " ms (the timeout per step)";
    } catch (IOException e) {
      error = "could not be sent: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExplorationException(
          "Interrupted while calling " + request.method() + " " + request.url(), e);
    }
    JsonNode responseBody = null;
    if (response != null) {
      verbose(
          "  ← "
              + response.status()
              + (response.body().isEmpty() ? "" : " " + cut(response.body())));
      responseBody =
          response.body().isEmpty()
              ? null
              : Json.tryParse(response.body().getBytes(StandardCharsets.UTF_8)).orElse(null);
      for (ExplorationHook hook : settings.hooks()) {
        try {
          hook.afterCall(request, response);
        } catch (Exception e) {
          throw new ExplorationException(
              "The afterCall hook failed on " + request.method() + " " + request.url() + ": " + e,
              e);
        }
      }
    } else {
      verbose("  ← " + error);
    }
    return new Exchange(
        operation, request, path, pathValues, queryValues, body, response, responseBody, error);
  }

  /**
   * The checks of the last step, in order: answers, no server error, deleted is gone, created is
   * readable, conforms.
   */
  private Optional<Finding> check(List<PlannedStep> steps, List<Exchange> exchanges) {
    int at = exchanges.size() - 1;
    Exchange exchange = exchanges.get(at);
    String id = Operations.id(exchange.operation());
    String call = exchange.request().method() + " " + exchange.resourcePath();
    if (!exchange.answered()) {
      return Optional.of(
          new Finding(Check.ANSWERS, at, id, id + ": " + call + " " + exchange.error()));
    }
    int status = exchange.response().status();
    if (status >= 500) {
      return Optional.of(
          new Finding(
              Check.NO_SERVER_ERROR,
              at,
              id,
              id
                  + " answered "
                  + status
                  + " to "
                  + call
                  + ": a server error is never a valid answer"
                  + bodyNote(exchange)));
    }
    if (exchange.request().method().equals("GET")) {
      int deletedAt = deletedAt(exchanges, at);
      if (deletedAt >= 0 && exchange.succeeded()) {
        Exchange deletion = exchanges.get(deletedAt);
        return Optional.of(
            new Finding(
                Check.DELETED_IS_GONE,
                at,
                id,
                id
                    + " answered "
                    + status
                    + " to "
                    + call
                    + " after "
                    + Operations.id(deletion.operation())
                    + " deleted it at step "
                    + (deletedAt + 1)
                    + " ("
                    + deletion.response().status()
                    + "): a deleted resource must answer 404 or 410"));
      }
      PlannedStep step = steps.get(at);
      if (deletedAt < 0 && step.source() >= 0 && step.via() != null && !exchange.succeeded()) {
        Exchange source = exchanges.get(step.source());
        if (source.request().method().equals("POST")
            && source.succeeded()
            && step.via().parameters().values().stream()
                .anyMatch(e -> RuntimeExpression.parse(e).readsResponse())) {
          return Optional.of(
              new Finding(
                  Check.CREATED_IS_READABLE,
                  at,
                  id,
                  id
                      + " answered "
                      + status
                      + " to "
                      + call
                      + " right after "
                      + Operations.id(source.operation())
                      + " created it at step "
                      + (step.source() + 1)
                      + " ("
                      + source.response().status()
                      + "): a created resource must be readable"
                      + bodyNote(exchange)));
        }
      }
    }
    List<String> problems = settings.judge().problems(exchange.operation(), exchange.response());
    if (!problems.isEmpty()) {
      return Optional.of(
          new Finding(
              Check.RESPONSE_CONFORMS,
              at,
              id,
              id
                  + " answered "
                  + status
                  + " to "
                  + call
                  + ", which the document does not allow: "
                  + String.join("; ", problems)));
    }
    return Optional.empty();
  }

  /**
   * The step (0-based) whose DELETE removed the resource at {@code at}'s path and was not undone
   * since; -1 if none.
   */
  private static int deletedAt(List<Exchange> exchanges, int at) {
    String path = exchanges.get(at).resourcePath();
    for (int i = at - 1; i >= 0; i--) {
      Exchange earlier = exchanges.get(i);
      if (!earlier.resourcePath().equals(path) || !earlier.succeeded()) {
        continue;
      }
      String method = earlier.request().method();
      if (method.equals("DELETE")) {
        return i;
      }
      if (method.equals("PUT") || method.equals("POST")) {
        return -1;
      }
    }
    return -1;
  }

  private static String bodyNote(Exchange exchange) {
    String body = exchange.response().body();
    return body.isEmpty() ? "" : "; its body: " + cut(body);
  }

  private void verbose(String line) {
    if (settings.verbose() != null) {
      settings.verbose().println(line);
      settings.verbose().flush();
    }
  }

  static String cut(String text) {
    String oneLine = text.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() > 300
        ? oneLine.substring(0, 300) + "... (" + oneLine.length() + " characters)"
        : oneLine;
  }

  static String text(JsonNode value) {
    return value.isString()
        ? value.asString()
        : value.isValueNode() ? value.asString() : Json.write(value);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
