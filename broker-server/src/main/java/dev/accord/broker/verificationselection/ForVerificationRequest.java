package dev.accord.broker.verificationselection;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.accord.broker.web.Expected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The optional body of {@code POST /pacts/provider/{provider}/for-verification}, as {@code pact
 * verifier} and the Pact verifiers send it: which consumer versions' pacts to verify, and the
 * provider version's branch and tags for pending and WIP pacts.
 */
record ForVerificationRequest(
    @Expected("an array of selectors, e.g. [{\"mainBranch\":true},{\"deployedOrReleased\":true}]")
        List<@NotNull(message = "must be an object like {\"mainBranch\": true}") @Valid Selector>
            consumerVersionSelectors,
    @Expected("an array of strings")
        List<
                @Expected(ForVerificationRequest.NON_BLANK_TAG)
                @NotBlank(message = "must be " + ForVerificationRequest.NON_BLANK_TAG) String>
            providerVersionTags,
    String providerVersionBranch,
    Boolean includePendingStatus,
    @Expected("a date string like \"2024-01-01\"") String includeWipPactsSince) {

  static final String NON_BLANK_TAG = "a non-blank string, e.g. [\"main\"]";
  static final String NON_BLANK = "a non-blank string";

  /** A string with a character other than white space; null passes (the field is optional). */
  static final String NOT_BLANK = "(?s).*\\S.*";

  static final ForVerificationRequest NONE =
      new ForVerificationRequest(null, null, null, null, null);

  /**
   * One consumer version selector, e.g. {@code {"mainBranch": true}} or {@code
   * {"deployedOrReleased": true, "consumer": "web"}}. An unknown key is refused with the valid ones
   * ({@link #unknownKeyProblem()}), so a typo never widens the selection silently.
   */
  record Selector(
      Boolean mainBranch,
      @Expected(NON_BLANK) @Pattern(regexp = NOT_BLANK, message = "must be " + NON_BLANK)
          String branch,
      @Expected(NON_BLANK) @Pattern(regexp = NOT_BLANK, message = "must be " + NON_BLANK)
          String fallbackBranch,
      Boolean matchingBranch,
      @Expected(NON_BLANK) @Pattern(regexp = NOT_BLANK, message = "must be " + NON_BLANK)
          String tag,
      @Expected(NON_BLANK) @Pattern(regexp = NOT_BLANK, message = "must be " + NON_BLANK)
          String fallbackTag,
      Boolean latest,
      Boolean deployed,
      Boolean released,
      Boolean deployedOrReleased,
      @Expected(NON_BLANK) @Pattern(regexp = NOT_BLANK, message = "must be " + NON_BLANK)
          String environment,
      @Expected(NON_BLANK) @Pattern(regexp = NOT_BLANK, message = "must be " + NON_BLANK)
          String consumer,
      @JsonAnySetter Map<String, Object> unknownKeys) {

    /**
     * What is wrong when the selector has a key it does not know, as a sentence following the
     * field; null when nothing is.
     */
    String unknownKeyProblem() {
      if (unknownKeys == null || unknownKeys.isEmpty()) {
        return null;
      }
      Set<String> valid =
          Arrays.stream(Selector.class.getRecordComponents())
              .map(RecordComponent::getName)
              .filter(name -> !"unknownKeys".equals(name))
              .collect(Collectors.toCollection(TreeSet::new));
      return "has unknown key '"
          + unknownKeys.keySet().iterator().next()
          + "'; valid keys are "
          + valid;
    }

    PactsForVerificationService.Selector toSelector() {
      return new PactsForVerificationService.Selector(
          mainBranch,
          branch,
          fallbackBranch,
          matchingBranch,
          tag,
          fallbackTag,
          latest,
          deployed,
          released,
          deployedOrReleased,
          environment,
          consumer);
    }
  }
}
