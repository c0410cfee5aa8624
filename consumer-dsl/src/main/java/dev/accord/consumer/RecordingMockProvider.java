package dev.accord.consumer;

import dev.accord.consumer.internal.MockHttpServer;
import dev.accord.consumer.internal.Reports;
import dev.accord.pact.generators.Generation;
import dev.accord.pact.generators.GeneratorContext;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.SyncMessageInteraction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The mock provider of one {@link Contract}: the DSL stages, the drafts of the current test, the
 * server.
 */
final class RecordingMockProvider implements MockProvider {

  private final String providerName;

  /**
   * Where the server comes from and goes back to; null: started for this provider, stopped when it
   * closes.
   */
  private final MockServerPool pool;

  private MockHttpServer server;

  /** The server starting in the background, until {@link #server()} takes it. */
  private CompletableFuture<MockHttpServer> starting;

  /**
   * HTTP interactions declared while the server was starting: nobody can call them before they are
   * added.
   */
  private final List<MockHttpServer.Expectation> unregistered = new ArrayList<>();

  private final List<Drafts.Draft> drafts = new ArrayList<>();

  RecordingMockProvider(String providerName, MockServerPool pool) {
    this.providerName = providerName;
    this.pool = pool;
  }

  /**
   * Starts the WireMock server on a background thread when the first HTTP interaction is declared,
   * so that its start-up (thousands of classes) overlaps with compiling the interactions;
   * message-only contracts never start it. An idle server of the pool, when there is one, is taken
   * at once instead.
   */
  private synchronized void startServer() {
    if (server == null && starting == null && pool != null) {
      server = pool.take();
    }
    if (server == null && starting == null) {
      starting =
          CompletableFuture.supplyAsync(
              MockHttpServer::new,
              task -> {
                Thread thread = new Thread(task, "accord-mock-provider-start");
                thread.setDaemon(true);
                thread.start();
              });
    }
  }

  /**
   * The running server, with every interaction declared so far added to it. The URL and port are
   * only known here, so no request can reach the server before its stubs are in place.
   */
  private synchronized MockHttpServer server() {
    if (server == null) {
      startServer();
    }
    if (server == null) {
      try {
        server = starting.join();
      } catch (CompletionException e) {
        starting = null;
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(
            "The mock provider '" + providerName + "' could not start: " + cause, cause);
      }
      starting = null;
    }
    if (!unregistered.isEmpty()) {
      unregistered.forEach(server::add);
      unregistered.clear();
    }
    return server;
  }

  /** Adds an HTTP interaction to the server, or keeps it until the server has started. */
  private synchronized void register(MockHttpServer.Expectation expectation) {
    if (server == null) {
      startServer();
    }
    if (server != null) {
      server.add(expectation);
    } else {
      unregistered.add(expectation);
    }
  }

  @Override
  public String url() {
    return server().baseUrl();
  }

  @Override
  public int port() {
    return server().port();
  }

  @Override
  public String providerName() {
    return providerName;
  }

  @Override
  public Dsl.Given given(String state) {
    return new GivenStage(
        List.of(new Drafts.StateDecl(Objects.requireNonNull(state, "state"), Map.of())));
  }

  @Override
  public Dsl.Given given(String state, Map<String, ?> params) {
    return new GivenStage(
        List.of(new Drafts.StateDecl(Objects.requireNonNull(state, "state"), params)));
  }

  @Override
  public Dsl.Described uponReceiving(String description) {
    return new DescribedStage(description, List.of());
  }

  @Override
  public Dsl.MessageDescribed expectsToReceive(String description) {
    return new MessageDescribedStage(description, List.of());
  }

  /** Forgets the drafts and the server's stubs and journal. */
  synchronized void reset() {
    drafts.clear();
    unregistered.clear();
    if (server != null) {
      server.reset();
    }
  }

  synchronized void close() {
    if (server == null && starting != null) {
      // started but never used: stop it all the same (Jetty's threads would outlive the test)
      server = starting.exceptionally(e -> null).join();
    }
    if (server != null) {
      MockHttpServer closing = server;
      server = null;
      if (pool != null) {
        pool.give(closing);
      } else {
        closing.close();
      }
    }
  }

