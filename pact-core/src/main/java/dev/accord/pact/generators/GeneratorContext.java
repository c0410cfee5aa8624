package dev.accord.pact.generators;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What generators may use: the mode, the provider-state values (state params merged with what state
 * handlers returned, later wins), the mock server's base URL, a seed for random values and a clock
 * for dates. The same seed and clock give the same values.
 *
 * <pre>{@code
 * GeneratorContext ctx = GeneratorContext.provider(Map.of("id", Json.nodes().numberNode(42)), 7L)
 *     .withClock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
 * HttpRequest toSend = Generation.generateRequest(expectedRequest, ctx);
 * }</pre>
 */
public record GeneratorContext(
    GeneratorMode mode,
    Map<String, JsonNode> providerState,
    Optional<String> mockServerUrl,
    long seed,
    Clock clock) {

  public GeneratorContext {
    Objects.requireNonNull(mode, "mode");
    providerState =
        providerState == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(providerState));
    mockServerUrl = mockServerUrl == null ? Optional.empty() : mockServerUrl;
    clock = clock == null ? SystemDefaultZoneClock.INSTANCE : clock;
  }

  public static GeneratorContext provider(Map<String, JsonNode> providerState, long seed) {
    return new GeneratorContext(
        GeneratorMode.PROVIDER, providerState, Optional.empty(), seed, null);
  }

  public static GeneratorContext consumer(String mockServerUrl, long seed) {
    return new GeneratorContext(
        GeneratorMode.CONSUMER, Map.of(), Optional.ofNullable(mockServerUrl), seed, null);
  }

  /** The same context in another mode. */
  public GeneratorContext withMode(GeneratorMode newMode) {
    return new GeneratorContext(newMode, providerState, mockServerUrl, seed, clock);
  }

  /** The same context with these provider-state values (replacing the current ones). */
  public GeneratorContext withProviderState(Map<String, JsonNode> values) {
    return new GeneratorContext(mode, values, mockServerUrl, seed, clock);
  }

  /** The same context with this mock server base URL, e.g. {@code http://localhost:8080}. */
  public GeneratorContext withMockServerUrl(String url) {
    return new GeneratorContext(mode, providerState, Optional.ofNullable(url), seed, clock);
  }

  /** The same context with another seed for random values. */
  public GeneratorContext withSeed(long newSeed) {
    return new GeneratorContext(mode, providerState, mockServerUrl, newSeed, clock);
  }

  /**
   * The same context with the clock {@code Date}, {@code Time} and {@code DateTime} generators
   * start from.
   */
  public GeneratorContext withClock(Clock newClock) {
    return new GeneratorContext(mode, providerState, mockServerUrl, seed, newClock);
  }

  /**
   * The system clock in the default time zone, like {@link Clock#systemDefaultZone()}, but the zone
   * is looked up when a generator first asks for it, not when a context is made: looking it up
   * loads the time-zone rules (tzdb.dat), which a verification without a date generator never needs
   * (about 10 ms of a one-interaction {@code accord verify}).
   */
  private static final class SystemDefaultZoneClock extends Clock {
    static final SystemDefaultZoneClock INSTANCE = new SystemDefaultZoneClock();

    @Override
    public ZoneId getZone() {
      return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.system(zone);
    }

    @Override
    public long millis() {
      return System.currentTimeMillis();
    }

    @Override
    public Instant instant() {
      return Instant.now();
    }

    @Override
    public String toString() {
      return "SystemClock[" + getZone() + "]";
    }
  }
}
