package dev.accord.broker.pacticipant;

import dev.accord.broker.web.Fields;
import dev.accord.broker.web.ServedName;
import dev.accord.broker.web.Text;

/**
 * The body of {@code POST /pacticipants} and of {@code PUT}/{@code PATCH /pacticipants/{name}}, as
 * {@code pact broker create-or-update-pacticipant} sends it. {@code name} is required when creating
 * ({@link Creating}); elsewhere the URL names the pacticipant.
 */
record PacticipantRequest(
    @ServedName(groups = Creating.class) String name,
    @Text(max = Fields.NAME) String displayName,
    @ServedName(optional = true) String mainBranch,
    @Text(max = Fields.URL) String repositoryUrl) {

  /** The validation group of {@code POST /pacticipants}, where the body names the pacticipant. */
  interface Creating {}

  PacticipantService.PacticipantFields fields() {
    return new PacticipantService.PacticipantFields(displayName, mainBranch, repositoryUrl);
  }
}
