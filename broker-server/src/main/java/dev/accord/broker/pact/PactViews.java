package dev.accord.broker.pact;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.version.VersionViews;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.pact.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pact document as served (stored JSON plus {@code createdAt} and {@code _links}) and pact list
 * entries.
 */
@Component
public class PactViews {
  private final Links links;
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final VersionViews versionViews;
  private final PublicationService publications;

  PactViews(
      Links links,
      PacticipantService pacticipants,
      VersionService versions,
      VersionViews versionViews,
      PublicationService publications) {
    this.links = links;
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.versionViews = versionViews;
    this.publications = publications;
  }

  public String versionUrl(Pacticipant provider, Pacticipant consumer, Version consumerVersion) {
    return links.url(
        "/pacts/provider/{}/consumer/{}/version/{}",
        provider.getName(),
        consumer.getName(),
        consumerVersion.getNumber());
  }

  public String pactVersionUrl(Pacticipant provider, Pacticipant consumer, String sha) {
    return links.url(
        "/pacts/provider/{}/consumer/{}/pact-version/{}",
        provider.getName(),
        consumer.getName(),
        sha);
  }

  /** The pact document for a publication, with the links verifiers follow. */
  public ObjectNode document(PactPublication publication, String selfUrl) {
    PactContent content = publications.content(publication);
    Pacticipant consumer = pacticipants.byId(publication.getConsumerId());
    Pacticipant provider = pacticipants.byId(publication.getProviderId());
    Version cv = versions.byId(publication.getConsumerVersionId());
    ObjectNode doc = (ObjectNode) Json.parse(content.getContent());
    doc.put("createdAt", Hal.timestamp(publication.getCreatedAt()));
    String pactVersion = pactVersionUrl(provider, consumer, content.getSha());
    String base =
        links.url("/pacts/provider/{}/consumer/{}", provider.getName(), consumer.getName());
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(selfUrl == null ? versionUrl(provider, consumer, cv) : selfUrl, "Pact"));
    // lets `pact broker get-pacts --consumer C --branch B --latest` (which fetches this document)
    // list it instead of crashing
    l.put(
        "pb:pacts",
        List.of(
            Links.named(
                selfUrl == null ? versionUrl(provider, consumer, cv) : selfUrl,
                "Pact between "
                    + consumer.getName()
                    + " ("
                    + cv.getNumber()
                    + ") and "
                    + provider.getName(),
                consumer.getName())));
    l.put(
        "pb:consumer",
        Links.named(
            links.url("/pacticipants/{}", consumer.getName()), "Consumer", consumer.getName()));
    l.put(
        "pb:consumer-version",
        Links.named(versionViews.url(consumer, cv), "Consumer version", cv.getNumber()));
    l.put(
        "pb:consumer-versions",
        List.of(Links.named(versionViews.url(consumer, cv), "Consumer version", cv.getNumber())));
    l.put(
        "pb:provider",
        Links.named(
            links.url("/pacticipants/{}", provider.getName()), "Provider", provider.getName()));
    l.put(
        "pb:pact-version",
        Links.named(pactVersion, "Pact content version permalink", content.getSha()));
    l.put("pb:latest-pact-version", link(base + "/latest", "Latest version of this pact"));
    l.put("pb:all-pact-versions", link(base + "/versions", "All versions of this pact"));
    l.put(
        "pb:publish-verification-results",
        link(pactVersion + "/verification-results", "Publish verification results"));
    l.put(
        "pb:latest-verification-results",
        link(pactVersion + "/verification-results/latest", "Latest verification results"));
    l.put(
        "pb:matrix-for-consumer-version",
        link(
            links.base()
                + "/matrix?q%5B%5D%5Bpacticipant%5D="
                + Links.encode(consumer.getName())
                + "&q%5B%5D%5Bversion%5D="
                + Links.encode(cv.getNumber())
                + "&latestby=cvpv",
            "View matrix rows for the consumer version"));
    doc.set("_links", Json.toTree(l));
    return doc;
  }

  /** An entry in a list of pacts: names, consumer version and the link to the document. */
  public Map<String, Object> entry(PactPublication publication) {
    Pacticipant consumer = pacticipants.byId(publication.getConsumerId());
    Pacticipant provider = pacticipants.byId(publication.getProviderId());
    Version cv = versions.byId(publication.getConsumerVersionId());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("createdAt", Hal.timestamp(publication.getCreatedAt()));
    Map<String, Object> consumerJson = new LinkedHashMap<>();
    consumerJson.put("name", consumer.getName());
    consumerJson.put("_embedded", Map.of("version", Map.of("number", cv.getNumber())));
    consumerJson.put(
        "_links", Map.of("self", link(links.url("/pacticipants/{}", consumer.getName()))));
    Map<String, Object> providerJson = new LinkedHashMap<>();
    providerJson.put("name", provider.getName());
    providerJson.put(
        "_links", Map.of("self", link(links.url("/pacticipants/{}", provider.getName()))));
    m.put("_embedded", Hal.ordered("consumer", consumerJson, "provider", providerJson));
    m.put(
        "_links",
        Hal.ordered(
            "self",
            List.of(link(versionUrl(provider, consumer, cv), "Pact")),
            "pb:pact",
            link(versionUrl(provider, consumer, cv))));
    return m;
  }

  /**
   * An entry of {@code /pacts/latest}: as {@link #entry}, with two self links (latest, and by
   * consumer version) as the Pact Broker gives.
   */
  public Map<String, Object> latestEntry(PactPublication publication) {
    Map<String, Object> m = entry(publication);
    Pacticipant consumer = pacticipants.byId(publication.getConsumerId());
    Pacticipant provider = pacticipants.byId(publication.getProviderId());
    Version cv = versions.byId(publication.getConsumerVersionId());
    String byVersion = versionUrl(provider, consumer, cv);
    m.put(
        "_links",
        Hal.ordered(
            "self",
            List.of(
                link(
                    links.url(
                        "/pacts/provider/{}/consumer/{}/latest",
                        provider.getName(),
                        consumer.getName()),
                    "Latest pact"),
                link(byVersion, "Pact")),
            "pb:pact",
            link(byVersion)));
    return m;
  }

  /** {name, title, href} link to a pact, as lists of pacts carry them. */
  public Map<String, Object> pactLink(PactPublication publication) {
    Pacticipant consumer = pacticipants.byId(publication.getConsumerId());
    Pacticipant provider = pacticipants.byId(publication.getProviderId());
    Version cv = versions.byId(publication.getConsumerVersionId());
    return Links.named(
        versionUrl(provider, consumer, cv),
        "Pact between "
            + consumer.getName()
            + " ("
            + cv.getNumber()
            + ") and "
            + provider.getName(),
        consumer.getName());
  }

  /**
   * A collection of pacts with the relations every client reads ({@code pb:pacts}, {@code pacts}).
   */
  public Map<String, Object> collection(
      String selfUrl, String title, Pacticipant provider, List<PactPublication> pacts) {
    List<Map<String, Object>> pactLinks = pacts.stream().map(this::pactLink).toList();
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", link(selfUrl, title));
    if (provider != null) {
      l.put(
          "provider",
          Links.named(
              links.url("/pacticipants/{}", provider.getName()),
              provider.getName(),
              provider.getName()));
      l.put(
          "pb:provider",
          Links.named(
              links.url("/pacticipants/{}", provider.getName()),
              provider.getName(),
              provider.getName()));
    }
    l.put("pb:pacts", pactLinks);
    l.put("pacts", pactLinks);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_links", l);
    return body;
  }
}
