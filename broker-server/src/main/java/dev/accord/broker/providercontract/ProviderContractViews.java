package dev.accord.broker.providercontract;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantViews;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionViews;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * JSON (HAL) of provider contracts, their self-verification and their comparisons, and their URLs.
 */
@Component
public class ProviderContractViews {
  private final Links links;
  private final PacticipantViews pacticipantViews;
  private final VersionViews versionViews;

  ProviderContractViews(Links links, PacticipantViews pacticipantViews, VersionViews versionViews) {
    this.links = links;
    this.pacticipantViews = pacticipantViews;
    this.versionViews = versionViews;
  }

  /** The provider contract of a provider version. */
  public String contractUrl(String provider, String version) {
    return links.url("/provider-contracts/provider/{}/version/{}", provider, version);
  }

  /**
   * The comparison of a consumer's pact content with the provider contract of a provider version.
   */
  public String comparisonUrl(String provider, String version, String consumer, String pactSha) {
    return links.url(
        "/provider-contracts/provider/{}/version/{}/comparisons/consumer/{}/pact-version/{}",
        provider,
        version,
        consumer,
        pactSha);
  }

  Map<String, Object> contract(ProviderContractService.Contract c) {
    String self = contractUrl(c.provider().getName(), c.version().getNumber());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("providerName", c.provider().getName());
    m.put("providerVersionNumber", c.version().getNumber());
    m.put("specification", c.content().specification());
    m.put("contentType", c.content().contentType());
    m.put("contentSha", c.content().sha());
    m.put("content", c.content().content());
    m.put("createdAt", Hal.timestamp(c.publication().createdAt()));
    m.put("selfVerification", selfVerificationSummary(c.publication()));
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(self, "Provider contract"));
    l.put(
        "pb:pacticipant",
        Links.named(pacticipantViews.url(c.provider()), "Provider", c.provider().getName()));
    l.put(
        "pb:pacticipant-version",
        Links.named(
            versionViews.url(c.provider(), c.version()),
            "Provider version",
            c.version().getNumber()));
    l.put(
        "pf:self-verification",
        link(
            self + "/self-verification", "The provider's self-verification against this document"));
    l.put(
        "pf:comparisons",
        link(self + "/comparisons", "The comparisons of consumer pacts with this document"));
    m.put("_links", l);
    return m;
  }

  Map<String, Object> selfVerification(ProviderContractService.Contract c) {
    ProviderContractRows.Publication p = c.publication();
    String contract = contractUrl(c.provider().getName(), c.version().getNumber());
    Map<String, Object> m = selfVerificationSummary(p);
    m.put("content", p.selfVerificationContent());
    m.put("buildUrl", p.buildUrl());
    m.put("updatedAt", Hal.timestamp(p.updatedAt()));
    m.put(
        "_links",
        Hal.ordered(
            "self",
            link(contract + "/self-verification", "Self-verification"),
            "pf:provider-contract",
            link(contract, "Provider contract")));
    return m;
  }

  private static Map<String, Object> selfVerificationSummary(ProviderContractRows.Publication p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("published", p.selfVerificationPublished());
    m.put("success", p.selfVerificationPublished() && p.selfVerificationSuccess());
    m.put("contentType", p.selfVerificationContentType());
    m.put("format", p.selfVerificationFormat());
    m.put("verifier", p.verifier());
    m.put("verifierVersion", p.verifierVersion());
    return m;
  }

  Map<String, Object> comparisons(
      ProviderContractService.Contract c, List<ProviderContractService.PactComparisonView> all) {
    String contract = contractUrl(c.provider().getName(), c.version().getNumber());
    List<Map<String, Object>> items = new ArrayList<>();
    for (ProviderContractService.PactComparisonView v : all) {
      items.add(comparison(c, v));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_embedded", Map.of("comparisons", items));
    m.put(
        "_links",
        Hal.ordered(
            "self",
            link(contract + "/comparisons", "Comparisons"),
            "pf:provider-contract",
            link(contract, "Provider contract")));
    return m;
  }

  Map<String, Object> comparison(
      ProviderContractService.Contract c, ProviderContractService.PactComparisonView v) {
    String provider = c.provider().getName();
    String version = c.version().getNumber();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("consumerName", v.consumer().getName());
    m.put("providerName", provider);
    m.put("providerVersionNumber", version);
    m.put("pactSha", v.pactSha());
    m.put("contractSha", c.content().sha());
    ComparisonOutcome o = v.outcome();
    m.put("status", o == null ? "pending" : o.compatible() ? "compatible" : "incompatible");
    if (o != null) {
      m.put("compatible", o.compatible());
      m.put("comparedAt", Hal.timestamp(o.comparedAt()));
      m.put("interactionsCompared", o.interactionsCompared());
      m.put("incompatibilities", o.errors().stream().map(ProviderContractViews::finding).toList());
      m.put("warnings", o.warnings().stream().map(ProviderContractViews::finding).toList());
      m.put("notices", o.notices());
    }
    m.put(
        "_links",
        Hal.ordered(
            "self",
                link(
                    comparisonUrl(provider, version, v.consumer().getName(), v.pactSha()),
                    "Comparison"),
            "pb:pact-version",
                link(
                    links.url(
                        "/pacts/provider/{}/consumer/{}/pact-version/{}",
                        provider,
                        v.consumer().getName(),
                        v.pactSha()),
                    "Pact"),
            "pf:provider-contract", link(contractUrl(provider, version), "Provider contract")));
    return m;
  }

  private static Map<String, Object> finding(ComparisonOutcome.Finding f) {
    return Hal.ordered(
        "code",
        f.code(),
        "interaction",
        f.interaction(),
        "pactPath",
        f.pactPath(),
        "documentPointer",
        f.documentPointer(),
        "message",
        f.message());
  }

  /**
   * The answer to a publish: what the standard CLI reads ({@code notices}, {@code
   * _embedded.version}, the tag links).
   */
  Map<String, Object> published(
      ProviderContractService.Published p, String branch, List<String> tags) {
    Pacticipant provider = p.provider();
    Version version = p.version();
    String v = version.getNumber();
    String name = provider.getName();
    String contract = contractUrl(name, v);
    List<Map<String, Object>> notices = new ArrayList<>();
    if (branch != null) {
      notices.add(
          notice(
              "info",
              "Version "
                  + v
                  + " of "
                  + name
                  + " is on branch "
                  + branch
                  + (p.branchAdded() ? "" : " (already)")));
    }
    for (String tag : tags) {
      notices.add(
          notice(
              "info",
              "Tagged version "
                  + v
                  + " of "
                  + name
                  + " with "
                  + tag
                  + (p.tagsAdded().contains(tag) ? "" : " (already)")));
    }
    String text =
        switch (p.outcome()) {
          case "unchanged" ->
              "Provider contract for "
                  + name
                  + " version "
                  + v
                  + " was already published with identical content and self-verification; nothing changed";
          case "self-verification-updated" ->
              "Updated the self-verification of the provider contract for "
                  + name
                  + " version "
                  + v
                  + " (the document is unchanged)";
          default ->
              "Published provider contract for "
                  + name
                  + " version "
                  + v
                  + (p.contentNew()
                      ? " (new content)"
                      : " (content identical to an earlier version)");
        };
    notices.add(notice("unchanged".equals(p.outcome()) ? "info" : "success", text));
    notices.add(notice("info", "  View the provider contract at " + contract));
    notices.add(
        notice(
            "info",
            "It is compared with "
                + p.pactsToCompare()
                + (p.pactsToCompare() == 1 ? " consumer pact" : " consumer pacts")
                + " (each consumer's latest, branch heads, deployed and released); can-i-deploy counts a compatible pact "
                + "as verified while the self-verification passed"));
    p.notices().forEach(n -> notices.add(notice("info", n)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notices", notices);
    Map<String, Object> embedded = new LinkedHashMap<>();
    embedded.put("pacticipant", pacticipantViews.summary(provider));
    Map<String, Object> ver = new LinkedHashMap<>(versionViews.summary(version));
    ver.put(
        "_links", Map.of("self", Links.named(versionViews.url(provider, version), "Version", v)));
    embedded.put("version", ver);
    body.put("_embedded", embedded);
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("pb:pacticipant", Links.named(pacticipantViews.url(provider), "Pacticipant", name));
    l.put(
        "pb:pacticipant-version",
        Links.named(versionViews.url(provider, version), "Pacticipant version", v));
    l.put(
        "pb:pacticipant-version-tags",
        tags.stream()
            .map(
                t ->
                    Links.named(
                        versionViews.url(provider, version) + "/tags/" + Links.encode(t), "Tag", t))
            .toList());
    l.put("pf:provider-contract", Links.named(contract, "Provider contract", name + " " + v));
    body.put("_links", l);
    return body;
  }

  private static Map<String, Object> notice(String type, String text) {
    return Hal.ordered("type", type, "text", text);
  }
}