  /**
   * Checks that the test exercised exactly what it declared.
   *
   * @return the declared interactions, compiled
   * @throws AssertionError listing unexpected requests, interactions never received and messages
   *     never delivered
   */
  List<Interaction> verify() {
    List<String> unexpected = new ArrayList<>();
    List<ContractNotExercisedError.UnexpectedRequest> unexpectedRequests = new ArrayList<>();
    Set<Object> hit = Collections.newSetFromMap(new IdentityHashMap<>());
    if (server != null) {
      for (MockHttpServer.Received r : server.received()) {
        if (r.unreadable() != null) {
          unexpected.add(Reports.unreadableRequest(r.request(), r.unreadable()));
          unexpectedRequests.add(
              new ContractNotExercisedError.UnexpectedRequest(
                  r.request(), java.util.Optional.empty(), List.of()));
        } else if (r.matched() == null) {
          MockHttpServer.Closest closest = server.closest(r.request());
          unexpected.add(Reports.unexpectedRequest(r.request(), closest));
          unexpectedRequests.add(
              new ContractNotExercisedError.UnexpectedRequest(
                  r.request(),
                  java.util.Optional.ofNullable(closest)
                      .map(c -> ((Drafts.Draft) c.expectation()).interaction()),
                  closest == null ? List.of() : closest.mismatches()));
        } else {
          hit.add(r.matched());
        }
      }
    }
    List<String> notReceived = new ArrayList<>();
    List<Interaction> notReceivedInteractions = new ArrayList<>();
    List<String> notDelivered = new ArrayList<>();
    for (Drafts.Draft d : drafts) {
      if (d instanceof MockHttpServer.Expectation h) {
        if (!hit.contains(h)) {
          notReceived.add(d.label() + ": " + Reports.requestLine(h.request()));
          notReceivedInteractions.add(d.interaction());
        }
      } else if (d instanceof Drafts.AsyncDraft a && (a.message == null || !a.delivered)) {
        notDelivered.add(
            a.label() + (a.message == null ? " (no content declared: add .withContent(...))" : ""));
      } else if (d instanceof Drafts.SyncDraft s && (s.interaction() == null || !s.delivered)) {
        notDelivered.add(
            s.label()
                + (s.interaction() == null
                    ? " (no response declared: add .willRespondWith(...))"
                    : ""));
      }
    }
    if (!unexpected.isEmpty() || !notReceived.isEmpty() || !notDelivered.isEmpty()) {
      throw new ContractNotExercisedError(
          Reports.verificationFailure(providerName, unexpected, notReceived, notDelivered),
          unexpectedRequests,
          notReceivedInteractions,
          notDelivered);
    }
    return drafts.stream().map(Drafts.Draft::interaction).map(Interaction.class::cast).toList();
  }

  @Override
  public Dsl.Deliverable declare(AsyncMessageInteraction interaction) {
    Drafts.AsyncDraft draft =
        new Drafts.AsyncDraft(Objects.requireNonNull(interaction, "interaction"));
    drafts.add(draft);
    return new MessageContentStage(draft);
  }

  @Override
  public Dsl.SyncDeliverable declare(SyncMessageInteraction interaction) {
    Drafts.SyncDraft draft =
        new Drafts.SyncDraft(Objects.requireNonNull(interaction, "interaction"));
    drafts.add(draft);
    return new SyncResponseStage(draft);
  }

  @Override
  public void declare(HttpInteraction interaction) {
    Drafts.ModelDraft draft =
        new Drafts.ModelDraft(Objects.requireNonNull(interaction, "interaction"));
    startServer();
    drafts.add(draft);
    register(draft);
  }

  private static Message message(MessageContents contents, String description) {
    MessageContents generated =
        !MockHttpServer.consumerSide(contents.generators())
            ? contents
            : Generation.generateMessage(
                contents, GeneratorContext.consumer(null, description.hashCode()));
    return new Message(generated, description);
  }

  private static void rethrow(Exception e, String what) {
    if (e instanceof RuntimeException re) {
      throw re;
    }
    throw new AssertionError("The consumer's handler failed on " + what + ": " + e, e);
  }

  // ---- stages ----

  private final class GivenStage implements Dsl.Given {
    private final List<Drafts.StateDecl> states;

    GivenStage(List<Drafts.StateDecl> states) {
      this.states = states;
    }

    @Override
    public Dsl.Given and(String state) {
      return and(state, Map.of());
    }

