package suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs every test class of one package ({@code suite.accord} or {@code suite.pactjvm}) on the JUnit Platform in this
 * JVM, one class after the other, as Surefire does with its defaults; fails unless {@code expected} tests passed.
 */
public final class RunSuite {
  public static void main(String[] args) {
    String pkg = args[0];
    long expected = Long.parseLong(args[1]);
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(pkg))
        .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName")
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != expected) {
      summary.printFailuresTo(new PrintWriter(System.err), 20);
      System.err.println("expected " + expected + " passing tests, got " + summary.getTestsSucceededCount());
      System.exit(1);
    }
    System.out.println("tests succeeded: " + summary.getTestsSucceededCount());
  }
}
