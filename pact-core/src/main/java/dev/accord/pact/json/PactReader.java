package dev.accord.pact.json;

import dev.accord.pact.json.internal.PactDecoder;
import dev.accord.pact.json.internal.ReadContext;
import dev.accord.pact.model.Pact;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads pact files of every specification version (V1, V1.1, V2, V3 and V3 message pacts, V4)
 * leniently: legacy keys and matcher forms are understood, unknown attributes are kept or ignored
 * with a warning.
 *
 * <pre>{@code
 * Pact pact = PactReader.read(Path.of("target/pacts/orders-products.json"));
 *
 * PactReader.Result result = PactReader.readWithWarnings(json, "https://broker/pacts/...");
 * result.warnings().forEach(w -> log.warn(w.toString()));
 * }</pre>
 *
 * <p>What is lenient: the version comes from {@code metadata.pactSpecification.version} (also
 * {@code pactSpecificationVersion} and {@code pact-specification.version}; no metadata means V2);
 * legacy keys ({@code provider_state}, {@code providerState}, {@code requestMatchingRules}, {@code
 * responseMatchingRules}, {@code metaData}, the {@code content} rule category), string or list
 * header values (strings are split on commas, except single-value headers such as {@code Date} and
 * {@code Set-Cookie}), V2 query strings, V2 flat matching rules, legacy matcher forms ({@code
 * {"regex": ...}}, {@code {"min": 1}}, {@code min-type}, ...), V4 bodies with {@code encoded: true}
 * or no content type. Unknown attributes of an interaction are kept in {@link
 * dev.accord.pact.model.Interaction#extensions()} and written back; unknown attributes elsewhere
 * are ignored with a {@link Warning}. A V4 {@code key} equal to the one Accord computes is not
 * stored (the writer computes it again), so reading then writing a pact is lossless.
 *
 * <p>What is not lenient: broken JSON, an unknown specification version, a missing consumer or
 * provider name, {@code interactions} that are not an array, a matcher or generator attribute of
 * the wrong type, a body that contradicts its declared encoding. (A regex is read in the dialect
 * that wrote it, see {@link dev.accord.pact.matching.PactRegex}; one that no dialect reads is a
 * {@link Warning}, and only the interactions that use it fail.) Each raises one {@link
 * PactFormatException} naming the source, the JSON path, the problem and the valid form.
 */
public final class PactReader {
  private PactReader() {}

  /**
   * @throws PactFormatException naming the file, the JSON path and the valid form
   */
  public static Pact read(Path file) {
    return read(readFile(file), file.toString());
  }

  /**
   * Reads a pact; warnings go to the {@code System.Logger} named after this class.
   *
   * @param source where the JSON came from (file, URL, broker link), for error messages
   * @throws PactFormatException naming the source, the JSON path and the valid form
   */
  public static Pact read(String json, String source) {
    return new PactDecoder(new ReadContext(source, true)).decode(json);
  }

  /** Reads a pact and returns the warnings instead of logging them. */
  public static Result readWithWarnings(String json, String source) {
    ReadContext ctx = new ReadContext(source, false);
    Pact pact = new PactDecoder(ctx).decode(json);
    return new Result(pact, ctx.warnings());
  }

  /** Reads a pact file and returns the warnings instead of logging them. */
  public static Result readWithWarnings(Path file) {
    return readWithWarnings(readFile(file), file.toString());
  }

  private static String readFile(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PactFormatException(
          file.toString(),
          null,
          "the file does not exist (absolute path: " + file.toAbsolutePath() + ")",
          "the path of a pact file, e.g. target/pacts/orders-products.json",
          e);
    } catch (MalformedInputException e) {
      throw new PactFormatException(
          file.toString(), null, "the file is not UTF-8 text", "a pact JSON file in UTF-8", e);
    } catch (IOException e) {
      throw new PactFormatException(
          file.toString(),
          null,
          "the file cannot be read (" + e + ")",
          "a readable UTF-8 pact JSON file",
          e);
    }
  }

  /** A pact and what was ignored or assumed while reading it. */
  public record Result(Pact pact, List<Warning> warnings) {
    public Result {
      Objects.requireNonNull(pact, "pact");
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Something read leniently: an attribute ignored, a default assumed.
   *
   * @param source the file, URL or broker link
   * @param jsonPath where, e.g. {@code $.interactions[0].request.foo}
   * @param message what was ignored or assumed
   */
  public record Warning(String source, String jsonPath, String message) {
    @Override
    public String toString() {
      return "Pact " + source + (jsonPath == null ? "" : " at " + jsonPath) + ": " + message;
    }
  }
}
