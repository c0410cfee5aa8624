package dev.accord.compat.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the official Pact compatibility suite lives: {@code
 * <accord.shared.dir>/pact-compatibility-suite}. Surefire sets the system property {@code
 * accord.shared.dir} to {@code ../shared} beside the project; the features and fixtures are read
 * from there, never copied into this repository.
 */
public final class CompatibilitySuite {
  public static final String SHARED_DIR_PROPERTY = "accord.shared.dir";

  private CompatibilitySuite() {}

  /**
   * The suite's root directory, when the property is set and the directory holds {@code features/}.
   */
  public static Optional<Path> root() {
    String shared = System.getProperty(SHARED_DIR_PROPERTY);
    if (shared == null || shared.isBlank()) {
      return Optional.empty();
    }
    Path root = Path.of(shared).resolve("pact-compatibility-suite").toAbsolutePath().normalize();
    return Files.isDirectory(root.resolve("features")) ? Optional.of(root) : Optional.empty();
  }

  /** Where the suite was looked for, for messages. */
  public static String expectedLocation() {
    String shared = System.getProperty(SHARED_DIR_PROPERTY);
    return shared == null
        ? "<system property " + SHARED_DIR_PROPERTY + " is not set>"
        : Path.of(shared)
            .resolve("pact-compatibility-suite")
            .toAbsolutePath()
            .normalize()
            .toString();
  }

  /** The suite root, or an error saying where it was expected and how to provide it. */
  public static Path requireRoot() {
    return root()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The Pact compatibility suite is not at "
                        + expectedLocation()
                        + ". Put pact-compatibility-suite (features/ and fixtures/) in the shared directory"
                        + " beside the project, or run with -D"
                        + SHARED_DIR_PROPERTY
                        + "=/path/to/shared"));
  }

  public static Path feature(String relative) {
    return requireRoot().resolve("features").resolve(relative);
  }

  public static Path fixture(String name) {
    Path file = requireRoot().resolve("fixtures").resolve(name.trim());
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "No fixture '" + name.trim() + "' in " + requireRoot().resolve("fixtures"));
    }
    return file;
  }

  public static byte[] fixtureBytes(String name) {
    try {
      return Files.readAllBytes(fixture(name));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read fixture " + name, e);
    }
  }
}
