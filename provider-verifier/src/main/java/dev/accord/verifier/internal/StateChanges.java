package dev.accord.verifier.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.ProviderState;
import dev.accord.verifier.Failure;
import dev.accord.verifier.State;
import dev.accord.verifier.StateAction;
import dev.accord.verifier.StateChangeHandler;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sets up and tears down the provider states of an interaction through the configured handler: the
 * state-change URL (wire protocol of pact-spec §4), a {@link StateChangeHandler}, or {@link
 * State @State} methods.
 */
public final class StateChanges {
  private static final int MAX_BODY_SHOWN = 2000;

  /** What a setup achieved: the generator context, the states to tear down, or why it failed. */
  public record Setup(
      Map<String, JsonNode> context, List<ProviderState> done, List<Failure> failures) {
    public boolean failed() {
      return !failures.isEmpty();
    }
  }

  private record Handler(Object target, Method method) {}

  private final URI url;
  private final StateChangeHandler function;
  private final Map<String, List<Handler>> setupMethods = new LinkedHashMap<>();
  private final Map<String, List<Handler>> teardownMethods = new LinkedHashMap<>();
  private final boolean annotated;
  private final String hintClass;
  private final HttpTransport transport;
  private final boolean asQuery;
  private final boolean urlTeardown;

  public StateChanges(Settings settings, HttpTransport transport) {
    this.url = settings.stateChangeUrl;
    this.asQuery = settings.stateChangeAsQuery;
    this.urlTeardown = settings.stateChangeTeardown;
    this.function = settings.stateChangeHandler;
    this.transport = transport;
    this.annotated = !settings.stateHandlerObjects.isEmpty();
    for (Object target : settings.stateHandlerObjects) {
      for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          State state = m.getAnnotation(State.class);
          if (state == null) {
            continue;
          }
          checkSignature(m);
          m.setAccessible(true);
          Map<String, List<Handler>> into =
              state.action() == StateAction.SETUP ? setupMethods : teardownMethods;
          for (String name : state.value()) {
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(new Handler(target, m));
          }
        }
      }
    }
    this.hintClass =
        settings.stateHandlerHint != null
            ? settings.stateHandlerHint
            : settings.stateHandlerObjects.isEmpty()
                ? "your state handler class"
                : settings.stateHandlerObjects.get(0).getClass().getSimpleName();
  }

  private static void checkSignature(Method m) {
    boolean paramsOk =
        m.getParameterCount() == 0
            || (m.getParameterCount() == 1 && Map.class.isAssignableFrom(m.getParameterTypes()[0]));
    boolean returnOk =
        m.getReturnType() == void.class || Map.class.isAssignableFrom(m.getReturnType());
    if (!paramsOk || !returnOk) {
      throw new IllegalStateException(
          "@State method "
              + m.getDeclaringClass().getSimpleName()
              + "."
              + m.getName()
              + " has an unsupported signature "
              + m.toGenericString()
              + ".\n"
              + "Use: [void | Map<String, Object>] "
              + m.getName()
              + "([Map<String, Object> params])");
    }
  }

  /** Whether any state handling is configured. */
  public boolean configured() {
    return url != null || function != null || annotated;
  }

  /** Sets up the interaction's states in order, stopping at the first failure. */
  public Setup setup(Interaction interaction) throws HttpTransport.Unreachable {
    return setup(interaction.providerStates());
  }

  /**
   * Sets up {@code providerStates} in order, stopping at the first failure; none at all calls a URL
   * or function handler once with the state "" (pact-spec §4.2).
   */
  public Setup setup(List<ProviderState> providerStates) throws HttpTransport.Unreachable {
    Map<String, JsonNode> context = new LinkedHashMap<>();
    for (ProviderState s : providerStates) {
      context.putAll(s.params());
    }
    List<ProviderState> done = new ArrayList<>();
    if (!configured()) {
      return new Setup(context, done, List.of());
    }
    List<ProviderState> states = providerStates;
    if (states.isEmpty()) {
      if (url == null && function == null) {
        return new Setup(context, done, List.of());
      }
      // pact-spec §4.2: URL and function handlers are called once with the state "" (compat V1
      // asserts it)
      states = List.of(ProviderState.of(""));
    }
    if (annotated && function == null) {
      List<String> missing =
          states.stream()
              .map(ProviderState::name)
              .filter(n -> !setupMethods.containsKey(n))
              .distinct()
              .toList();
      if (!missing.isEmpty()) {
        return new Setup(context, done, List.of(missingHandler(missing)));
      }
    }
    for (ProviderState state : states) {
      try {
        Map<String, JsonNode> values = setupOne(state);
        context.putAll(values);
        done.add(state);
      } catch (HttpTransport.Unreachable e) {
        throw e;
      } catch (StateFailure e) {
        return new Setup(context, done, List.of(Failure.of(Failure.STATE_CHANGE, e.getMessage())));
      }
    }
    return new Setup(context, done, List.of());
  }

  /** Tears down the states that were set up, in the same order (pact-spec §4.2). */
  public List<Failure> teardown(List<ProviderState> done) throws HttpTransport.Unreachable {
    List<Failure> failures = new ArrayList<>();
    for (ProviderState state : done) {
      try {
        teardownOne(state);
      } catch (HttpTransport.Unreachable e) {
        throw e;
      } catch (StateFailure e) {
        failures.add(Failure.of(Failure.STATE_TEARDOWN, e.getMessage()));
      }
    }
    return failures;
  }

  /**
   * After a setup failed part-way: tears down the states of the interaction that were already set
   * up, in reverse order (the last set up first), so that a half-prepared interaction leaves
   * nothing behind.
   */
  public List<Failure> undo(List<ProviderState> done) throws HttpTransport.Unreachable {
    List<ProviderState> reversed = new ArrayList<>(done);
    java.util.Collections.reverse(reversed);
    List<Failure> failures = new ArrayList<>();
    for (Failure f : teardown(reversed)) {
      failures.add(
          Failure.of(
              f.summary(),
              f.detail() + "\n(while undoing the states set up before the failed one)"));
    }
    return failures;
  }

  private Map<String, JsonNode> setupOne(ProviderState state)
      throws StateFailure, HttpTransport.Unreachable {
    List<Handler> methods = setupMethods.get(state.name());
    if (methods != null) {
      Map<String, JsonNode> values = new LinkedHashMap<>();
      for (Handler h : methods) {
        values.putAll(toNodes(invoke(h, state, StateAction.SETUP), state));
      }
      return values;
    }
    if (function != null) {
      try {
        Map<String, ?> result = function.setup(state.name(), toObjects(state.params()));
        return toNodes(result, state);
      } catch (Exception e) {
        throw new StateFailure("Setting up state '" + state.name() + "' threw " + describe(e), e);
      }
    }
    return callUrl(state, StateAction.SETUP);
  }

  private void teardownOne(ProviderState state) throws StateFailure, HttpTransport.Unreachable {
    if (annotated
        && (setupMethods.containsKey(state.name()) || teardownMethods.containsKey(state.name()))) {
      for (Handler h : teardownMethods.getOrDefault(state.name(), List.of())) {
        invoke(h, state, StateAction.TEARDOWN);
      }
      return;
    }
    if (function != null) {
      try {
        function.teardown(state.name(), toObjects(state.params()));
      } catch (Exception e) {
        throw new StateFailure("Tearing down state '" + state.name() + "' threw " + describe(e), e);
      }
      return;
    }
    if (url != null && urlTeardown) {
      callUrl(state, StateAction.TEARDOWN);
    }
  }

  private Object invoke(Handler h, ProviderState state, StateAction action) throws StateFailure {
    try {
      return h.method().getParameterCount() == 0
          ? h.method().invoke(h.target())
          : h.method().invoke(h.target(), toObjects(state.params()));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new StateFailure(
          "@State(\""
              + state.name()
              + "\") method "
              + h.target().getClass().getSimpleName()
              + "."
              + h.method().getName()
              + " threw "
              + describe(cause)
              + " during "
              + action.wireName(),
          cause);
    } catch (IllegalAccessException e) {
      throw new StateFailure("Cannot call @State method " + h.method() + ": " + e.getMessage(), e);
    }
  }

  private Map<String, JsonNode> callUrl(ProviderState state, StateAction action)
      throws StateFailure, HttpTransport.Unreachable {
    ObjectNode body = Json.nodes().objectNode();
    body.put("state", state.name());
    ObjectNode params = body.putObject("params");
    state.params().forEach(params::set);
    body.put("action", action.wireName());
    HttpRequest request;
    if (asQuery) {
      // as the reference verifier's --state-change-as-query: no body; strings as they are, other
      // values as JSON
      Map<String, List<String>> query = new LinkedHashMap<>();
      query.put("state", List.of(state.name()));
      query.put("action", List.of(action.wireName()));
      state
          .params()
          .forEach((k, v) -> query.put(k, List.of(v.isString() ? v.asString() : Json.write(v))));
      request = new HttpRequest("POST", "", query, Map.of(), null, null, null);
    } else {
      request =
          new HttpRequest(
              "POST",
              "",
              null,
              Map.of("Content-Type", List.of("application/json")),
              Body.json(body),
              null,
              null);
    }
    URI target =
        !asQuery
            ? url
            : HttpTransport.target(
                URI.create(url.getScheme() + "://" + url.getRawAuthority()),
                request.withPath(
                    url.getRawPath() == null || url.getRawPath().isEmpty()
                        ? "/"
                        : url.getRawPath()));
    HttpResponse response;
    try {
      response = transport.send(target, request);
    } catch (HttpTransport.Unreachable e) {
      throw new HttpTransport.Unreachable(url, "state-change URL: " + e.getMessage());
    } catch (IOException e) {
      throw new StateFailure(
          "The state-change request POST "
              + url
              + " for "
              + action.wireName()
              + " of state '"
              + state.name()
              + "' failed: "
              + e.getMessage(),
          e);
    }
    String what =
        "The state-change endpoint POST "
            + url
            + " answered "
            + response.status()
            + " for "
            + action.wireName()
            + " of state '"
            + state.name()
            + "'";
    if (response.status() >= 400) {
      String kind = response.status() >= 500 ? " (a server error in the state endpoint)" : "";
      throw new StateFailure(
          what
              + kind
              + ".\nIts response body: "
              + shown(response.body())
              + "\nSent: "
              + (asQuery ? "POST " + target : Json.write(body)),
          null);
    }
    if (action == StateAction.TEARDOWN || response.body().isEmpty()) {
      return Map.of();
    }
    boolean saysJson = response.contentType().map(ContentType::isJson).orElse(false);
    if (!saysJson) {
      return Map.of(); // pact-spec §4.1: values are read only from application/json answers
    }
    if (!response.body().isJsonContent()) {
      throw new StateFailure(
          what
              + " with Content-Type "
              + response.contentType().get()
              + " but a body that is not JSON: "
              + shown(response.body())
              + "\nReturn a JSON object of values (e.g. {\"id\": 42}) or an empty body.",
          null);
    }
    JsonNode json = response.body().asJson();
    if (json.isNull()) {
      return Map.of();
    }
    if (!json.isObject()) {
      throw new StateFailure(
          what
              + " with a JSON "
              + json.getNodeType().name().toLowerCase(Locale.ROOT)
              + " where a JSON object of values was expected: "
              + shown(response.body()),
          null);
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    json.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
    return values;
  }

  private static String shown(Body body) {
    if (body.isEmpty() || body.isMissing()) {
      return "(empty)";
    }
    String s = body.asString();
    return s.length() > MAX_BODY_SHOWN
        ? s.substring(0, MAX_BODY_SHOWN) + "... (" + body.size() + " bytes)"
        : s;
  }

  private Failure missingHandler(List<String> missing) {
    StringBuilder sb =
        new StringBuilder("No @State method for ")
            .append(missing.size() == 1 ? "the state " : "the states ")
            .append(String.join(", ", missing.stream().map(n -> "'" + n + "'").toList()))
            .append(".\nAdd to ")
            .append(hintClass)
            .append(":\n");
    for (String name : missing) {
      sb.append("\n  @State(\"")
          .append(name.replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\")\n")
          .append("  Map<String, Object> ")
          .append(methodName(name))
          .append("(Map<String, Object> params) {\n")
          .append(
              "    // put the provider into this state; return values for ProviderState generators\n")
          .append("    return Map.of();\n")
          .append("  }\n");
    }
    return Failure.of(Failure.MISSING_STATE_HANDLER, sb.toString().stripTrailing());
  }

  static String methodName(String state) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : state.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        if (sb.isEmpty() && Character.isDigit(c)) {
          sb.append("state");
          upper = true;
        }
        sb.append(sb.isEmpty() ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = !sb.isEmpty();
      }
    }
    return sb.isEmpty() ? "providerState" : sb.toString();
  }

  private static Map<String, JsonNode> toNodes(Object result, ProviderState state)
      throws StateFailure {
    if (result == null) {
      return Map.of();
    }
    if (!(result instanceof Map<?, ?> map)) {
      throw new StateFailure(
          "The handler of state '"
              + state.name()
              + "' returned a "
              + result.getClass().getName()
              + "; return a Map<String, Object> of values or nothing",
          null);
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> values.put(String.valueOf(k), v instanceof JsonNode n ? n : Json.toTree(v)));
    return values;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> toObjects(Map<String, JsonNode> params) {
    Map<String, Object> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, Json.mapper().treeToValue(v, Object.class)));
    return out;
  }

  static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** A state change that did not work; the message says which, where and what came back. */
  static final class StateFailure extends Exception {
    StateFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
