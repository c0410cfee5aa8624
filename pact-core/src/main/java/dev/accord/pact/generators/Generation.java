package dev.accord.pact.generators;

import dev.accord.pact.generators.internal.PartGeneration;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MessageContents;
import java.util.Objects;

/**
 * Applies an interaction's generators: the verifier prepares requests (provider mode), the mock
 * prepares responses and messages (consumer mode). The result carries generated values; the pact
 * keeps its examples.
 *
 * <p>Every category is covered: {@code method}, {@code path}, {@code status}, {@code header} and
 * {@code query} (a generator for a name that is absent adds it), {@code body} (JSON bodies by path
 * expression {@code $}, {@code .name}, {@code ['name']}, {@code [0]}, {@code [*]}, {@code .*},
 * where a path that reaches no value changes nothing; form-urlencoded bodies by {@code $.name};
 * text/plain bodies whole at {@code $}) and message {@code metadata}. {@code ProviderState}
 * generators run only in {@link GeneratorMode#PROVIDER} mode, {@code MockServerURL} only in {@link
 * GeneratorMode#CONSUMER} mode; in the other mode they leave the example in place. Random values
 * come from a {@link java.util.Random} seeded from {@code context.seed()} and dates from {@code
 * context.clock()}, so one context always gives the same values.
 *
 * <pre>{@code
 * GeneratorContext ctx = GeneratorContext.provider(stateValues, 42L);
 * HttpRequest toSend = Generation.generateRequest(interaction.request(), ctx);
 * }</pre>
 *
 * @throws GeneratorException (from every method) when a generator cannot produce its value: an
 *     unknown provider-state name, a bad regex, format or expression, a body generator on a content
 *     type that has no paths; the message names where, the generator, the problem and the fix
 */
public final class Generation {
  private Generation() {}

  /**
   * The request with its generators applied ({@code path}, {@code method}, {@code header}, {@code
   * query}, {@code body}).
   */
  public static HttpRequest generateRequest(HttpRequest request, GeneratorContext context) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(context, "context");
    return new PartGeneration(context).request(request);
  }

  /** The response with its generators applied ({@code status}, {@code header}, {@code body}). */
  public static HttpResponse generateResponse(HttpResponse response, GeneratorContext context) {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(context, "context");
    return new PartGeneration(context).response(response);
  }

  /** The message with its generators applied (contents as {@code body}, and {@code metadata}). */
  public static MessageContents generateMessage(MessageContents message, GeneratorContext context) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(context, "context");
    return new PartGeneration(context).message(message);
  }
}
