package dev.accord.pact.json;

import dev.accord.pact.json.internal.PactEncoder;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Writes pacts as V3 or V4 JSON with a deterministic key and interaction order, so the same pact
 * always gives the same bytes.
 *
 * <pre>{@code
 * String json = PactWriter.toJson(pact, PactSpecification.V4);
 * PactWriter.write(pact, PactSpecification.V4, Path.of("target/pacts/orders-products.json"));
 * }</pre>
 *
 * <p>V4 (the default) writes every interaction with its {@code type}, a {@code key} (computed from
 * the description and provider states when the interaction has none), {@code pending}, and its
 * comments and extension attributes. V3 writes an HTTP pact ({@code interactions}) or, when the
 * pact holds only asynchronous messages, a V3 message pact ({@code messages} with {@code
 * metaData}); a pact with synchronous messages, or with both HTTP interactions and messages, cannot
 * be written as V3. Message payload rules are written in the {@code body} category, as pact-jvm
 * does. Interactions keep the pact's order; output is pretty-printed with two spaces and ends with
 * a newline; {@code metadata} holds {@code pactSpecification.version} ({@code "3.0.0"} or {@code
 * "4.0"}), {@code accord.version} and the pact's other metadata, keys sorted.
 */
public final class PactWriter {
  private PactWriter() {}

  /**
   * @throws IllegalArgumentException when {@code version} is not V3 or V4, or the pact cannot be
   *     expressed in V3 (synchronous messages, or HTTP interactions mixed with messages)
   */
  public static String toJson(Pact pact, PactSpecification version) {
    Objects.requireNonNull(pact, "pact");
    Objects.requireNonNull(version, "version");
    return Json.writePretty(PactEncoder.encode(pact, version));
  }

  /**
   * Writes the pact file, creating parent directories; the file is replaced in one step where
   * possible.
   */
  public static void write(Pact pact, PactSpecification version, Path file) {
    String json = toJson(pact, version);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the pact file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
