package dev.accord.verifier.internal.sources;

import dev.accord.verifier.PactSource;
import dev.accord.verifier.PactSourceException;
import dev.accord.verifier.PactToVerify;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every {@code *.json} file directly in a directory, in name order. */
public record DirectoryPactSource(Path directory) implements PactSource {
  @Override
  public List<PactToVerify> load() {
    return files().stream().map(f -> FilePactSource.read(f.file())).toList();
  }

  /** One source per pact file, in name order, so that each can be loaded (and fail) on its own. */
  public List<FilePactSource> files() {
    if (!Files.isDirectory(directory)) {
      throw new PactSourceException(
          "Pact directory " + directory.toAbsolutePath() + " does not exist");
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .map(FilePactSource::new)
          .toList();
    } catch (IOException e) {
      throw new PactSourceException(
          "Cannot list pact directory " + directory.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "directory " + directory;
  }
}
