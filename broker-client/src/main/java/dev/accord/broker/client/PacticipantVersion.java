package dev.accord.broker.client;

import java.util.List;

/**
 * A version of a pacticipant as the broker describes it.
 *
 * @param pacticipant the application
 * @param number the version number
 * @param branches the branches it is on
 * @param tags its tags
 * @param buildUrl the build that created it, or null
 * @param createdAt when the broker first saw it (ISO-8601), or null
 * @param json the broker's resource, for {@code --output json}
 */
public record PacticipantVersion(
    String pacticipant,
    String number,
    List<String> branches,
    List<String> tags,
    String buildUrl,
    String createdAt,
    String json) {
  public PacticipantVersion {
    branches = List.copyOf(branches);
    tags = List.copyOf(tags);
  }
}
