package dev.accord.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module reaches into another module's {@code .internal} packages (DESIGN: "No module imports another's
 * {@code .internal} package"). Scans the sources of every module of the repository, tests included.
 */
class ModuleBoundariesTest {

  /** Which module owns which package root; the longest root wins ({@code broker.client} before {@code broker}). */
  private static final Map<String, String> OWNERS = new LinkedHashMap<>();

  static {
    OWNERS.put("dev.accord.broker.client", "broker-client");
    OWNERS.put("dev.accord.pact", "pact-core");
    OWNERS.put("dev.accord.consumer", "consumer-dsl");
    OWNERS.put("dev.accord.verifier", "provider-verifier");
    OWNERS.put("dev.accord.broker", "broker-server");
    OWNERS.put("dev.accord.cli", "cli");
    OWNERS.put("dev.accord.contract", "provider-contract");
  }

  private static final Pattern INTERNAL = Pattern.compile("dev\\.accord\\.[a-z.]*?\\.internal\\b[a-zA-Z.]*");
  private static final Path ROOT = Path.of("..");

  @Test
  void noModuleUsesAnotherModulesInternalPackages() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/")).toList()) {
        String module = ROOT.relativize(file).getName(0).toString();
        Matcher m = INTERNAL.matcher(Files.readString(file));
        while (m.find()) {
          String owner = owner(m.group());
          if (owner != null && !owner.equals(module)) {
            violations.add(ROOT.relativize(file) + " uses " + m.group() + " (internal to " + owner + ")");
          }
        }
      }
    }
    assertThat(violations).as("use the module's public API instead (move what you need out of .internal)")
        .isEmpty();
  }

  private static String owner(String reference) {
    for (Map.Entry<String, String> e : OWNERS.entrySet()) {
      if (reference.startsWith(e.getKey() + ".")) {
        return e.getValue();
      }
    }
    return null;
  }
}
