package dev.accord.compat.shared;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Cucumber plugin that counts scenarios passed, failed and skipped per feature file and, at the
 * end of each Cucumber run, prints the table of every feature run so far in this JVM to stdout and
 * writes it to {@code target/compat-summary.txt} (override with the system property {@code
 * accord.compat.summary}). Undefined, pending and ambiguous scenarios count as failed: they fail
 * the build too.
 */
public final class CompatSummaryPlugin implements ConcurrentEventListener {
  public static final String SUMMARY_FILE_PROPERTY = "accord.compat.summary";

  /**
   * Feature (path under {@code features/}) to {passed, failed, skipped}; shared by every run in the
   * JVM.
   */
  private static final Map<String, int[]> COUNTS = new TreeMap<>();

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
    publisher.registerHandlerFor(TestRunFinished.class, e -> report());
  }

  private void scenarioFinished(TestCaseFinished event) {
    String feature = featureName(event.getTestCase().getUri().toString());
    Status status = event.getResult().getStatus();
    int column =
        switch (status) {
          case PASSED -> 0;
          case SKIPPED -> 2;
          default -> 1;
        };
    synchronized (COUNTS) {
      COUNTS.computeIfAbsent(feature, f -> new int[3])[column]++;
    }
  }

  static String featureName(String uri) {
    int at = uri.lastIndexOf("/features/");
    return at < 0 ? uri : uri.substring(at + "/features/".length());
  }

  /** The table of every feature counted so far. */
  public static String table() {
    StringBuilder sb = new StringBuilder("Pact compatibility suite: scenarios per feature\n");
    sb.append(String.format("%-42s %7s %7s %8s%n", "feature", "passed", "failed", "skipped"));
    int[] total = new int[3];
    synchronized (COUNTS) {
      for (Map.Entry<String, int[]> e : COUNTS.entrySet()) {
        int[] c = e.getValue();
        sb.append(String.format("%-42s %7d %7d %8d%n", e.getKey(), c[0], c[1], c[2]));
        for (int i = 0; i < 3; i++) {
          total[i] += c[i];
        }
      }
    }
    sb.append(String.format("%-42s %7d %7d %8d%n", "total", total[0], total[1], total[2]));
    return sb.toString();
  }

  private static void report() {
    String table = table();
    System.out.println();
    System.out.print(table);
    Path file = Path.of(System.getProperty(SUMMARY_FILE_PROPERTY, "target/compat-summary.txt"));
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, table, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the compatibility summary to " + file.toAbsolutePath(), e);
    }
  }
}
