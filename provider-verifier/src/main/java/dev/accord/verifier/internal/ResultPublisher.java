package dev.accord.verifier.internal;

import dev.accord.verifier.PactToVerify;
import dev.accord.verifier.VerificationReport;
import java.util.List;

/** Publishes verification results; the broker integration provides it. */
public interface ResultPublisher {
  /**
   * @return one line per pact saying what was published where
   * @throws RuntimeException naming the pact and the broker's answer when publishing fails
   */
  List<String> publish(VerificationReport report, List<PactToVerify> pacts, Settings settings);
}
