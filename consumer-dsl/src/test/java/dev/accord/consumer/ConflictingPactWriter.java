package dev.accord.consumer;

import static dev.accord.consumer.Accord.*;

import dev.accord.consumer.internal.PactFiles;
import java.nio.file.Path;
import java.util.Map;

/**
 * A separate JVM (as another Surefire fork would be) declaring 'a request for product a' with a
 * given status into a shared pact directory. Prints its run id; exits 3 with the message when the
 * merge reports a conflict.
 */
public final class ConflictingPactWriter {
  private ConflictingPactWriter() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String test = args[1];
    int status = Integer.parseInt(args[2]);
    System.out.println("run id: " + PactFiles.runId());
    try (Contract contract = Contract.between("c", "conflict").pactDirectory(dir).start()) {
      contract.test(
          test,
          provider -> {
            provider
                .given("a product exists", Map.of("id", "a"))
                .uponReceiving("a request for product a")
                .withRequest(GET, "/api/products/a")
                .willRespondWith(status);
            Http.get(provider.url() + "/api/products/a");
          });
    } catch (AssertionError e) {
      System.out.println(e.getMessage());
      System.exit(3);
    }
  }
}
