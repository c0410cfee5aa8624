package dev.accord.verifier.internal.sources;

import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import dev.accord.verifier.PactSource;
import dev.accord.verifier.PactSourceException;
import dev.accord.verifier.PactToVerify;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One pact file. */
public record FilePactSource(Path file) implements PactSource {
  @Override
  public List<PactToVerify> load() {
    return List.of(read(file));
  }

  static PactToVerify read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new PactSourceException(
          "Pact file " + file.toAbsolutePath() + " does not exist or is not a file");
    }
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PactSourceException(
          "Cannot read pact file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    try {
      return PactToVerify.of(PactReader.read(json, file.toString()), file.toString());
    } catch (PactFormatException e) {
      throw new PactSourceException(e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "file " + file;
  }
}
