package dev.accord.broker.version;

import java.util.Map;

/**
 * Links other features add to the version resource ({@code GET
 * /pacticipants/{name}/versions/{number}}), after the version's own: the provider contract of a
 * provider version. Keeps {@code version} from depending on those features.
 */
public interface VersionLinks {
  /** Adds this feature's links for the version, if it has any; adds nothing otherwise. */
  void addLinks(String pacticipantName, Version version, Map<String, Object> links);
}
