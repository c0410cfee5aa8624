package dev.accord.pact.generators;

/**
 * A generator could not produce a value: names where (category and key, e.g. {@code body $.id}),
 * the generator, what went wrong and how to fix it.
 *
 * <pre>{@code
 * Cannot generate body $.id with ProviderState generator (expression '${id}'): the provider state has no
 * value named 'id'. Available names: [name]. Fix: return 'id' from the state handler, add it to the
 * state's params, or correct the expression.
 * }</pre>
 */
public class GeneratorException extends RuntimeException {
  private final String location;
  private final String generator;

  public GeneratorException(String location, String generator, String problem) {
    this(location, generator, problem, null);
  }

  public GeneratorException(String location, String generator, String problem, Throwable cause) {
    super("Cannot generate " + location + " with " + generator + ": " + problem, cause);
    this.location = location;
    this.generator = generator;
  }

  /**
   * Where the value was to be generated, e.g. {@code body $.id}, {@code header X-Request-Id},
   * {@code path}.
   */
  public String location() {
    return location;
  }

  /** The generator, described with its attributes. */
  public String generator() {
    return generator;
  }
}
