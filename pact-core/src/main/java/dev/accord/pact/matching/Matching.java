package dev.accord.pact.matching;

import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MessageContents;
import java.util.List;

/**
 * The matching engine: compares what a pact expects with what actually happened and lists every
 * mismatch. One engine serves the consumer mock (requests, strict), the verifier (responses, lenient) and
 * message verification (lenient). An empty list means the actual value matches.
 */
public final class Matching {
  private Matching() {}

  /** Strict: unexpected body keys and query parameters are mismatches. Rules come from {@code expected}. */
  public static List<Mismatch> matchRequest(HttpRequest expected, HttpRequest actual) {
    throw new UnsupportedOperationException("matching engine: not built yet");
  }

  /** Lenient: unexpected body keys and headers are allowed. Rules come from {@code expected}. */
  public static List<Mismatch> matchResponse(HttpResponse expected, HttpResponse actual) {
    throw new UnsupportedOperationException("matching engine: not built yet");
  }

  /** Lenient, like responses: payload by content type, then metadata. */
  public static List<Mismatch> matchMessage(MessageContents expected, MessageContents actual) {
    throw new UnsupportedOperationException("matching engine: not built yet");
  }
}
