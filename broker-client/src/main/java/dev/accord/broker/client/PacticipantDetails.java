package dev.accord.broker.client;

/**
 * A pacticipant (application) to create or update with {@link
 * PactBrokerClient#createOrUpdatePacticipant(PacticipantDetails)}. Null fields are left as the
 * broker has them.
 *
 * @param name the application's name
 * @param displayName a name for people, or null
 * @param mainBranch its main branch (used by {@code mainBranch} selectors and can-i-merge), or null
 * @param repositoryUrl its source repository, or null
 */
public record PacticipantDetails(
    String name, String displayName, String mainBranch, String repositoryUrl) {
  public PacticipantDetails {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A pacticipant needs a name (--name)");
    }
  }
}
