package dev.accord.broker.providercontract;

import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Fields;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Retrying;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The PactFlow provider-contract API as the standard CLI uses it ({@code pact pactflow publish-provider-contract}), and
 * the provider contract, its self-verification and its comparisons of a provider version.
 */
@RestController
class ProviderContractController {
  /** The content types of an OpenAPI document, YAML or JSON. */
  static final Set<String> CONTENT_TYPES = Set.of("application/yaml", "application/x-yaml", "application/yml", "text/yaml",
      "text/x-yaml", "application/json", "application/vnd.oai.openapi", "application/vnd.oai.openapi+json");

  private final ProviderContractService service;
  private final ProviderContractViews views;

  ProviderContractController(ProviderContractService service, ProviderContractViews views) {
    this.service = service;
    this.views = views;
  }

  @PostMapping("/provider-contracts/provider/{provider}/publish")
  ResponseEntity<Map<String, Object>> publish(@PathVariable String provider, @RequestBody JsonNode body) {
    Hal.requireName("provider", provider);
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object: {\"pacticipantVersionNumber\":..., \"contract\":{\"content\":"
          + "<base64 OpenAPI document>, \"contentType\":\"application/yaml\", \"specification\":\"oas\", \"selfVerificationResults\":"
          + "{\"success\":true, ...}}}");
    }
    String number = VersionService.requireNumber("pacticipantVersionNumber", string(body, "pacticipantVersionNumber", true));
    String branch = string(body, "branch", false);
    if (branch != null) {
      Hal.requireName("branch", branch);
    }
    String buildUrl = Fields.text("buildUrl", string(body, "buildUrl", false), Fields.URL);
    List<String> tags = tags(body.get("tags"));
    JsonNode contract = body.get("contract");
    if (contract == null || !contract.isObject()) {
      throw ApiException.invalidField("contract", contract == null || contract.isNull() ? "is missing" : "must be an object"
          + ": {\"content\":<base64 OpenAPI document>, \"contentType\":\"application/yaml\", \"specification\":\"oas\"}");
    }
    String specification = string(contract, "specification", "contract.specification", true);
    if (!"oas".equals(specification.toLowerCase(Locale.ROOT))) {
      throw ApiException.invalidField("contract.specification", "must be \"oas\" (an OpenAPI 3.0 or 3.1 document), got \""
          + specification + "\"");
    }
    String contentType = string(contract, "contentType", "contract.contentType", true);
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!CONTENT_TYPES.contains(mediaType)) {
      throw ApiException.invalidField("contract.contentType", "must be application/yaml or application/json (the document's format), "
          + "got \"" + contentType + "\"");
    }
    String document = decode(string(contract, "content", "contract.content", true), "contract.content", "the OpenAPI document");
    SelfVerification self = selfVerification(contract.get("selfVerificationResults"));
    ProviderContractService.Request request = new ProviderContractService.Request(provider, number, branch, tags, buildUrl,
        "oas", mediaType, document, self);
    ProviderContractService.Published published = Retrying.transaction(() -> service.publish(request,
        (p, v) -> views.contractUrl(p.getName(), v.getNumber())));
    return Hal.ok(views.published(published, branch, tags));
  }

  @GetMapping("/provider-contracts/provider/{provider}/version/{version}")
  ResponseEntity<Map<String, Object>> contract(@PathVariable String provider, @PathVariable String version) {
    return Hal.ok(views.contract(service.require(provider, version)));
  }

  @GetMapping("/provider-contracts/provider/{provider}/version/{version}/self-verification")
  ResponseEntity<Map<String, Object>> selfVerification(@PathVariable String provider, @PathVariable String version) {
    return Hal.ok(views.selfVerification(service.require(provider, version)));
  }

  @GetMapping("/provider-contracts/provider/{provider}/version/{version}/comparisons")
  ResponseEntity<Map<String, Object>> comparisons(@PathVariable String provider, @PathVariable String version) {
    ProviderContractService.Contract c = service.require(provider, version);
    return Hal.ok(views.comparisons(c, service.comparisons(c)));
  }

  @GetMapping("/provider-contracts/provider/{provider}/version/{version}/comparisons/consumer/{consumer}/pact-version/{sha}")
  ResponseEntity<Map<String, Object>> comparison(@PathVariable String provider, @PathVariable String version,
      @PathVariable String consumer, @PathVariable String sha) {
    ProviderContractService.Contract c = service.require(provider, version);
    return Hal.ok(views.comparison(c, service.comparison(c, consumer, sha)));
  }

  private static SelfVerification selfVerification(JsonNode node) {
    if (node == null || node.isNull()) {
      return SelfVerification.NONE;
    }
    String field = "contract.selfVerificationResults";
    if (!node.isObject()) {
      throw ApiException.invalidField(field, "must be an object: {\"success\":true, \"content\":<base64 results>, ...}");
    }
    JsonNode success = node.get("success");
    if (success == null || !success.isBoolean()) {
      throw ApiException.invalidField(field + ".success", (success == null ? "is missing" : "must be true or false")
          + ": whether the provider's own test against the document passed");
    }
    String content = string(node, "content", field + ".content", false);
    return new SelfVerification(true, success.asBoolean(), content == null ? null : decode(content, field + ".content",
        "the verification results"), Fields.text(field + ".contentType", string(node, "contentType", field + ".contentType", false), 255),
        Fields.text(field + ".format", string(node, "format", field + ".format", false), 255),
        Fields.text(field + ".verifier", string(node, "verifier", field + ".verifier", false), 255),
        Fields.text(field + ".verifierVersion", string(node, "verifierVersion", field + ".verifierVersion", false), 255));
  }

  private static List<String> tags(JsonNode node) {
    List<String> tags = new ArrayList<>();
    if (node == null || node.isNull()) {
      return tags;
    }
    if (!node.isArray()) {
      throw ApiException.invalidField("tags", "must be an array of strings, e.g. [\"dev\"]");
    }
    for (JsonNode t : node) {
      if (!t.isString()) {
        throw ApiException.invalidField("tags", "must be an array of strings, e.g. [\"dev\"]");
      }
      tags.add(Hal.requireName("tags", t.asString()));
    }
    return tags;
  }

  /** Base64 to UTF-8 text; a 400 naming the field when it is neither. */
  private static String decode(String base64, String field, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(field, "is not valid base64 (" + e.getMessage() + "); send " + what + " encoded with base64");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.invalidField(field, "is not UTF-8 text once decoded from base64; send " + what + " as UTF-8");
    }
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
