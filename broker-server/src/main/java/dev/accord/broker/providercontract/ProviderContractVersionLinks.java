package dev.accord.broker.providercontract;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionLinks;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code pf:provider-contract} on the version resource of a provider version that has a provider
 * contract.
 */
@Component
class ProviderContractVersionLinks implements VersionLinks {
  private final ProviderContractService service;
  private final ProviderContractViews views;

  ProviderContractVersionLinks(ProviderContractService service, ProviderContractViews views) {
    this.service = service;
    this.views = views;
  }

  @Override
  public void addLinks(String pacticipantName, Version version, Map<String, Object> links) {
    if (service.anyPublished() && service.exists(version)) {
      links.put(
          "pf:provider-contract",
          link(views.contractUrl(pacticipantName, version.getNumber()), "Provider contract"));
    }
  }
}
