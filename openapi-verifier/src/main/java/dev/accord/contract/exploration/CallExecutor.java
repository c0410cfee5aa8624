package dev.accord.contract.exploration;

import java.io.IOException;
import java.time.Duration;

/**
 * Sends one request to the provider. The default sends it with the JDK's {@code HttpClient}; a test
 * gives a fake. A call that takes longer than {@code timeout} throws {@link
 * java.net.http.HttpTimeoutException}.
 */
@FunctionalInterface
public interface CallExecutor {

  ExploredResponse send(ExploredRequest request, Duration timeout)
      throws IOException, InterruptedException;
}