    @Override
    public Dsl.Given and(String state, Map<String, ?> params) {
      List<Drafts.StateDecl> more = new ArrayList<>(states);
      more.add(new Drafts.StateDecl(Objects.requireNonNull(state, "state"), params));
      return new GivenStage(more);
    }

    @Override
    public Dsl.Described uponReceiving(String description) {
      return new DescribedStage(description, states);
    }

    @Override
    public Dsl.MessageDescribed expectsToReceive(String description) {
      return new MessageDescribedStage(description, states);
    }
  }

  /** Options collected before the kind of interaction is known. */
  private abstract static class OptionsStage<S> implements Dsl.Options<S> {
    final String description;
    final List<Drafts.StateDecl> states;
    String key;
    boolean pending;
    final List<String> comments = new ArrayList<>();

    OptionsStage(String description, List<Drafts.StateDecl> states) {
      this.description = Objects.requireNonNull(description, "description");
      this.states = states;
    }

    abstract S self();

    @Override
    public S key(String newKey) {
      key = newKey;
      return self();
    }

    @Override
    public S pending() {
      pending = true;
      return self();
    }

    @Override
    public S comment(String text) {
      comments.add(Objects.requireNonNull(text, "text"));
      return self();
    }

    <D extends Drafts.Draft> D apply(D draft) {
      draft.key = key;
      draft.pending = pending;
      draft.comments.addAll(comments);
      return draft;
    }
  }

  private final class DescribedStage extends OptionsStage<Dsl.Described> implements Dsl.Described {
    DescribedStage(String description, List<Drafts.StateDecl> states) {
      super(description, states);
    }

    @Override
    Dsl.Described self() {
      return this;
    }

    @Override
    public Dsl.Request withRequest(String method, Object path) {
      startServer();
      Drafts.HttpDraft draft = apply(new Drafts.HttpDraft(description, states, method, path));
      draft.rebuild();
      drafts.add(draft);
      register(draft);
      return new RequestStage(draft);
    }

    @Override
    public Dsl.SyncRequest withRequestMessage(Object content) {
      return sync(Drafts.BodySpec.json(content));
    }

    @Override
    public Dsl.SyncRequest withRequestMessage(byte[] content, String contentType) {
      return sync(Drafts.BodySpec.bytes(content, contentType));
    }

    private Dsl.SyncRequest sync(Drafts.BodySpec content) {
      Drafts.SyncDraft draft = apply(new Drafts.SyncDraft(description, states));
      draft.request = new Drafts.MessagePart(content);
      draft.request.compile(draft, "request message");
      drafts.add(draft);
      return new SyncRequestStage(draft);
    }
  }

  private static final class RequestStage implements Dsl.Request {
    private final Drafts.HttpDraft draft;

    RequestStage(Drafts.HttpDraft draft) {
      this.draft = draft;
    }

