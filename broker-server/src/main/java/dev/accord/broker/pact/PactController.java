package dev.accord.broker.pact;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Pact documents and pact collections under {@code /pacts}. */
@RestController
class PactController {
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final PublicationService publications;
  private final PactDocuments documents;
  private final PactViews views;
  private final Links links;

  PactController(
      PacticipantService pacticipants,
      VersionService versions,
      PublicationService publications,
      PactDocuments documents,
      PactViews views,
      Links links) {
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.publications = publications;
    this.documents = documents;
    this.views = views;
    this.links = links;
  }

  /** Legacy publish: 201 new, 200 identical, 409 changed. */
  @PutMapping({
    "/pacts/provider/{provider}/consumer/{consumer}/version/{version}",
    "/pacts/provider/{provider}/consumer/{consumer}/versions/{version}"
  })
  ResponseEntity<ObjectNode> put(
      @PathVariable String provider,
      @PathVariable String consumer,
      @PathVariable String version,
      @RequestBody(required = false) byte[] body) {
    if (body == null || body.length == 0) {
      throw ApiException.badRequest("The request body is empty; PUT the pact JSON to this URL");
    }
    String where =
        "PUT /pacts/provider/" + provider + "/consumer/" + consumer + "/version/" + version;
    PactDocuments.Document doc =
        documents.parse(new String(body, StandardCharsets.UTF_8), where, "pact");
    if (!doc.consumerName().equals(consumer)) {
      throw ApiException.invalidField(
          "consumer",
          "The consumer name in the pact (\""
              + doc.consumerName()
              + "\") does not match the consumer name in the path (\""
              + consumer
              + "\")");
    }
    if (!doc.providerName().equals(provider)) {
      throw ApiException.invalidField(
          "provider",
          "The provider name in the pact (\""
              + doc.providerName()
              + "\") does not match the provider name in the path (\""
              + provider
              + "\")");
    }
    VersionService.requireNumber("consumerVersionNumber", version);
    PublicationService.Published published =
        Retrying.transaction(
            () ->
                publications.publish(
                    new PublicationService.VersionInfo(consumer, version, null, List.of(), null),
                    List.of(new PublicationService.PactToPublish(consumer, provider, doc))));
    PublicationService.Outcome outcome = published.outcomes().get(0);
    String url = views.versionUrl(outcome.provider(), published.consumer(), published.version());
    ObjectNode json = views.document(outcome.publication(), url);
    return outcome.created() ? Hal.created(json, url) : Hal.ok(json);
  }

