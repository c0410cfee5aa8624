package dev.accord.broker.pact;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pacticipant.PacticipantViews;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.version.VersionViews;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Fields;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.broker.web.Retrying;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /contracts/publish}: the way {@code pact broker publish} uploads pacts. */
@RestController
class PublishController {
  private final PublicationService publications;
  private final PactDocuments documents;
  private final PacticipantViews pacticipantViews;
  private final VersionViews versionViews;
  private final PactViews pactViews;
  private final VersionService versions;

  PublishController(PublicationService publications, PactDocuments documents, PacticipantViews pacticipantViews, VersionViews versionViews,
      PactViews pactViews, VersionService versions) {
    this.versions = versions;
    this.publications = publications;
    this.documents = documents;
    this.pacticipantViews = pacticipantViews;
    this.versionViews = versionViews;
    this.pactViews = pactViews;
  }

  @PostMapping("/contracts/publish")
  ResponseEntity<Map<String, Object>> publish(@RequestBody JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object: {\"pacticipantName\":..., \"pacticipantVersionNumber\":..., "
          + "\"contracts\":[...]}");
    }
    String name = string(body, "pacticipantName", true);
    Hal.requireName("pacticipantName", name);
    String number = VersionService.requireNumber("pacticipantVersionNumber", string(body, "pacticipantVersionNumber", true));
    String branch = string(body, "branch", false);
    if (branch != null) {
      Hal.requireName("branch", branch);
    }
    String buildUrl = Fields.text("buildUrl", string(body, "buildUrl", false), Fields.URL);
    List<String> tags = new ArrayList<>();
    JsonNode tagsNode = body.get("tags");
    if (tagsNode != null && !tagsNode.isNull()) {
      if (!tagsNode.isArray()) {
        throw ApiException.invalidField("tags", "must be an array of strings, e.g. [\"dev\"]");
      }
      for (JsonNode t : tagsNode) {
        if (!t.isString()) {
          throw ApiException.invalidField("tags", "must be an array of strings, e.g. [\"dev\"]");
        }
        tags.add(Hal.requireName("tags", t.asString()));
      }
    }
    JsonNode contractsNode = body.get("contracts");
    if (contractsNode == null || !contractsNode.isArray() || contractsNode.isEmpty()) {
      throw ApiException.invalidField("contracts", "must be a non-empty array of {consumerName, providerName, specification:\"pact\", "
          + "contentType:\"application/json\", content:<base64 pact JSON>}");
    }
    List<PublicationService.Contract> contracts = new ArrayList<>();
    int i = 0;
    for (JsonNode c : contractsNode) {
      contracts.add(contract(c, i++, name));
    }
    PublicationService.Published published = Retrying.transaction(() -> publications.publish(
        new PublicationService.VersionInfo(name, number, branch, tags, buildUrl), contracts));
    return Hal.ok(response(published, branch, tags));
  }

  private PublicationService.Contract contract(JsonNode c, int index, String pacticipantName) {
    String field = "contracts[" + index + "]";
    if (!c.isObject()) {
      throw ApiException.invalidField(field, "must be an object");
    }
    String consumerName = string(c, "consumerName", field + ".consumerName", true);
    String providerName = string(c, "providerName", field + ".providerName", true);
    Hal.requireName(field + ".consumerName", consumerName);
    Hal.requireName(field + ".providerName", providerName);
    if (!consumerName.equals(pacticipantName)) {
      throw ApiException.invalidField(field + ".consumerName", "\"" + consumerName + "\" must match pacticipantName \"" + pacticipantName
          + "\"");
    }
    String specification = string(c, "specification", field + ".specification", true);
    if (!"pact".equals(specification.toLowerCase(Locale.ROOT))) {
      throw ApiException.invalidField(field + ".specification", "must be \"pact\", got \"" + specification + "\"");
    }
    String contentType = string(c, "contentType", field + ".contentType", true);
    if (!"application/json".equals(contentType)) {
      throw ApiException.invalidField(field + ".contentType", "must be \"application/json\", got \"" + contentType + "\"");
    }
    String onConflict = string(c, "onConflict", field + ".onConflict", false);
    if (onConflict != null && !Set.of("overwrite", "merge").contains(onConflict)) {
      throw ApiException.invalidField(field + ".onConflict", "must be \"overwrite\" or \"merge\", got \"" + onConflict + "\"");
    }
    String content = string(c, "content", field + ".content", true);
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(content);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(field + ".content", "is not valid base64 (" + e.getMessage()
          + "); send the pact JSON encoded with base64");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.invalidField(field + ".content", "is not UTF-8 text once base64-decoded");
    }
    PactDocuments.Document doc = documents.parse(text, "contract " + consumerName + "-" + providerName, field + ".content");
    if (!doc.consumerName().equals(consumerName)) {
      throw ApiException.invalidField(field + ".consumerName", "\"" + consumerName
          + "\" does not match the consumer name in the pact content (\""
          + doc.consumerName() + "\")");
    }
    if (!doc.providerName().equals(providerName)) {
      throw ApiException.invalidField(field + ".providerName", "\"" + providerName
          + "\" does not match the provider name in the pact content (\""
          + doc.providerName() + "\")");
    }
    return new PublicationService.Contract(consumerName, providerName, doc);
  }

  private Map<String, Object> response(PublicationService.Published p, String branch, List<String> tags) {
    List<Map<String, Object>> notices = new ArrayList<>();
    List<Map<String, Object>> logs = new ArrayList<>();
    String v = p.version().getNumber();
    String c = p.consumer().getName();
    if (branch != null) {
      notice(notices, logs, "info", "Version " + v + " of " + c + " is on branch " + branch + (p.branchAdded() ? "" : " (already)"));
    }
    for (String tag : tags) {
      notice(notices, logs, "info", "Tagged version " + v + " of " + c + " with " + tag + (p.tagsAdded().contains(tag) ? ""
          : " (already)"));
    }
    versions.branchLikeNumber(p.version(), "Consumer", "pact broker publish --consumer-app-version $GIT_SHA --branch {branch}")
        .ifPresent(text -> notice(notices, logs, "warning", text));
    if (branch == null && tags.isEmpty()) {
      notice(notices, logs, "warning", "Version " + v + " of " + c
          + " has no branch: publish with --branch so selectors and can-i-merge can find it");
    }
    List<Map<String, Object>> contractLinks = new ArrayList<>();
    for (PublicationService.Outcome o : p.outcomes()) {
      String text;
      if (!o.created()) {
        text = "Pact for " + c + " version " + v + " and provider " + o.provider().getName()
            + " was already published with identical content; nothing changed";
      } else if (o.contentNew()) {
        text = "Created pact for " + c + " version " + v + " and provider " + o.provider().getName() + " (new content, it needs verifying)";
      } else {
        text = "Created pact for " + c + " version " + v + " and provider " + o.provider().getName()
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
    version.put("_links", Map.of("self", Links.named(versionViews.url(p.consumer(), p.version()), "Version", v)));
    embedded.put("version", version);
    body.put("_embedded", embedded);
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("pb:pacticipant", Links.named(pacticipantViews.url(p.consumer()), "Pacticipant", c));
    l.put("pb:pacticipant-version", Links.named(versionViews.url(p.consumer(), p.version()), "Pacticipant version", v));
    l.put("pb:pacticipant-version-tags", tags.stream().map(t -> Links.named(
        versionViews.url(p.consumer(), p.version()) + "/tags/" + Links.encode(t), "Tag", t)).toList());
    l.put("pb:contracts", contractLinks);
    body.put("_links", l);
    return body;
  }

  private static void notice(List<Map<String, Object>> notices, List<Map<String, Object>> logs, String type, String text) {
    notices.add(Hal.ordered("type", type, "text", text));
    logs.add(Hal.ordered("level", "warning".equals(type) ? "warn" : "info", "message", text, "deprecationWarning", ""));
  }

  private static String string(JsonNode body, String key, boolean required) {
    return string(body, key, key, required);
  }

  private static String string(JsonNode body, String key, String field, boolean required) {
    JsonNode n = body.get(key);
    if (n == null || n.isNull()) {
      if (required) {
        throw ApiException.invalidField(field, "is missing");
      }
      return null;
    }
    if (!n.isString()) {
      throw ApiException.invalidField(field, "must be a string");
    }
    return n.asString();
  }
}
