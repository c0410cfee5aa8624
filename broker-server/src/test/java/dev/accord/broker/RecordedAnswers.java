package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asks a broker on PostgreSQL and one on H2 the questions of a subclass and compares the answers,
 * byte for byte, with the ones recorded from an earlier implementation; with the system property
 * named by {@code record} set to true it records them first (then review the diff). Today's answers
 * are also written to {@code target/NAME-DATABASE.txt} to diff against when the comparison fails.
 */
abstract class RecordedAnswers {
  private final Path expected;
  private final String record;

  @TempDir Path dir;

  RecordedAnswers(Path expected, String record) {
    this.expected = expected;
    this.record = record;
  }

  /** Seeds the broker's history and returns every answer, normalised, as one text. */
  abstract String ask(RunningBroker broker);

  @Test
  void answersOnPostgresAreTheRecordedOnes() throws IOException {
    try (RunningBroker broker = RunningBroker.onPostgres()) {
      check(ask(broker), "postgres");
    }
  }

  @Test
  void answersOnH2AreTheRecordedOnes() throws IOException {
    try (RunningBroker broker = RunningBroker.onH2(dir)) {
      check(ask(broker), "h2");
    }
  }

  private void check(String actual, String database) throws IOException {
    if (Boolean.getBoolean(record)) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    String name = expected.getFileName().toString().replace(".txt", "");
    Path written = Paths.get("target", name + "-" + database + ".txt");
    Files.createDirectories(written.getParent());
    Files.writeString(written, actual, StandardCharsets.UTF_8);
    assertThat(Files.exists(expected))
        .as(
            "expected answers file %s (record it with -D%s=true)",
            expected.toAbsolutePath(), record)
        .isTrue();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
