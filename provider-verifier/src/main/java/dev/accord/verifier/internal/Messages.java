package dev.accord.verifier.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.ProviderState;
import dev.accord.verifier.Message;
import dev.accord.verifier.MessageProducer;
import dev.accord.verifier.MessageSerializer;
import dev.accord.verifier.ProvidesMessage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Produces the actual message of a message interaction: in-process ({@link ProvidesMessage}
 * methods, {@link MessageProducer}s) or, for non-JVM providers, from an HTTP endpoint that answers
 * a POST of {@code {"description", "providerStates"}} with the message as body and its metadata as
 * base64 JSON in the {@code Pact-Message-Metadata} header (the convention of the other Pact
 * verifiers).
 */
public final class Messages {
  public static final String METADATA_HEADER = "Pact-Message-Metadata";

  private record Producer(Object target, Method method) {}

  private final Map<String, Producer> methods = new LinkedHashMap<>();
  private final List<MessageProducer> producers;

  /**
   * The production serializer, or null: then Accord's own JSON mapper writes objects (and failures
   * say so).
   */
  private final MessageSerializer serializer;

  private final URI endpoint;
  private final HttpTransport transport;
  private final String hintClass;

  public Messages(Settings settings, HttpTransport transport) {
    this.producers = List.copyOf(settings.messageProducers);
    this.serializer = settings.messageSerializer;
    this.endpoint = settings.baseUrl;
    this.transport = transport;
    for (Object target : settings.messageProviderObjects) {
      for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          ProvidesMessage pm = m.getAnnotation(ProvidesMessage.class);
          if (pm == null) {
            continue;
          }
          if (m.getParameterCount() > 1
              || (m.getParameterCount() == 1
                  && !Map.class.isAssignableFrom(m.getParameterTypes()[0]))) {
            throw new IllegalStateException(
                "@ProvidesMessage method "
                    + c.getSimpleName()
                    + "."
                    + m.getName()
                    + " must take no parameters or one Map<String, Object> of provider state values");
          }
          m.setAccessible(true);
          for (String d : pm.value()) {
            methods.putIfAbsent(d, new Producer(target, m));
          }
        }
      }
    }
    this.hintClass =
        settings.stateHandlerHint != null
            ? settings.stateHandlerHint
            : settings.messageProviderObjects.isEmpty()
                ? "your message provider class"
                : settings.messageProviderObjects.get(0).getClass().getSimpleName();
  }

  public boolean inProcess() {
    return !methods.isEmpty() || !producers.isEmpty();
  }

  /**
   * A produced message.
   *
   * @param byDefaultMapper Accord's default JSON mapper wrote the bytes: the producer returned an
   *     object and no message serializer was set, so a body mismatch may be Accord's serialization,
   *     not production's
   */
  public record Produced(MessageContents contents, boolean byDefaultMapper, String objectType) {}

  /**
   * Produces the message for {@code interaction}.
   *
   * @param expected the expected message, for its content type when the producer did not say
   * @throws MessageFailure saying what went wrong and how to fix it
   */
  public Produced produce(
      Interaction interaction, MessageContents expected, Map<String, JsonNode> context)
      throws MessageFailure, HttpTransport.Unreachable {
    String description = interaction.description();
    Producer p = methods.get(description);
    Map<String, Object> state = StateChanges.toObjects(context);
    if (p != null) {
      Object value;
      try {
        value =
            p.method().getParameterCount() == 0
                ? p.method().invoke(p.target())
                : p.method().invoke(p.target(), state);
      } catch (InvocationTargetException e) {
        throw new MessageFailure(
            "@ProvidesMessage(\""
                + description
                + "\") method "
                + p.target().getClass().getSimpleName()
                + "."
                + p.method().getName()
                + " threw "
                + StateChanges.describe(e.getCause()));
      } catch (IllegalAccessException e) {
        throw new MessageFailure("Cannot call " + p.method() + ": " + e.getMessage());
      }
      boolean byDefaultMapper =
          serializer == null
              && !(value == null
                  || value instanceof Message
                  || value instanceof byte[]
                  || value instanceof String
                  || value instanceof MessageContents);
      return new Produced(
          toContents(toMessage(value, description), expected),
          byDefaultMapper,
          value == null ? null : value.getClass().getSimpleName());
    }
    for (MessageProducer producer : producers) {
      Message m;
      try {
        m = producer.produce(description, state);
      } catch (Exception e) {
        throw new MessageFailure(
            "The message producer threw "
                + StateChanges.describe(e)
                + " for '"
                + description
                + "'");
      }
      if (m != null) {
        return new Produced(toContents(m, expected), false, null);
      }
    }
    if (inProcess() || endpoint == null) {
      throw new MessageFailure(
          "Nothing produces the message '"
              + description
              + "'.\nAdd to "
              + hintClass
              + ":\n\n"
              + "  @ProvidesMessage(\""
              + description.replace("\"", "\\\"")
              + "\")\n"
              + "  Message "
              + StateChanges.methodName(description)
              + "() {\n"
              + "    // build it with the serializer production uses\n"
              + "    return Message.of(bytes).withMetadata(\"contentType\", \"application/json\");\n"
              + "  }");
    }
    return new Produced(fromEndpoint(interaction, expected), false, null);
  }

  private Message toMessage(Object value, String description) throws MessageFailure {
    if (value == null) {
      throw new MessageFailure(
          "The @ProvidesMessage(\"" + description + "\") method returned null; return the message");
    }
    if (value instanceof Message m) {
      return m;
    }
    if (value instanceof byte[] b) {
      return Message.of(b);
    }
    if (value instanceof String s) {
      return Message.of(s);
    }
    if (value instanceof MessageContents mc) {
      Map<String, Object> md = new LinkedHashMap<>();
      mc.metadata().forEach((k, v) -> md.put(k, Json.mapper().treeToValue(v, Object.class)));
      Message m = Message.of(mc.contents().asBytes()).withMetadata(md);
      return mc.contents().contentType().isPresent() && !md.containsKey("contentType")
          ? m.withMetadata("contentType", mc.contents().contentType().get().raw())
          : m;
    }
    try {
      return Message.of(
          serializer != null
              ? serializer.serialize(value)
              : Json.mapper().writeValueAsBytes(value));
    } catch (Exception e) {
      throw new MessageFailure(
          "Serializing the "
              + value.getClass().getName()
              + " returned for '"
              + description
              + "' failed: "
              + StateChanges.describe(e));
    }
  }

  private static MessageContents toContents(Message m, MessageContents expected) {
    Map<String, JsonNode> metadata = new LinkedHashMap<>();
    m.metadata().forEach((k, v) -> metadata.put(k, v instanceof JsonNode n ? n : Json.toTree(v)));
    ContentType ct =
        metadata.entrySet().stream()
            .filter(
                e ->
                    e.getKey().equalsIgnoreCase("contentType")
                        || e.getKey().equalsIgnoreCase("content-type"))
            .map(e -> ContentType.parse(e.getValue().asString()))
            .findFirst()
            .orElseGet(() -> expected.contentType().orElse(null));
    return new MessageContents(Body.bytes(m.contents(), ct), metadata, null, null);
  }

  private MessageContents fromEndpoint(Interaction interaction, MessageContents expected)
      throws MessageFailure, HttpTransport.Unreachable {
    ObjectNode body = Json.nodes().objectNode();
    body.put("description", interaction.description());
    ArrayNode states = body.putArray("providerStates");
    for (ProviderState s : interaction.providerStates()) {
      ObjectNode n = states.addObject();
      n.put("name", s.name());
      ObjectNode params = n.putObject("params");
      s.params().forEach(params::set);
    }
    HttpRequest request =
        new HttpRequest(
            "POST",
            "",
            null,
            Map.of("Content-Type", List.of("application/json")),
            Body.json(body),
            null,
            null);
    HttpResponse response;
    try {
      response = transport.send(endpoint, request);
    } catch (HttpTransport.Unreachable e) {
      throw e;
    } catch (IOException e) {
      throw new MessageFailure(
          "Asking POST "
              + endpoint
              + " for the message '"
              + interaction.description()
              + "' failed: "
              + e.getMessage());
    }
    if (response.status() >= 300) {
      throw new MessageFailure(
          "The message endpoint POST "
              + endpoint
              + " answered "
              + response.status()
              + " for '"
              + interaction.description()
              + "'; body: "
              + response.body().asString());
    }
    Map<String, JsonNode> metadata = new LinkedHashMap<>();
    String encoded =
        response.header(METADATA_HEADER).filter(v -> !v.isEmpty()).map(v -> v.get(0)).orElse(null);
    if (encoded != null && !encoded.isBlank()) {
      JsonNode md;
      try {
        md =
            Json.parse(
                new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw new MessageFailure(
            "The "
                + METADATA_HEADER
                + " header from "
                + endpoint
                + " is not base64-encoded JSON: '"
                + encoded
                + "'");
      }
      if (!md.isObject()) {
        throw new MessageFailure(
            "The " + METADATA_HEADER + " header from " + endpoint + " must be a JSON object");
      }
      md.properties().forEach(e -> metadata.put(e.getKey(), e.getValue()));
    }
    ContentType ct = response.contentType().orElseGet(() -> expected.contentType().orElse(null));
    Body b = response.body().isEmpty() ? Body.empty() : Body.bytes(response.body().asBytes(), ct);
    return new MessageContents(b, metadata, null, null);
  }

  /** The message could not be produced. */
  public static final class MessageFailure extends Exception {
    MessageFailure(String message) {
      super(message);
    }
  }
}
