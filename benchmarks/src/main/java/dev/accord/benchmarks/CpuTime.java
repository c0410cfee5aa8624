package dev.accord.benchmarks;

import dev.accord.pact.json.PactReader;
import dev.accord.pact.json.PactWriter;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * A cross-check for the JMH figures on a shared, overloaded machine: the CPU time the measuring
 * thread itself used per operation (not wall-clock time), after a warm-up, for the same inputs as
 * the benchmarks.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.accord.benchmarks.CpuTime</pre>
 */
public final class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTime() {}

  public static void main(String[] args) {
    Pact pact = BenchmarkData.pact(1_000);
    String json = PactWriter.toJson(pact, PactSpecification.V4);
    HttpResponse expected = BenchmarkData.expectedResponse(MatchingBenchmark.BODY_BYTES);
    HttpResponse actual = BenchmarkData.actualResponse(MatchingBenchmark.BODY_BYTES);
    System.out.printf(
        "pact: %d interactions, %d bytes; response body: %d bytes, %d rules%n",
        pact.interactions().size(),
        json.getBytes(StandardCharsets.UTF_8).length,
        expected.body().size(),
        expected.matchingRules().categories().values().stream().mapToInt(m -> m.size()).sum());
    System.out.printf(
        "parseV4Pact   %8.2f ms CPU/op%n", cpuMillis(40, 20, () -> PactReader.read(json, "cpu")));
    System.out.printf(
        "writeV4Pact   %8.2f ms CPU/op%n",
        cpuMillis(40, 20, () -> PactWriter.toJson(pact, PactSpecification.V4)));
    System.out.printf(
        "matchResponse %8.3f ms CPU/op%n",
        cpuMillis(2_000, 500, () -> Matching.matchResponse(expected, actual)));
  }

  private static double cpuMillis(int warmups, int runs, Runnable operation) {
    for (int i = 0; i < warmups; i++) {
      operation.run();
    }
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < runs; i++) {
      operation.run();
    }
    return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / runs;
  }
}
