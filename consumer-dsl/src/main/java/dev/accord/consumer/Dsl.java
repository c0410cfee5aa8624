package dev.accord.consumer;

import java.util.Map;

/**
 * The stages of an interaction declaration. Each step returns the next stage, so the IDE offers
 * only what may come next; there is no {@code build()} to forget: an interaction exists from the
 * moment it has a request (HTTP) or content (message). You never name these types; start from a
 * {@link MockProvider}.
 */
public final class Dsl {
  private Dsl() {}

  /** After {@code given(...)}: more states, then the interaction. */
  public interface Given {
    /** Another provider state, set up after the previous ones. */
    Given and(String state);

    /**
     * Another provider state with parameters. Each parameter is also a state variable: refer to it
     * with {@link Accord#stateVariable(String)}. A parameter given as a matcher ({@code
     * integer(10)}) passes its rule to every place that refers to it.
     */
    Given and(String state, Map<String, ?> params);

    /** An HTTP interaction or a synchronous message, described as the provider sees it. */
    Described uponReceiving(String description);

    /** An asynchronous message (an event) the consumer receives. */
    MessageDescribed expectsToReceive(String description);
  }

  /** Options common to every kind of interaction. */
  public interface Options<S> {
    /** The V4 {@code key}; computed from the content when not given. */
    S key(String key);

    /**
     * Marks the interaction pending (V4): its verification failures do not fail the provider's
     * build.
     */
    S pending();

    /** Adds a V4 comment ({@code comments.text}). */
    S comment(String text);
  }

  /** A described interaction: choose HTTP or a synchronous message. */
  public interface Described extends Options<Described> {
    /**
     * The request: a method ({@code GET}, ...) and a path (a string, {@code regex(...)} or {@code
     * path(...)}).
     */
    Request withRequest(String method, Object path);

    /** A V4 synchronous message request with a JSON payload (plain Java values with matchers). */
    SyncRequest withRequestMessage(Object content);

    /** A synchronous message request with a text or binary payload. */
    SyncRequest withRequestMessage(byte[] content, String contentType);
  }

  /** The request of an HTTP interaction. */
  public interface Request {
    /** A header with one or more values (strings or matchers). */
    Request header(String name, Object... values);

    /** A query parameter with one or more values (strings or matchers), unencoded. */
    Request query(String name, Object... values);

    /**
     * A JSON body: maps, lists, records, beans and scalars with matchers anywhere. Sets {@code
     * Content-Type: application/json} unless a {@code Content-Type} header was given.
     */
    Request body(Object body);

    /** A text body (plain text, XML, form) with its content type. */
    Request body(String text, String contentType);

    /** A binary body with its content type. */
    Request body(byte[] bytes, String contentType);

    /** The response status. */
    Response willRespondWith(int status);

    /** A status matched by a rule, e.g. {@code statusCode("success", 200)}. */
    Response willRespondWith(Matcher status);
  }

  /** The response of an HTTP interaction. */
  public interface Response {
    Response header(String name, Object... values);

    /**
     * A JSON body; sets {@code Content-Type: application/json} unless a {@code Content-Type} header
     * was given.
     */
    Response body(Object body);

    Response body(String text, String contentType);

    Response body(byte[] bytes, String contentType);
  }

  /** An asynchronous message, described. */
  public interface MessageDescribed extends Options<MessageDescribed> {
    /** A JSON payload: plain Java values with matchers anywhere. */
    MessageContent withContent(Object content);

    /** A text payload with its content type. */
    MessageContent withContent(String text, String contentType);

    /** A binary payload with its content type. */
    MessageContent withContent(byte[] bytes, String contentType);
  }

  /** A declared asynchronous message, ready to be handed to the consumer. */
  public interface Deliverable {
    /** The message as the consumer receives it (generators applied); counts as delivered. */
    Message message();

    /**
     * Hands the message to the consumer's handler. An exception from the handler fails the test
     * (and nothing is written to the pact).
     */
    void deliverTo(MessageHandler handler);
  }

  /** An asynchronous message with its payload: add metadata, then hand it to the consumer. */
  public interface MessageContent extends Deliverable {
    /** Metadata entries (values may be matchers), e.g. Kafka headers or the destination. */
    MessageContent withMetadata(Map<String, ?> metadata);

    /** One metadata entry. */
    MessageContent withMetadata(String key, Object value);
  }

  /** The request of a synchronous message. */
  public interface SyncRequest {
    SyncRequest withMetadata(Map<String, ?> metadata);

    /** The (first) response message with a JSON payload. */
    SyncResponse willRespondWith(Object content);

    /** The (first) response message with a text or binary payload. */
    SyncResponse willRespondWith(byte[] content, String contentType);
  }

  /** A declared synchronous message, ready for the consumer's code. */
  public interface SyncDeliverable {
    /** The request and response messages as the consumer sees them; counts as exercised. */
    SyncExchange exchange();

    /** Hands request and responses to the consumer's code; an exception fails the test. */
    void deliverTo(SyncMessageHandler handler);
  }

  /** The responses of a synchronous message. */
  public interface SyncResponse extends SyncDeliverable {
    /** Metadata of the latest response message. */
    SyncResponse withMetadata(Map<String, ?> metadata);

    /** One more response message. */
    SyncResponse andMessage(Object content);
  }

  /** The consumer's code under test for an asynchronous message. */
  @FunctionalInterface
  public interface MessageHandler {
    void handle(Message message) throws Exception;
  }

  /** The consumer's code under test for a synchronous message exchange. */
  @FunctionalInterface
  public interface SyncMessageHandler {
    void handle(SyncExchange exchange) throws Exception;
  }
}
