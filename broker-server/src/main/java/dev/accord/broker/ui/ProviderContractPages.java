package dev.accord.broker.ui;

import dev.accord.broker.providercontract.ProviderContractService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /ui/provider-contracts/provider/{provider}/version/{version}}: a provider version's
 * contract (its OpenAPI document), its self-verification and each comparison with a consumer pact,
 * with the incompatibilities. Read-only; everything reaches the template as text.
 */
@Controller
class ProviderContractPages {
  private final ProviderContractService contracts;

  ProviderContractPages(ProviderContractService contracts) {
    this.contracts = contracts;
  }

  @GetMapping("/ui/provider-contracts/provider/{provider}/version/{version}")
  String contract(@PathVariable String provider, @PathVariable String version, Model model) {
    ProviderContractService.ContractPage page;
    try {
      page = contracts.page(provider, version);
    } catch (ApiException e) {
      throw new PageNotFound(e.getMessage());
    }
    model.addAttribute("c", page);
    model.addAttribute("publishedAt", Hal.timestamp(page.publishedAt()));
    model.addAttribute("publishedAgo", Ages.ago(page.publishedAt()));
    return "provider-contract";
  }
}
