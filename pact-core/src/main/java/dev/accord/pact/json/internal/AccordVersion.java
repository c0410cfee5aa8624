package dev.accord.pact.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Accord version written to {@code metadata.accord.version}, from the jar's Maven descriptor.
 */
public final class AccordVersion {
  /** Used when pact-core runs from a build directory rather than a released jar. */
  public static final String DEVELOPMENT = "development";

  private static final String VERSION = load();

  private AccordVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in =
        AccordVersion.class.getResourceAsStream(
            "/META-INF/maven/dev.accord/pact-core/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank()) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String manifest = AccordVersion.class.getPackage().getImplementationVersion();
    return manifest != null ? manifest : DEVELOPMENT;
  }
}
