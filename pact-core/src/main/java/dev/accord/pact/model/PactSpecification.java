package dev.accord.pact.model;

import java.util.Optional;

/**
 * A version of the Pact specification, as written in {@code metadata.pactSpecification.version}.
 */
public enum PactSpecification {
  V1("1.0.0"),
  V1_1("1.1.0"),
  V2("2.0.0"),
  V3("3.0.0"),
  V4("4.0");

  private final String versionString;

  PactSpecification(String versionString) {
    this.versionString = versionString;
  }

  /** The exact string written into pact files for this version ({@code "3.0.0"}, {@code "4.0"}). */
  public String versionString() {
    return versionString;
  }

  /**
   * Parses a version string leniently: {@code "4"}, {@code "4.0"}, {@code "4.0.0"} and {@code "v4"}
   * are all V4. Empty when the major version is not one Pact has defined.
   */
  public static Optional<PactSpecification> parse(String version) {
    if (version == null) {
      return Optional.empty();
    }
    String v = version.trim().toLowerCase();
    if (v.startsWith("v")) {
      v = v.substring(1);
    }
    String[] parts = v.split("\\.");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
      return switch (major) {
        case 1 -> Optional.of(minor >= 1 ? V1_1 : V1);
        case 2 -> Optional.of(V2);
        case 3 -> Optional.of(V3);
        case 4 -> Optional.of(V4);
        default -> Optional.empty();
      };
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public boolean atLeast(PactSpecification other) {
    return compareTo(other) >= 0;
  }
}
