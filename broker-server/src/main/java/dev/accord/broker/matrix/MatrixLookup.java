package dev.accord.broker.matrix;

import dev.accord.broker.verification.Verification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The matrix and can-i-deploy for other feature packages (the web UI): the same {@link
 * MatrixService} evaluation and the same reasons as the API, so a page can never disagree with
 * {@code pact broker can-i-deploy}.
 */
@Component
public class MatrixLookup {
  private final MatrixService service;

  MatrixLookup(MatrixService service) {
    this.service = service;
  }

  /**
   * The rows of one consumer's versions (all recent ones, or one version, or one branch) with every
   * provider that verified them; the caller keeps the provider it wants.
   */
  public DeployDecision consumerVersions(String consumer, String version, String branch) {
    StringBuilder q = new StringBuilder("q[][pacticipant]=").append(enc(consumer));
    if (version != null) {
      q.append("&q[][version]=").append(enc(version));
    } else if (branch != null) {
      q.append("&q[][branch]=").append(enc(branch));
    }
    return service.evaluate(MatrixQuery.parse(q.toString()));
  }

  /** Exactly what {@code GET /can-i-deploy?pacticipant=&version=&environment=} answers. */
  public DeployDecision canIDeploy(String pacticipant, String version, String environment) {
    return service.evaluate(
        MatrixQuery.parse(
            "q[][pacticipant]="
                + enc(pacticipant)
                + "&q[][version]="
                + enc(version)
                + "&environment="
                + enc(environment)
                + "&latestby=cvpv"));
  }

  /**
   * The failing interactions and fields of a failed verification, as the can-i-deploy reasons name
   * them.
   */
  public static List<String> failureDetails(Verification verification) {
    return verification == null || verification.isSuccess()
        ? List.of()
        : FailedTests.describe(verification.getTestResults());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
