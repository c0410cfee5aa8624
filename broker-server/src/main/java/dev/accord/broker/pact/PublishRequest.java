package dev.accord.broker.pact;

import dev.accord.broker.version.VersionNumber;
import dev.accord.broker.web.Expected;
import dev.accord.broker.web.Fields;
import dev.accord.broker.web.ServedName;
import dev.accord.broker.web.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The body of {@code POST /contracts/publish}, as {@code pact broker publish} sends it: the
 * consumer version, its branch, tags and build URL, and the pacts as base64 contracts. What the
 * contracts say is checked by {@link PublishController}.
 */
record PublishRequest(
    @ServedName String pacticipantName,
    @VersionNumber String pacticipantVersionNumber,
    @ServedName(optional = true) String branch,
    @Text(max = Fields.URL) String buildUrl,
    @Expected("an array of strings, e.g. [\"dev\"]") List<@ServedName String> tags,
    @Expected(PublishRequest.CONTRACTS) @NotEmpty(message = "must be " + PublishRequest.CONTRACTS)
        List<@NotNull(message = "must be an object") @Valid Contract> contracts) {

  static final String CONTRACTS =
      "a non-empty array of {consumerName, providerName, specification:\"pact\", "
          + "contentType:\"application/json\", content:<base64 pact JSON>}";

  List<String> tagList() {
    return tags == null ? List.of() : tags;
  }

  /**
   * One pact: {@code {"consumerName", "providerName", "specification": "pact", "contentType":
   * "application/json", "content": base64}}.
   */
  record Contract(
      @ServedName String consumerName,
      @ServedName String providerName,
      @NotNull(message = "is missing") String specification,
      @NotNull(message = "is missing") String contentType,
      String onConflict,
      @NotNull(message = "is missing") String content) {}
}
