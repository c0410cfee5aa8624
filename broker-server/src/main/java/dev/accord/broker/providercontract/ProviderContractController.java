package dev.accord.broker.providercontract;

import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Base64Text;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Retrying;
import jakarta.validation.Valid;
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

/**
 * The PactFlow provider-contract API as the standard CLI uses it ({@code pact pactflow
 * publish-provider-contract}), and the provider contract, its self-verification and its comparisons
 * of a provider version.
 */
@RestController
class ProviderContractController {
  /** The content types of an OpenAPI document, YAML or JSON. */
  static final Set<String> CONTENT_TYPES =
      Set.of(
          "application/yaml",
          "application/x-yaml",
          "application/yml",
          "text/yaml",
          "text/x-yaml",
          "application/json",
          "application/vnd.oai.openapi",
          "application/vnd.oai.openapi+json");

  private final ProviderContractService service;
  private final ProviderContractViews views;

  ProviderContractController(ProviderContractService service, ProviderContractViews views) {
    this.service = service;
    this.views = views;
  }

  @PostMapping("/provider-contracts/provider/{provider}/publish")
  ResponseEntity<Map<String, Object>> publish(
      @PathVariable String provider, @Valid @RequestBody ProviderContractRequest body) {
    Hal.requireName("provider", provider);
    ProviderContractRequest.Contract contract = body.contract();
    if (!"oas".equals(contract.specification().toLowerCase(Locale.ROOT))) {
      throw ApiException.invalidField(
          "contract.specification",
          "must be \"oas\" (an OpenAPI 3.0 or 3.1 document), got \""
              + contract.specification()
              + "\"");
    }
    String mediaType = contract.contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!CONTENT_TYPES.contains(mediaType)) {
      throw ApiException.invalidField(
          "contract.contentType",
          "must be application/yaml or application/json (the document's format), "
              + "got \""
              + contract.contentType()
              + "\"");
    }
    String document =
        Base64Text.decode(contract.content(), "contract.content", "the OpenAPI document");
    SelfVerification self = selfVerification(contract.selfVerificationResults());
    List<String> tags = body.tagList();
    ProviderContractService.Request request =
        new ProviderContractService.Request(
            provider,
            body.pacticipantVersionNumber(),
            body.branch(),
            tags,
            body.buildUrl(),
            "oas",
            mediaType,
            document,
            self);
    ProviderContractService.Published published =
        Retrying.transaction(
            () ->
                service.publish(request, (p, v) -> views.contractUrl(p.getName(), v.getNumber())));
    return Hal.ok(views.published(published, body.branch(), tags));
  }

  @GetMapping("/provider-contracts/provider/{provider}/version/{version}")
  ResponseEntity<Map<String, Object>> contract(
      @PathVariable String provider, @PathVariable String version) {
    return Hal.ok(views.contract(service.require(provider, version)));
  }

  @GetMapping("/provider-contracts/provider/{provider}/version/{version}/self-verification")
  ResponseEntity<Map<String, Object>> selfVerification(
      @PathVariable String provider, @PathVariable String version) {
    return Hal.ok(views.selfVerification(service.require(provider, version)));
  }

  @GetMapping("/provider-contracts/provider/{provider}/version/{version}/comparisons")
  ResponseEntity<Map<String, Object>> comparisons(
      @PathVariable String provider, @PathVariable String version) {
    ProviderContractService.Contract c = service.require(provider, version);
    return Hal.ok(views.comparisons(c, service.comparisons(c)));
  }

  @GetMapping(
      "/provider-contracts/provider/{provider}/version/{version}/comparisons/consumer/{consumer}/pact-version/{sha}")
  ResponseEntity<Map<String, Object>> comparison(
      @PathVariable String provider,
      @PathVariable String version,
      @PathVariable String consumer,
      @PathVariable String sha) {
    ProviderContractService.Contract c = service.require(provider, version);
    return Hal.ok(views.comparison(c, service.comparison(c, consumer, sha)));
  }

  private static SelfVerification selfVerification(
      ProviderContractRequest.SelfVerificationResults results) {
    if (results == null) {
      return SelfVerification.NONE;
    }
    String content =
        results.content() == null
            ? null
            : Base64Text.decode(
                results.content(),
                "contract.selfVerificationResults.content",
                "the verification results");
    return new SelfVerification(
        true,
        results.success(),
        content,
        results.contentType(),
        results.format(),
        results.verifier(),
        results.verifierVersion());
  }
}
