package dev.accord.broker.verification;

import dev.accord.broker.web.Fields;
import dev.accord.broker.web.ServedName;
import dev.accord.broker.web.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST .../pact-version/{sha}/verification-results}, as the Pact verifiers send
 * it: {@code {"providerApplicationVersion": "<git sha>", "success": true, "buildUrl": ...,
 * "testResults": ..., "verifiedBy": {...}}}, plus Accord's optional {@code coverage} object (what
 * the run covered), which other verifiers do not send.
 */
public record VerificationRequest(
    @ServedName String providerApplicationVersion,
    @NotNull(message = "is missing; say whether the verification passed: true or false")
        Boolean success,
    @Text(max = Fields.URL) String buildUrl,
    JsonNode testResults,
    @Valid VerifiedBy verifiedBy,
    JsonNode coverage) {

  /** The tool that verified, e.g. {@code {"implementation": "Pact-JVM", "version": "4.6.5"}}. */
  public record VerifiedBy(
      @Text(max = Fields.NAME) String implementation, @Text(max = Fields.NAME) String version) {}
}
