package dev.accord.broker.version;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes that auto-create the pacticipant and version, each in one transaction. */
@Service
class VersionWrites {
  private final PacticipantService pacticipants;
  private final VersionService versions;

  VersionWrites(PacticipantService pacticipants, VersionService versions) {
    this.pacticipants = pacticipants;
    this.versions = versions;
  }

  record Written(Pacticipant pacticipant, Version version, boolean created) {}

  /**
   * The version, created if new; a non-null build URL replaces the stored one; the branch and tags
   * are added.
   */
  @Transactional
  public Written version(
      String name, String number, String buildUrl, String branch, List<String> tags) {
    Pacticipant p = pacticipants.findOrCreate(name);
    Optional<Version> existing = versions.find(p, number);
    Version v = existing.orElseGet(() -> versions.findOrCreate(p, number));
    if (buildUrl != null) {
      v.setBuildUrl(buildUrl);
      versions.update(v);
    }
    if (branch != null) {
      versions.addToBranch(v, branch);
    }
    for (String tag : tags) {
      versions.addTag(v, tag);
    }
    return new Written(p, v, existing.isEmpty());
  }

  @Transactional
  public Written tag(String name, String number, String tag) {
    Pacticipant p = pacticipants.findOrCreate(name);
    Version v = versions.findOrCreate(p, number);
    return new Written(p, v, versions.addTag(v, tag));
  }

  @Transactional
  public Written branchVersion(String name, String branch, String number) {
    Pacticipant p = pacticipants.findOrCreate(name);
    Version v = versions.findOrCreate(p, number);
    return new Written(p, v, versions.addToBranch(v, branch));
  }
}
