package dev.accord.broker.index;

import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The HAL index every client starts from; hrefs are absolute. */
@RestController
class IndexController {
  private final Links links;

  IndexController(Links links) {
    this.links = links;
  }

  @GetMapping({"/", ""})
  ResponseEntity<Map<String, Object>> index() {
    String b = links.base();
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", Hal.ordered("href", b, "title", "Index", "templated", false));
    add(
        l,
        "pb:publish-pact",
        b + "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}",
        "Publish a pact",
        true);
    add(l, "pb:publish-contracts", b + "/contracts/publish", "Publish contracts", false);
    add(l, "pb:latest-pact-versions", b + "/pacts/latest", "Latest pact versions", false);
    add(
        l,
        "pb:tagged-pact-versions",
        b + "/pacts/provider/{provider}/consumer/{consumer}/tag/{tag}",
        "All versions of a pact for a given consumer, provider and consumer version tag",
        false);
    add(
        l,
        "pb:branch-pact-versions",
        b + "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}",
        "All versions of a pact for a consumer branch",
        true);
    add(
        l,
        "pb:latest-branch-pact-versions",
        b + "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}/latest/versions",
        "Latest pact for a consumer branch",
        true);
    add(
        l,
        "pb:main-branch-pact-versions",
        b + "/pacts/provider/{provider}/consumer/{consumer}/branch/versions",
        "All pacts of the consumer's main branch",
        true);
    add(
        l,
        "pb:latest-main-branch-pact-versions",
        b + "/pacts/provider/{provider}/consumer/{consumer}/branch/latest/versions",
        "Latest pact of the consumer's main branch",
        true);
    add(
        l,
        "pb:provider-pacts-with-main-branch",
        b + "/pacts/provider/{provider}/branch",
        "Pacts of each consumer's main branch",
        true);
    add(
        l,
        "pb:provider-pacts-with-branch",
        b + "/pacts/provider/{provider}/branch/{branch}",
        "Pacts of a consumer branch",
        true);
    add(
        l,
        "pb:latest-provider-pacts-with-main-branch",
        b + "/pacts/provider/{provider}/branch/latest",
        "Latest pacts of each consumer's main branch",
        true);
    add(
        l,
        "pb:latest-provider-pacts-with-branch",
        b + "/pacts/provider/{provider}/branch/{branch}/latest",
        "Latest pacts of a consumer branch",
        true);
    add(l, "pb:pacticipants", b + "/pacticipants", "Pacticipants", false);
    add(l, "pb:pacticipant", b + "/pacticipants/{pacticipant}", "Fetch pacticipant by name", true);
    add(
        l,
        "pb:latest-provider-pacts",
        b + "/pacts/provider/{provider}/latest",
        "Latest pacts by provider",
        true);
    add(
        l,
        "pb:latest-provider-pacts-with-tag",
        b + "/pacts/provider/{provider}/latest/{tag}",
        "Latest pacts for provider with the specified tag",
        true);
    add(
        l,
        "pb:provider-pacts-with-tag",
        b + "/pacts/provider/{provider}/tag/{tag}",
        "All pact versions for the provider with the specified consumer version tag",
        true);
    add(
        l,
        "pb:provider-pacts",
        b + "/pacts/provider/{provider}",
        "All pact versions for the specified provider",
        true);
    add(
        l,
        "pb:latest-version",
        b + "/pacticipants/{pacticipant}/latest-version",
        "Latest pacticipant version",
        true);
    add(
        l,
        "pb:latest-tagged-version",
        b + "/pacticipants/{pacticipant}/latest-version/{tag}",
        "Latest pacticipant version with the specified tag",
        true);
    add(l, "pb:integrations", b + "/integrations", "Integrations", false);
    add(
        l,
        "pb:pacticipant-version-tag",
        b + "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}",
        "Get, create or delete a tag for a pacticipant version",
        true);
    add(
        l,
        "pb:pacticipant-branch",
        b + "/pacticipants/{pacticipant}/branches/{branch}",
        "Get or delete a pacticipant branch",
        true);
    add(
        l,
        "pb:pacticipant-branch-version",
        b + "/pacticipants/{pacticipant}/branches/{branch}/versions/{version}",
        "Get or add/create a pacticipant version for a branch",
        true);
    add(
        l,
        "pb:pacticipant-version",
        b + "/pacticipants/{pacticipant}/versions/{version}",
        "Get, create or delete a pacticipant version",
        true);
    add(
        l,
        "pb:can-i-deploy-pacticipant-version-to-tag",
        b + "/can-i-deploy?pacticipant={pacticipant}&version={version}&to={tag}",
        "Determine if an application version can be safely deployed to an environment identified by the given tag",
        true);
    add(
        l,
        "pb:can-i-deploy-pacticipant-version-to-environment",
        b + "/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}",
        "Determine if an application version can be safely deployed to an environment",
        true);
    add(
        l,
        "pb:provider-pacts-for-verification",
        b + "/pacts/provider/{provider}/for-verification",
        "Pact versions to be verified for the specified provider",
        true);
    Map<String, Object> beta =
        link(
            b + "/pacts/provider/{provider}/for-verification",
            "DEPRECATED - please use pb:provider-pacts-for-verification",
            true);
    beta.put("name", "beta");
    l.put("beta:provider-pacts-for-verification", beta);
    add(l, "pb:environments", b + "/environments", "Environments", false);
    add(l, "pb:environment", b + "/environments/{uuid}", "Environment", true);
    add(l, "pb:webhooks", b + "/webhooks", "Webhooks", false);
    add(l, "pb:webhook", b + "/webhooks/{uuid}", "Webhook", true);
    // bi-directional contract testing: the relation `pact pactflow publish-provider-contract`
    // follows
    add(
        l,
        "pf:publish-provider-contract",
        b + "/provider-contracts/provider/{provider}/publish",
        "Publish a provider contract",
        true);
    add(
        l,
        "pf:provider-contract",
        b + "/provider-contracts/provider/{provider}/version/{version}",
        "The provider contract (OpenAPI document) of a provider version",
        true);
    add(
        l,
        "pb:pacticipants-with-label",
        b + "/pacticipants/label/{label}",
        "List pacticipants by label",
        true);
    add(l, "pb:metrics", b + "/metrics", "Get Pact Broker metrics", false);
    l.put(
        "curies",
        List.of(
            Hal.ordered("name", "pb", "href", b + "/doc/{rel}?context=index", "templated", true),
            Hal.ordered("name", "beta", "href", b + "/doc/{rel}?context=index", "templated", true),
            Hal.ordered("name", "pf", "href", b + "/doc/{rel}?context=index", "templated", true)));
    return Hal.ok(Map.of("_links", l));
  }

  private static void add(
      Map<String, Object> l, String rel, String href, String title, boolean templated) {
    l.put(rel, link(href, title, templated));
  }

  private static Map<String, Object> link(String href, String title, boolean templated) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("href", href);
    m.put("title", title);
    m.put("templated", templated);
    return m;
  }
}