    @Override
    public Dsl.Request header(String name, Object... values) {
      draft
          .requestHeaders
          .computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
          .addAll(List.of(values));
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.Request query(String name, Object... values) {
      draft
          .query
          .computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
          .addAll(List.of(values));
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.Request body(Object body) {
      draft.requestBody = Drafts.BodySpec.json(body);
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.Request body(String text, String contentType) {
      draft.requestBody = Drafts.BodySpec.text(text, contentType);
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.Request body(byte[] bytes, String contentType) {
      draft.requestBody = Drafts.BodySpec.bytes(bytes, contentType);
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.Response willRespondWith(int status) {
      draft.status = status;
      draft.rebuild();
      return new ResponseStage(draft);
    }

    @Override
    public Dsl.Response willRespondWith(Matcher status) {
      draft.status = Objects.requireNonNull(status, "status");
      draft.rebuild();
      return new ResponseStage(draft);
    }
  }

  private static final class ResponseStage implements Dsl.Response {
    private final Drafts.HttpDraft draft;

    ResponseStage(Drafts.HttpDraft draft) {
      this.draft = draft;
    }

    @Override
    public Dsl.Response header(String name, Object... values) {
      draft
          .responseHeaders
          .computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
          .addAll(List.of(values));
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.Response body(Object body) {
      draft.responseBody = Drafts.BodySpec.json(body);
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.Response body(String text, String contentType) {
      draft.responseBody = Drafts.BodySpec.text(text, contentType);
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.Response body(byte[] bytes, String contentType) {
      draft.responseBody = Drafts.BodySpec.bytes(bytes, contentType);
      draft.rebuild();
      return this;
    }
  }

  private final class MessageDescribedStage extends OptionsStage<Dsl.MessageDescribed>
      implements Dsl.MessageDescribed {
    MessageDescribedStage(String description, List<Drafts.StateDecl> states) {
      super(description, states);
    }

    @Override
    Dsl.MessageDescribed self() {
      return this;
    }

    @Override
    public Dsl.MessageContent withContent(Object content) {
      return content(Drafts.BodySpec.json(content));
    }

    @Override
    public Dsl.MessageContent withContent(String text, String contentType) {
      return content(Drafts.BodySpec.text(text, contentType));
    }

    @Override
    public Dsl.MessageContent withContent(byte[] bytes, String contentType) {
      return content(Drafts.BodySpec.bytes(bytes, contentType));
    }

    private Dsl.MessageContent content(Drafts.BodySpec spec) {
      Drafts.AsyncDraft draft = apply(new Drafts.AsyncDraft(description, states));
      draft.message = new Drafts.MessagePart(spec);
      draft.rebuild();
      drafts.add(draft);
      return new MessageContentStage(draft);
    }
  }

  private static final class MessageContentStage implements Dsl.MessageContent {
    private final Drafts.AsyncDraft draft;

    MessageContentStage(Drafts.AsyncDraft draft) {
      this.draft = draft;
    }

    @Override
    public Dsl.MessageContent withMetadata(Map<String, ?> metadata) {
      metadata.forEach(draft.message.metadata::put);
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.MessageContent withMetadata(String key, Object value) {
      draft.message.metadata.put(Objects.requireNonNull(key, "key"), value);
      draft.rebuild();
      return this;
    }

    @Override
    public Message message() {
      draft.delivered = true;
      return RecordingMockProvider.message(draft.interaction().contents(), draft.description);
    }

    @Override
    public void deliverTo(Dsl.MessageHandler handler) {
      Message message = message();
      try {
        handler.handle(message);
      } catch (Exception e) {
        rethrow(e, "message " + draft.label());
      }
    }
  }

  private static final class SyncRequestStage implements Dsl.SyncRequest {
    private final Drafts.SyncDraft draft;

    SyncRequestStage(Drafts.SyncDraft draft) {
      this.draft = draft;
    }

    @Override
    public Dsl.SyncRequest withMetadata(Map<String, ?> metadata) {
      metadata.forEach(draft.request.metadata::put);
      draft.request.compile(draft, "request message");
      return this;
    }

    @Override
    public Dsl.SyncResponse willRespondWith(Object content) {
      draft.responses.add(new Drafts.MessagePart(Drafts.BodySpec.json(content)));
      draft.rebuild();
      return new SyncResponseStage(draft);
    }

    @Override
    public Dsl.SyncResponse willRespondWith(byte[] content, String contentType) {
      draft.responses.add(new Drafts.MessagePart(Drafts.BodySpec.bytes(content, contentType)));
      draft.rebuild();
      return new SyncResponseStage(draft);
    }
  }

  private static final class SyncResponseStage implements Dsl.SyncResponse {
    private final Drafts.SyncDraft draft;

    SyncResponseStage(Drafts.SyncDraft draft) {
      this.draft = draft;
    }

    @Override
    public Dsl.SyncResponse withMetadata(Map<String, ?> metadata) {
      metadata.forEach(draft.responses.get(draft.responses.size() - 1).metadata::put);
      draft.rebuild();
      return this;
    }

    @Override
    public Dsl.SyncResponse andMessage(Object content) {
      draft.responses.add(new Drafts.MessagePart(Drafts.BodySpec.json(content)));
      draft.rebuild();
      return this;
    }

    @Override
    public SyncExchange exchange() {
      draft.delivered = true;
      var interaction = draft.interaction();
      List<Message> responses =
          interaction.responses().stream().map(r -> message(r, draft.description)).toList();
      return new SyncExchange(message(interaction.request(), draft.description), responses);
    }

    @Override
    public void deliverTo(Dsl.SyncMessageHandler handler) {
      SyncExchange exchange = exchange();
      try {
        handler.handle(exchange);
      } catch (Exception e) {
        rethrow(e, "synchronous message " + draft.label());
      }
    }
  }
}
