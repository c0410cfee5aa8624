package dev.accord.verifier.internal.report;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.ProviderState;
import dev.accord.verifier.PactSourceException;
import dev.accord.verifier.ReportFormat;
import dev.accord.verifier.internal.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads which interactions failed in the previous JSON report of a report directory ({@code
 * --last-failed}).
 */
public final class LastFailed {
  private LastFailed() {}

  /** The JSON report file a run of this provider writes into {@code reportDir}. */
  public static Path file(Path reportDir, String provider) {
    return reportDir.resolve(ReportFiles.fileName(provider, ReportFormat.JSON));
  }

  /**
   * The {@link Selection#id identities} of the interactions that failed (pending ones included).
   *
   * @throws PactSourceException when there is no readable previous report
   */
  public static Set<String> read(Path reportDir, String provider) {
    Path file = file(reportDir, provider);
    if (!Files.isRegularFile(file)) {
      throw new PactSourceException(
          "lastFailed / --last-failed: there is no previous JSON report "
              + file
              + " to take the failed interactions from. Run once with the JSON report in that directory"
              + " (reports(dir, ReportFormat.JSON) / --report json --report-dir "
              + reportDir
              + ").");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(Files.readString(file));
    } catch (IOException | JacksonException e) {
      throw new PactSourceException(
          "lastFailed / --last-failed: the previous report "
              + file
              + " cannot be read ("
              + e.getMessage()
              + "); delete it and run the whole verification once.",
          e);
    }
    Set<String> failed = new LinkedHashSet<>();
    for (JsonNode n : root.path("interactions")) {
      if (!"failed".equals(n.path("outcome").asString(""))) {
        continue;
      }
      List<ProviderState> states = new ArrayList<>();
      n.path("providerStates")
          .forEach(s -> states.add(ProviderState.of(s.path("name").asString(""))));
      failed.add(
          Selection.id(
              n.path("consumer").asString(""), n.path("description").asString(""), states));
    }
    return failed;
  }
}
