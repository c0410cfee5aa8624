package dev.accord.broker.version;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.environment.Environment;
import dev.accord.broker.environment.EnvironmentService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** JSON of versions, branches and tags. */
@Component
public class VersionViews {
  private final Links links;
  private final VersionService versions;
  private final PacticipantService pacticipants;
  private final EnvironmentService environments;
  private final ObjectProvider<VersionLinks> extraLinks;

  VersionViews(
      Links links,
      VersionService versions,
      PacticipantService pacticipants,
      EnvironmentService environments,
      ObjectProvider<VersionLinks> extraLinks) {
    this.extraLinks = extraLinks;
    this.links = links;
    this.versions = versions;
    this.pacticipants = pacticipants;
    this.environments = environments;
  }

  public String url(Pacticipant p, Version v) {
    return links.url("/pacticipants/{}/versions/{}", p.getName(), v.getNumber());
  }

  /** Short form used inside other resources: number, branch(es), tags. */
  public Map<String, Object> summary(Version v) {
    Pacticipant p = pacticipants.byId(v.getPacticipantId());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", v.getNumber());
    List<String> branchNames = versions.branchNames(v);
    m.put("branch", branchNames.isEmpty() ? null : branchNames.get(branchNames.size() - 1));
    m.put("branches", branchNames.stream().map(b -> Map.of("name", b)).toList());
    m.put("tags", versions.tagNames(v).stream().map(t -> Map.of("name", t)).toList());
    m.put("_links", Map.of("self", link(url(p, v))));
    return m;
  }

  public Map<String, Object> render(Pacticipant p, Version v) {
    String self = url(p, v);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", v.getNumber());
    m.put("buildUrl", v.getBuildUrl());
    m.put("createdAt", Hal.timestamp(v.getCreatedAt()));
    Map<String, Object> embedded = new LinkedHashMap<>();
    List<Map<String, Object>> branchVersions = new ArrayList<>();
    for (String b : versions.branchNames(v)) {
      Map<String, Object> bv = new LinkedHashMap<>();
      bv.put("name", b);
      bv.put(
          "latest", versions.branchHead(p, b).map(h -> h.getId().equals(v.getId())).orElse(false));
      bv.put(
          "_links",
          Map.of(
              "self",
              link(
                  links.url(
                      "/pacticipants/{}/branches/{}/versions/{}", p.getName(), b, v.getNumber()))));
      branchVersions.add(bv);
    }
    embedded.put("branchVersions", branchVersions);
    embedded.put("tags", versions.tagNames(v).stream().map(t -> tag(p, v, t)).toList());
    m.put("_embedded", embedded);
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(self, "Version"));
    l.put("pb:pacticipant", link(links.url("/pacticipants/{}", p.getName()), p.getName()));
    l.put(
        "pb:tag",
        templatedLink(self + "/tags/{tag}", "Get, create or delete a tag for this version"));
    l.put(
        "pb:matrix-for-version",
        link(
            links.base()
                + "/matrix?q%5B%5D%5Bpacticipant%5D="
                + Links.encode(p.getName())
                + "&q%5B%5D%5Bversion%5D="
                + Links.encode(v.getNumber())
                + "&latestby=cvpv",
            "The matrix of pacts and verification results for this version"));
    List<Map<String, Object>> deploy = new ArrayList<>();
    List<Map<String, Object>> release = new ArrayList<>();
    for (Environment e : environments.all()) {
      deploy.add(
          Links.named(
              self + "/deployed-versions/environment/" + e.getUuid(),
              "Record deployment to " + e.getDisplayName(),
              e.getName()));
      release.add(
          Links.named(
              self + "/released-versions/environment/" + e.getUuid(),
              "Record release to " + e.getDisplayName(),
              e.getName()));
    }
    l.put("pb:record-deployment", deploy);
    l.put("pb:record-release", release);
    extraLinks.orderedStream().forEach(x -> x.addLinks(p.getName(), v, l));
    m.put("_links", l);
    return m;
  }

  public Map<String, Object> tag(Pacticipant p, Version v, String tag) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", tag);
    m.put(
        "_links",
        Map.of(
            "self",
            link(
                links.url(
                    "/pacticipants/{}/versions/{}/tags/{}", p.getName(), v.getNumber(), tag))));
    return m;
  }

  public Map<String, Object> branch(Pacticipant p, Branch b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", b.getName());
    m.put("createdAt", Hal.timestamp(b.getCreatedAt()));
    m.put("updatedAt", Hal.timestamp(b.getUpdatedAt()));
    String self = links.url("/pacticipants/{}/branches/{}", p.getName(), b.getName());
    m.put(
        "_links",
        Hal.ordered(
            "self",
            link(self, "Branch"),
            "pb:versions",
            link(self + "/versions", "Versions of branch " + b.getName()),
            "pb:pacticipant",
            link(links.url("/pacticipants/{}", p.getName()), p.getName())));
    return m;
  }

  private static Map<String, Object> templatedLink(String href, String title) {
    Map<String, Object> m = link(href, title);
    m.put("templated", true);
    return m;
  }
}
