package dev.accord.benchmarks.consumer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one test class on the JUnit Platform, as a build tool would, in this process: the benchmark's contract test
 * by default, or the class named by the first argument (the floor, {@code PlainJdkFloorTest}).
 */
public final class RunConsumerBenchmark {
  public static void main(String[] args) throws ClassNotFoundException {
    long entered = System.currentTimeMillis();
    Class<?> testClass = args.length > 0 ? Class.forName(RunConsumerBenchmark.class.getPackageName() + "." + args[0])
        : TwoHundredInteractionsContractTest.class;
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(testClass)).build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    long executing = System.currentTimeMillis();
    launcher.execute(request, listener);
    if (Boolean.getBoolean("bench.phases")) {
      long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.printf("jvm start to main %d ms, launcher setup %d ms, execute %d ms%n", entered - started,
          executing - entered, System.currentTimeMillis() - executing);
    }
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != 1) {
      summary.printFailuresTo(new PrintWriter(System.err), 20);
      System.exit(1);
    }
    System.out.println("tests succeeded: " + summary.getTestsSucceededCount());
  }
}
