package dev.accord.pact.generators;

import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MessageContents;

/**
 * Applies an interaction's generators: the verifier prepares requests (provider mode), the mock
 * prepares responses and messages (consumer mode). The result carries generated values; the pact keeps
 * its examples.
 */
public final class Generation {
  private Generation() {}

  public static HttpRequest generateRequest(HttpRequest request, GeneratorContext context) {
    throw new UnsupportedOperationException("generators: not built yet");
  }

  public static HttpResponse generateResponse(HttpResponse response, GeneratorContext context) {
    throw new UnsupportedOperationException("generators: not built yet");
  }

  public static MessageContents generateMessage(MessageContents message, GeneratorContext context) {
    throw new UnsupportedOperationException("generators: not built yet");
  }
}
