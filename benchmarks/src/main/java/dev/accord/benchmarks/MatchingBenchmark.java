package dev.accord.benchmarks;

import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Matching.matchResponse} of a ~50 KB JSON response carrying 40 rules against its
 * expectation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingBenchmark {
  static final int BODY_BYTES = 50 * 1024;

  private HttpResponse expected;
  private HttpResponse actual;

  @Setup
  public void setUp() {
    expected = BenchmarkData.expectedResponse(BODY_BYTES);
    actual = BenchmarkData.actualResponse(BODY_BYTES);
    List<Mismatch> mismatches = Matching.matchResponse(expected, actual);
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException("The benchmark response should match, but: " + mismatches);
    }
  }

  @Benchmark
  public List<Mismatch> matchResponse() {
    return Matching.matchResponse(expected, actual);
  }
}
