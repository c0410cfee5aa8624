package dev.accord.benchmarks;

import dev.accord.pact.json.PactReader;
import dev.accord.pact.json.PactWriter;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
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

/** Parse and write a 1,000-interaction V4 pact. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PactJsonBenchmark {
  private Pact pact;
  private String json;

  @Setup
  public void setUp() {
    pact = BenchmarkData.pact(1_000);
    json = PactWriter.toJson(pact, PactSpecification.V4);
  }

  @Benchmark
  public Pact parseV4Pact() {
    return PactReader.read(json, "benchmark");
  }

  @Benchmark
  public String writeV4Pact() {
    return PactWriter.toJson(pact, PactSpecification.V4);
  }
}
