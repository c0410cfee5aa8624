package dev.accord.broker.version;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Fields;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

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

  @Transactional
  public Written version(String name, String number, JsonNode body) {
    Pacticipant p = pacticipants.findOrCreate(name);
    Optional<Version> existing = versions.find(p, number);
    Version v = existing.orElseGet(() -> versions.findOrCreate(p, number));
    if (body != null && body.isObject()) {
      JsonNode buildUrl = body.get("buildUrl");
      if (buildUrl != null && !buildUrl.isNull() && !buildUrl.isString()) {
        throw ApiException.invalidField("buildUrl", "must be a string URL");
      }
      if (buildUrl != null) {
        v.setBuildUrl(buildUrl.isNull() ? null : Fields.text("buildUrl", buildUrl.asString(), Fields.URL));
        versions.save(v);
      }
      JsonNode b = body.get("branch");
      if (b != null && b.isString()) {
        versions.addToBranch(v, b.asString());
      }
      JsonNode tags = body.get("tags");
      if (tags != null && tags.isArray()) {
        for (JsonNode t : tags) {
          JsonNode tag = t.isObject() ? t.path("name") : t;
          if (!tag.isString()) {
            throw ApiException.invalidField("tags", "must be an array of tag names or {\"name\": ...} objects, e.g. [\"prod\"]");
          }
          versions.addTag(v, tag.asString());
        }
      }
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
