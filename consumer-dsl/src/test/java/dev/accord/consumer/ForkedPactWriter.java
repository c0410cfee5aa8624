package dev.accord.consumer;

import static dev.accord.consumer.Accord.*;

import java.nio.file.Path;
import java.util.Map;

/**
 * A separate JVM (as a Surefire fork would be) writing its interactions into a shared pact
 * directory.
 */
public final class ForkedPactWriter {
  private ForkedPactWriter() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String fork = args[1];
    int count = Integer.parseInt(args[2]);
    for (int round = 0; round < count; round++) {
      int r = round;
      // one contract per round: each close() merges into the file, interleaving with the other
      // forks
      try (Contract contract = Contract.between("c", "p").pactDirectory(dir).start()) {
        contract.test(
            "fork " + fork + " round " + r,
            provider -> {
              provider
                  .given("thing " + fork + "-" + r + " exists", Map.of("fork", fork))
                  .uponReceiving("a request from fork " + fork + " round " + r)
                  .withRequest(GET, "/things/" + fork + "/" + r)
                  .willRespondWith(200)
                  .body(Map.of("id", like(fork + "-" + r)));
              if (Http.get(provider.url() + "/things/" + fork + "/" + r).statusCode() != 200) {
                throw new IllegalStateException("unexpected status");
              }
            });
      }
    }
  }
}
