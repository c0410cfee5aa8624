package dev.accord.broker.client.internal;

/**
 * The project version, written in by the build (broker-client/pom.xml copies this file with the
 * version filled in): a constant, not a resource read at run time, which would look the resource up
 * through the class path and a jar: URL connection on every start of a short command.
 */
public final class AccordVersion {
  private static final String FILLED_IN = "${project.version}";

  private AccordVersion() {}

  /**
   * The version of this build, e.g. {@code 0.1.0-SNAPSHOT}; {@code dev} when this file was compiled
   * without the build's filtering (an IDE). A method, not a constant: a constant is copied into the
   * classes compiled against it, which would then report the version they were compiled with.
   */
  public static String value() {
    return FILLED_IN.startsWith("$") ? "dev" : FILLED_IN;
  }
}
