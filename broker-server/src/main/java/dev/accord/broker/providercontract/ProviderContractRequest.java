package dev.accord.broker.providercontract;

import dev.accord.broker.version.VersionNumber;
import dev.accord.broker.web.Expected;
import dev.accord.broker.web.Fields;
import dev.accord.broker.web.ServedName;
import dev.accord.broker.web.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The body of {@code POST /provider-contracts/provider/{provider}/publish}, as {@code pact pactflow
 * publish-provider-contract} sends it: the provider version, its branch, tags and build URL, and
 * the OpenAPI document as base64 with the result of the provider's test against it. What the
 * document says is checked by {@link ProviderContractController} and {@link
 * ProviderContractService}.
 */
record ProviderContractRequest(
    @VersionNumber String pacticipantVersionNumber,
    @ServedName(optional = true) String branch,
    @Text(max = Fields.URL) String buildUrl,
    @Expected("an array of strings, e.g. [\"dev\"]") List<@ServedName String> tags,
    @Expected(ProviderContractRequest.CONTRACT) @NotNull(message = "is missing") @Valid
        Contract contract) {

  static final String CONTRACT =
      "an object: {\"content\":<base64 OpenAPI document>, \"contentType\":\"application/yaml\", "
          + "\"specification\":\"oas\"}";

  List<String> tagList() {
    return tags == null ? List.of() : tags;
  }

  /**
   * The document: {@code {"content": base64, "contentType": "application/yaml", "specification":
   * "oas", ...}}.
   */
  record Contract(
      @NotNull(message = "is missing") String content,
      @NotNull(message = "is missing") String contentType,
      @NotNull(message = "is missing") String specification,
      @Expected("an object: {\"success\":true, \"content\":<base64 results>, ...}") @Valid
          SelfVerificationResults selfVerificationResults) {}

  /** The provider's own test against the document; only {@code success} is required. */
  record SelfVerificationResults(
      @Expected("true or false: whether the provider's own test against the document passed")
          @NotNull(
              message = "is missing: whether the provider's own test against the document passed")
          Boolean success,
      String content,
      @Text(max = 255) String contentType,
      @Text(max = 255) String format,
      @Text(max = 255) String verifier,
      @Text(max = 255) String verifierVersion) {}
}
