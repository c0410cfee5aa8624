package dev.accord.broker.client.internal;

/**
 * The project version, written in by the build (broker-client/pom.xml copies this file with the
 * version filled in): a constant, not a resource read at run time, which would look the resource up
 * through the class path and a jar: URL connection on every start of a short command.
 */
public final class AccordVersion {
  /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VALUE = "${project.version}";

  private AccordVersion() {}
}
