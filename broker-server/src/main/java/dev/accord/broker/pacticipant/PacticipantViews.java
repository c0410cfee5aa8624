package dev.accord.broker.pacticipant;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** JSON of a pacticipant as the Pact clients read it. */
@Component
public class PacticipantViews {
  private final Links links;

  PacticipantViews(Links links) {
    this.links = links;
  }

  public String url(Pacticipant p) {
    return links.url("/pacticipants/{}", p.getName());
  }

  public Map<String, Object> summary(Pacticipant p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.getName());
    m.put("displayName", p.getDisplayName());
    m.put("_links", Map.of("self", link(url(p))));
    return m;
  }

  /**
   * The pacticipant with its latest version ({@code _embedded.latest-version}) and labels, as the
   * Pact clients read it.
   */
  public Map<String, Object> render(
      Pacticipant p, String latestVersionNumber, List<String> labels) {
    Map<String, Object> m = render(p);
    String base = url(p);
    Map<String, Object> embedded = new LinkedHashMap<>();
    if (latestVersionNumber != null) {
      Map<String, Object> latest = new LinkedHashMap<>();
      latest.put("number", latestVersionNumber);
      latest.put(
          "_links",
          Map.of(
              "self",
              link(
                  base + "/versions/" + Links.encode(latestVersionNumber),
                  "Latest version of " + p.getName())));
      embedded.put("latest-version", latest);
    }
    embedded.put("labels", labels.stream().map(l -> label(p, l)).toList());
    m.put("_embedded", embedded);
    return m;
  }

  public String labelUrl(Pacticipant p, String label) {
    return url(p) + "/labels/" + Links.encode(label);
  }

  public Map<String, Object> label(Pacticipant p, String label) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", label);
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(labelUrl(p, label), "Label " + label));
    l.put("pacticipant", link(url(p), p.getName()));
    l.put("pb:pacticipant", link(url(p), p.getName()));
    m.put("_links", l);
    return m;
  }

  private Map<String, Object> render(Pacticipant p) {
    String self = url(p);
    String base = links.base() + "/pacticipants/" + Links.encode(p.getName());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.getName());
    m.put("displayName", p.getDisplayName());
    m.put("mainBranch", p.getMainBranch());
    m.put("repositoryUrl", p.getRepositoryUrl());
    m.put("createdAt", Hal.timestamp(p.getCreatedAt()));
    m.put("updatedAt", Hal.timestamp(p.getUpdatedAt()));
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(self, p.getName()));
    l.put("pb:versions", link(base + "/versions", "Versions of " + p.getName()));
    l.put("versions", link(base + "/versions", "Versions of " + p.getName()));
    l.put("pb:branches", link(base + "/branches", "Branches of " + p.getName()));
    l.put("pb:version", templated(base + "/versions/{version}", "Version of " + p.getName()));
    l.put(
        "pb:version-tag",
        templated(base + "/versions/{version}/tags/{tag}", "Tag a version of " + p.getName()));
    l.put(
        "pb:branch-version",
        templated(
            base + "/branches/{branch}/versions/{version}",
            "Add a version of " + p.getName() + " to a branch"));
    l.put("pb:latest-version", link(base + "/latest-version", "Latest version of " + p.getName()));
    l.put(
        "pb:label",
        templated(base + "/labels/{label}", "Get, create or delete a label for " + p.getName()));
    m.put("_links", l);
    return m;
  }

  static Map<String, Object> templated(String href, String title) {
    Map<String, Object> m = link(href, title);
    m.put("templated", true);
    return m;
  }
}
