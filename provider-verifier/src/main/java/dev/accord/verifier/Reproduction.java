package dev.accord.verifier;

import java.util.List;
import java.util.Objects;

/**
 * What replaying a verification run takes: the seed of its generated values, the Accord version
 * that ran it and the filters that selected its interactions. Every report records it.
 *
 * <pre>{@code
 * long seed = report.reproduction().seed();
 * ProviderVerifier.forProvider("products-service")...seed(seed).verify(); // the same generated values
 * }</pre>
 *
 * @param seed the seed for random generators
 * @param accordVersion the version of Accord that verified
 * @param filters each filter in force, as {@code consumer: billing-service}; empty when none
 */
public record Reproduction(long seed, String accordVersion, List<String> filters) {

  public Reproduction {
    Objects.requireNonNull(accordVersion, "accordVersion");
    filters = filters == null ? List.of() : List.copyOf(filters);
  }

  /**
   * The Accord version on the class path ({@code (development build)} when run from the sources).
   */
  public static String currentVersion() {
    String v = ProviderVerifier.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }

  /**
   * {@code seed 7, Accord 1.0.0, filters: consumer: billing-service}, the replay line of the
   * console and reports.
   */
  public String describe() {
    return "seed "
        + seed
        + ", Accord "
        + accordVersion
        + ", filters: "
        + (filters.isEmpty() ? "none" : String.join("; ", filters));
  }
}
