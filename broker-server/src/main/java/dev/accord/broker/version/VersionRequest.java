package dev.accord.broker.version;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.accord.broker.web.Expected;
import dev.accord.broker.web.Fields;
import dev.accord.broker.web.ServedName;
import dev.accord.broker.web.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The optional body of {@code PUT}/{@code PATCH /pacticipants/{name}/versions/{number}}: the build
 * URL, a branch to add the version to and tags to add. A field that is absent or null changes
 * nothing.
 */
record VersionRequest(
    @Text(max = Fields.URL) String buildUrl,
    @ServedName(optional = true) String branch,
    @Expected(VersionRequest.TAGS)
        List<@NotNull(message = "must be " + VersionRequest.TAGS) @Valid TagName> tags) {

  static final String TAGS = "an array of tag names or {\"name\": ...} objects, e.g. [\"prod\"]";

  static final VersionRequest NONE = new VersionRequest(null, null, null);

  List<String> tagNames() {
    return tags == null ? List.of() : tags.stream().map(TagName::name).toList();
  }

  /** A tag as a name ({@code "prod"}) or as the broker writes it ({@code {"name": "prod"}}). */
  record TagName(@ServedName String name) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    TagName {}

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TagName of(String name) {
      return new TagName(name);
    }
  }
}
