package dev.accord.pact.json;

import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import java.nio.file.Path;

/**
 * Writes pacts as V3 or V4 JSON with a deterministic key and interaction order, so the same pact always
 * gives the same bytes.
 */
public final class PactWriter {
  private PactWriter() {}

  public static String toJson(Pact pact, PactSpecification version) {
    throw new UnsupportedOperationException("pact writer: not built yet");
  }

  public static void write(Pact pact, PactSpecification version, Path file) {
    throw new UnsupportedOperationException("pact writer: not built yet");
  }
}