  @GetMapping({
    "/pacts/provider/{provider}/consumer/{consumer}/version/{version}",
    "/pacts/provider/{provider}/consumer/{consumer}/versions/{version}"
  })
  ResponseEntity<ObjectNode> get(
      @PathVariable String provider,
      @PathVariable String consumer,
      @PathVariable String version,
      HttpServletRequest request) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    Version v = versions.require(c, version);
    PactPublication pub =
        publications
            .forConsumerVersion(v, p)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No pact between "
                            + consumer
                            + " version "
                            + version
                            + " and "
                            + provider
                            + " has been published"));
    return Hal.ok(views.document(pub, null));
  }

  @DeleteMapping("/pacts/provider/{provider}/consumer/{consumer}/version/{version}")
  ResponseEntity<Void> delete(
      @PathVariable String provider, @PathVariable String consumer, @PathVariable String version) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    Version v = versions.require(c, version);
    publications.delete(
        publications
            .forConsumerVersion(v, p)
            .orElseThrow(() -> ApiException.notFound("No such pact")));
    return Hal.noContent();
  }

  @GetMapping({
    "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}",
    "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}/metadata/{metadata}"
  })
  ResponseEntity<ObjectNode> bySha(
      @PathVariable String provider,
      @PathVariable String consumer,
      @PathVariable String sha,
      HttpServletRequest request) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    PactContent content =
        publications
            .contentBySha(c, p, sha)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No pact content " + sha + " between " + consumer + " and " + provider));
    PactPublication pub =
        publications
            .latestWithContent(content)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No version of "
                            + consumer
                            + " publishes pact version "
                            + sha
                            + " with "
                            + provider
                            + " any more (its publications were deleted)"));
    ObjectNode doc =
        views.document(
            pub,
            links.base() + request.getRequestURI().substring(request.getContextPath().length()));
    return Hal.ok(doc);
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/latest")
  ResponseEntity<ObjectNode> latest(@PathVariable String provider, @PathVariable String consumer) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    PactPublication pub =
        publications
            .latest(p, c)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No pact between "
                            + consumer
                            + " and "
                            + provider
                            + " has been published"));
    return withConsumerVersion(Hal.ok(views.document(pub, null)), pub);
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/latest/{tag}")
  ResponseEntity<ObjectNode> latestTagged(
      @PathVariable String provider, @PathVariable String consumer, @PathVariable String tag) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    PactPublication pub =
        publications.withConsumerTag(p, tag).stream()
            .filter(x -> x.getConsumerId().equals(c.getId()))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No pact between "
                            + consumer
                            + " and "
                            + provider
                            + " for a consumer version tagged '"
                            + tag
                            + "'"));
    return withConsumerVersion(Hal.ok(views.document(pub, null)), pub);
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}/latest")
  ResponseEntity<ObjectNode> latestOnBranch(
      @PathVariable String provider, @PathVariable String consumer, @PathVariable String branch) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    PactPublication pub =
        versions
            .branchHead(c, branch)
            .flatMap(v -> publications.forConsumerVersion(v, p))
            .or(
                () ->
                    publications.withConsumerBranch(p, branch).stream()
                        .filter(x -> x.getConsumerId().equals(c.getId()))
                        .findFirst())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No pact between "
                            + consumer
                            + " and "
                            + provider
                            + " on consumer branch '"
                            + branch
                            + "'"));
    return withConsumerVersion(Hal.ok(views.document(pub, null)), pub);
  }

  /**
   * The index's pb:latest-main-branch-pact-versions: the latest pact of the consumer's main branch.
   */
  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/branch/latest/versions")
  ResponseEntity<Map<String, Object>> consumerMainBranchLatest(
      @PathVariable String provider, @PathVariable String consumer) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    return consumerCollection(
        p,
        c,
        forConsumer(publications.withConsumerMainBranch(p), c).stream().limit(1).toList(),
        "Latest pact for the consumer's main branch");
  }

  /**
   * The latest pacts carry the consumer version they were published under, as the Pact Broker's do
   * (its clients read it).
   */
  private ResponseEntity<ObjectNode> withConsumerVersion(
      ResponseEntity<ObjectNode> response, PactPublication pub) {
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .header("X-Pact-Consumer-Version", versions.byId(pub.getConsumerVersionId()).getNumber())
        .body(response.getBody());
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/versions")
  ResponseEntity<Map<String, Object>> allVersions(
      @PathVariable String provider, @PathVariable String consumer) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    return consumerCollection(
        p,
        c,
        publications.all(p, c),
        "All versions of the pact between " + consumer + " and " + provider);
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/tag/{tag}")
  ResponseEntity<Map<String, Object>> consumerTag(
      @PathVariable String provider, @PathVariable String consumer, @PathVariable String tag) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    return consumerCollection(
        p,
        c,
        publications.withConsumerTag(p, tag).stream()
            .filter(x -> x.getConsumerId().equals(c.getId()))
            .toList(),
        "Pacts for consumer versions tagged " + tag);
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}")
  ResponseEntity<Map<String, Object>> consumerBranch(
      @PathVariable String provider, @PathVariable String consumer, @PathVariable String branch) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    return consumerCollection(
        p,
        c,
        forConsumer(publications.withConsumerBranch(p, branch), c),
        "Pacts for consumer branch " + branch);
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/branch")
  ResponseEntity<Map<String, Object>> consumerMainBranchPlain(
      @PathVariable String provider, @PathVariable String consumer) {
    return consumerMainBranch(provider, consumer);
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/branch/versions")
  ResponseEntity<Map<String, Object>> consumerMainBranch(
      @PathVariable String provider, @PathVariable String consumer) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    return consumerCollection(
        p,
        c,
        forConsumer(publications.withConsumerMainBranch(p), c),
        "Pacts for the consumer's main branch");
  }

  @GetMapping("/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}/latest/versions")
  ResponseEntity<Map<String, Object>> consumerBranchLatest(
      @PathVariable String provider, @PathVariable String consumer, @PathVariable String branch) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    return consumerCollection(
        p,
        c,
        forConsumer(publications.withConsumerBranch(p, branch), c).stream().limit(1).toList(),
        "Latest pact for consumer branch " + branch);
  }

  // provider-level collections

  @GetMapping("/pacts/provider/{provider}")
  ResponseEntity<Map<String, Object>> providerPacts(@PathVariable String provider) {
    Pacticipant p = pacticipants.require(provider);
    return Hal.ok(
        views.collection(
            links.url("/pacts/provider/{}", provider),
            "All pact versions for provider " + provider,
            p,
            latestPerConsumer(p, null)));
  }

  @GetMapping("/pacts/provider/{provider}/latest")
  ResponseEntity<Map<String, Object>> providerLatest(@PathVariable String provider) {
    Pacticipant p = pacticipants.require(provider);
    return Hal.ok(
        views.collection(
            links.url("/pacts/provider/{}/latest", provider),
            "Latest pact versions for provider " + provider,
            p,
            publications.latestPerConsumer(p)));
  }

  @GetMapping({"/pacts/provider/{provider}/latest/{tag}", "/pacts/provider/{provider}/tag/{tag}"})
  ResponseEntity<Map<String, Object>> providerLatestTagged(
      @PathVariable String provider, @PathVariable String tag) {
    Pacticipant p = pacticipants.require(provider);
    return Hal.ok(
        views.collection(
            links.url("/pacts/provider/{}/latest/{}", provider, tag),
            "Latest pacts for consumer versions tagged " + tag,
            p,
            latestPerConsumer(p, publications.withConsumerTag(p, tag))));
  }

  @GetMapping({"/pacts/provider/{provider}/branch", "/pacts/provider/{provider}/branch/latest"})
  ResponseEntity<Map<String, Object>> providerMainBranch(@PathVariable String provider) {
    Pacticipant p = pacticipants.require(provider);
    return Hal.ok(
        views.collection(
            links.url("/pacts/provider/{}/branch", provider),
            "Latest pacts from each consumer's main branch",
            p,
            latestPerConsumer(p, publications.withConsumerMainBranch(p))));
  }

  @GetMapping({
    "/pacts/provider/{provider}/branch/{branch}",
    "/pacts/provider/{provider}/branch/{branch}/latest"
  })
  ResponseEntity<Map<String, Object>> providerBranch(
      @PathVariable String provider, @PathVariable String branch) {
    Pacticipant p = pacticipants.require(provider);
    return Hal.ok(
        views.collection(
            links.url("/pacts/provider/{}/branch/{}", provider, branch),
            "Latest pacts from consumer branch " + branch,
            p,
            latestPerConsumer(p, publications.withConsumerBranch(p, branch))));
  }

  @GetMapping("/pacts/latest")
  ResponseEntity<Map<String, Object>> latestPacts() {
    List<PactPublication> latest = publications.latestPerIntegration();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_links", Map.of("self", link(links.url("/pacts/latest"), "Latest pact versions")));
    body.put("pacts", latest.stream().map(views::latestEntry).toList());
    return Hal.ok(body);
  }

  private List<PactPublication> latestPerConsumer(
      Pacticipant provider, List<PactPublication> candidates) {
    if (candidates == null) {
      return publications.latestPerConsumer(provider);
    }
    Map<Long, PactPublication> first = new LinkedHashMap<>();
    for (PactPublication pub : candidates) {
      first.putIfAbsent(pub.getConsumerId(), pub);
    }
    return List.copyOf(first.values());
  }

  private static List<PactPublication> forConsumer(
      List<PactPublication> pubs, Pacticipant consumer) {
    return pubs.stream().filter(x -> x.getConsumerId().equals(consumer.getId())).toList();
  }

  private ResponseEntity<Map<String, Object>> consumerCollection(
      Pacticipant p, Pacticipant c, List<PactPublication> pubs, String title) {
    Map<String, Object> body =
        views.collection(
            links.url("/pacts/provider/{}/consumer/{}/versions", p.getName(), c.getName()),
            title,
            p,
            pubs);
    body.put("_embedded", Map.of("pacts", pubs.stream().map(views::entry).toList()));
    return Hal.ok(body);
  }
}
