package dev.accord.verifier;

import dev.accord.pact.model.Pact;
import dev.accord.verifier.internal.sources.DirectoryPactSource;
import dev.accord.verifier.internal.sources.FilePactSource;
import dev.accord.verifier.internal.sources.UrlPactSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where pacts to verify come from: files, a directory, a URL, a pact already in memory, or a Pact
 * Broker ({@link BrokerPactSource}).
 *
 * <pre>{@code
 * ProviderVerifier.forProvider("products-service")
 *     .baseUrl("http://localhost:8080")
 *     .pactsFrom(PactSource.directory(Path.of("target/pacts")))
 *     .verify();
 * }</pre>
 *
 * <p>Implement this interface to plug in another store; {@link #load()} is called once per
 * verification.
 */
@FunctionalInterface
public interface PactSource {

  /**
   * Loads the pacts.
   *
   * @throws PactSourceException when a pact cannot be fetched or read, naming the pact and the
   *     problem
   */
  List<PactToVerify> load();

  /**
   * Loads the pacts of {@code provider}; sources that select by provider (a broker) override this,
   * the others ignore the name.
   */
  default List<PactToVerify> load(String provider) {
    return load();
  }

  /** A pact file (any specification version). */
  static PactSource file(Path file) {
    return new FilePactSource(Objects.requireNonNull(file, "file"));
  }

  /** Every {@code *.json} file in a directory (not recursive), in name order. */
  static PactSource directory(Path directory) {
    return new DirectoryPactSource(Objects.requireNonNull(directory, "directory"));
  }

  /** A pact served over HTTP(S) without authentication. */
  static PactSource url(String url) {
    return new UrlPactSource(Objects.requireNonNull(url, "url"), Credentials.none());
  }

  /** A pact served over HTTP(S), fetched with basic or bearer authentication. */
  static PactSource url(String url, Credentials credentials) {
    return new UrlPactSource(
        Objects.requireNonNull(url, "url"), Objects.requireNonNull(credentials, "credentials"));
  }

  /** Pacts already in memory, e.g. built by a test. */
  static PactSource of(Pact... pacts) {
    List<PactToVerify> list =
        java.util.Arrays.stream(pacts)
            .map(
                p ->
                    PactToVerify.of(
                        p, "pact " + p.consumer().name() + " -> " + p.provider().name()))
            .toList();
    return () -> list;
  }
}
