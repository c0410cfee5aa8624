package dev.accord.broker.pact;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pacticipant.PacticipantViews;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.version.VersionViews;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Base64Text;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /contracts/publish}: the way {@code pact broker publish} uploads pacts. */
@RestController
class PublishController {
  private final PublicationService publications;
  private final PactDocuments documents;
  private final PacticipantViews pacticipantViews;
  private final VersionViews versionViews;
  private final PactViews pactViews;
  private final VersionService versions;

  PublishController(
      PublicationService publications,
      PactDocuments documents,
      PacticipantViews pacticipantViews,
      VersionViews versionViews,
      PactViews pactViews,
      VersionService versions) {
    this.versions = versions;
    this.publications = publications;
    this.documents = documents;
    this.pacticipantViews = pacticipantViews;
    this.versionViews = versionViews;
    this.pactViews = pactViews;
  }

  @PostMapping("/contracts/publish")
  ResponseEntity<Map<String, Object>> publish(@Valid @RequestBody PublishRequest body) {
    String name = body.pacticipantName();
    List<PublicationService.PactToPublish> contracts = new ArrayList<>();
    for (int i = 0; i < body.contracts().size(); i++) {
      contracts.add(contract(body.contracts().get(i), "contracts[" + i + "]", name));
    }
    List<String> tags = body.tagList();
    PublicationService.Published published =
        Retrying.transaction(
            () ->
                publications.publish(
                    new PublicationService.VersionInfo(
                        name,
                        body.pacticipantVersionNumber(),
                        body.branch(),
                        tags,
                        body.buildUrl()),
                    contracts));
    return Hal.ok(response(published, body.branch(), tags));
  }

  /**
   * What the record cannot say: the names agree with the pact inside, the content is base64 of
   * UTF-8 pact JSON.
   */
  private PublicationService.PactToPublish contract(
      PublishRequest.Contract c, String field, String pacticipantName) {
    String consumerName = c.consumerName();
    String providerName = c.providerName();
    if (!consumerName.equals(pacticipantName)) {
      throw ApiException.invalidField(
          field + ".consumerName",
          "\"" + consumerName + "\" must match pacticipantName \"" + pacticipantName + "\"");
    }
    if (!"pact".equals(c.specification().toLowerCase(Locale.ROOT))) {
      throw ApiException.invalidField(
          field + ".specification", "must be \"pact\", got \"" + c.specification() + "\"");
    }
    if (!"application/json".equals(c.contentType())) {
      throw ApiException.invalidField(
          field + ".contentType", "must be \"application/json\", got \"" + c.contentType() + "\"");
    }
    if (c.onConflict() != null && !Set.of("overwrite", "merge").contains(c.onConflict())) {
      throw ApiException.invalidField(
          field + ".onConflict",
          "must be \"overwrite\" or \"merge\", got \"" + c.onConflict() + "\"");
    }
    String text = Base64Text.decode(c.content(), field + ".content", "the pact JSON");
    PactDocuments.Document doc =
        documents.parse(text, "contract " + consumerName + "-" + providerName, field + ".content");
    if (!doc.consumerName().equals(consumerName)) {
      throw ApiException.invalidField(
          field + ".consumerName",
          "\""
              + consumerName
              + "\" does not match the consumer name in the pact content (\""
              + doc.consumerName()
              + "\")");
    }
    if (!doc.providerName().equals(providerName)) {
      throw ApiException.invalidField(
          field + ".providerName",
          "\""
              + providerName
              + "\" does not match the provider name in the pact content (\""
              + doc.providerName()
              + "\")");
    }
    return new PublicationService.PactToPublish(consumerName, providerName, doc);
  }

  private Map<String, Object> response(
      PublicationService.Published p, String branch, List<String> tags) {
    List<Map<String, Object>> notices = new ArrayList<>();
    List<Map<String, Object>> logs = new ArrayList<>();
    String v = p.version().getNumber();
    String c = p.consumer().getName();
    if (branch != null) {
      notice(
          notices,
          logs,
          "info",
          "Version "
              + v
              + " of "
              + c
              + " is on branch "
              + branch
              + (p.branchAdded() ? "" : " (already)"));
    }
    for (String tag : tags) {
      notice(
          notices,
          logs,
          "info",
          "Tagged version "
              + v
              + " of "
              + c
              + " with "
              + tag
              + (p.tagsAdded().contains(tag) ? "" : " (already)"));
    }
    versions
        .branchLikeNumber(
            p.version(),
            "Consumer",
            "pact broker publish --consumer-app-version $GIT_SHA --branch {branch}")
        .ifPresent(text -> notice(notices, logs, "warning", text));
    if (branch == null && tags.isEmpty()) {
      notice(
          notices,
          logs,
          "warning",
          "Version "
              + v
              + " of "
              + c
              + " has no branch: publish with --branch so selectors and can-i-merge can find it");
    }
    List<Map<String, Object>> contractLinks = new ArrayList<>();
    for (PublicationService.Outcome o : p.outcomes()) {
      String text;
      if (!o.created()) {
        text =
            "Pact for "
                + c
                + " version "
                + v
                + " and provider "
                + o.provider().getName()
                + " was already published with identical content; nothing changed";
      } else if (o.contentNew()) {
        text =
            "Created pact for "
                + c
                + " version "
                + v
                + " and provider "
                + o.provider().getName()
                + " (new content, it needs verifying)";
      } else {
        text =
            "Created pact for "
                + c
                + " version "
                + v
                + " and provider "
                + o.provider().getName()
                + " (content identical to an earlier version: its verification results apply)";
      }
      notice(notices, logs, o.created() ? "success" : "info", text);
      String url = pactViews.versionUrl(o.provider(), p.consumer(), p.version());
      notice(notices, logs, "info", "  View the published pact at " + url);
      o.notices().forEach(n -> notice(notices, logs, "info", n));
      Map<String, Object> link = link(url, "Pact");
      link.put("name", "Pact between " + c + " (" + v + ") and " + o.provider().getName());
      contractLinks.add(link);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notices", notices);
    body.put("logs", logs);
    Map<String, Object> embedded = new LinkedHashMap<>();
    embedded.put("pacticipant", pacticipantViews.summary(p.consumer()));
    Map<String, Object> version = new LinkedHashMap<>(versionViews.summary(p.version()));
    version.put(
        "_links",
        Map.of("self", Links.named(versionViews.url(p.consumer(), p.version()), "Version", v)));
    embedded.put("version", version);
    body.put("_embedded", embedded);
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("pb:pacticipant", Links.named(pacticipantViews.url(p.consumer()), "Pacticipant", c));
    l.put(
        "pb:pacticipant-version",
        Links.named(versionViews.url(p.consumer(), p.version()), "Pacticipant version", v));
    l.put(
        "pb:pacticipant-version-tags",
        tags.stream()
            .map(
                t ->
                    Links.named(
                        versionViews.url(p.consumer(), p.version()) + "/tags/" + Links.encode(t),
                        "Tag",
                        t))
            .toList());
    l.put("pb:contracts", contractLinks);
    body.put("_links", l);
    return body;
  }

  private static void notice(
      List<Map<String, Object>> notices, List<Map<String, Object>> logs, String type, String text) {
    notices.add(Hal.ordered("type", type, "text", text));
    logs.add(
        Hal.ordered(
            "level",
            "warning".equals(type) ? "warn" : "info",
            "message",
            text,
            "deprecationWarning",
            ""));
  }
}
