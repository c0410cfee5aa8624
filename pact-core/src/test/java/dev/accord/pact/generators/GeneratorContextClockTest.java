package dev.accord.pact.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A context made without a clock runs on the system clock in the default time zone. */
class GeneratorContextClockTest {

  @Test
  void givenNoClock_whenAskedForTheTime_thenItIsTheSystemClockInTheDefaultZone() {
    Instant before = Instant.now();

    Clock clock = GeneratorContext.provider(Map.of(), 7L).clock();

    assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
    assertThat(clock.instant()).isBetween(before, Instant.now());
    assertThat(clock.millis()).isBetween(before.toEpochMilli(), System.currentTimeMillis());
    assertThat(clock).hasToString("SystemClock[" + ZoneId.systemDefault() + "]");
  }

  @Test
  void givenNoClock_whenMovedToAnotherZone_thenItIsTheSystemClockThere() {
    Clock clock = GeneratorContext.consumer("http://localhost:8080", 7L).clock();

    assertThat(clock.withZone(ZoneOffset.UTC)).isEqualTo(Clock.systemUTC());
  }

  @Test
  void givenTwoContextsWithoutAClock_thenTheyAreEqual() {
    assertThat(GeneratorContext.provider(Map.of(), 7L))
        .isEqualTo(GeneratorContext.provider(Map.of(), 7L));
  }

  @Test
  void givenAClock_thenGeneratorsUseIt() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    assertThat(GeneratorContext.provider(Map.of(), 7L).withClock(fixed).clock()).isSameAs(fixed);
  }
}
