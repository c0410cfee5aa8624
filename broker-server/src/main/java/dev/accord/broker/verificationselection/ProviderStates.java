package dev.accord.broker.verificationselection;

import dev.accord.broker.deployment.DeploymentService;
import dev.accord.broker.environment.Environment;
import dev.accord.broker.environment.EnvironmentService;
import dev.accord.broker.pact.Integration;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pact.PublicationService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The provider states a provider must support, from the pacts of its consumers' main branches, of a
 * branch, or deployed and released in an environment: de-duplicated by name and parameters, sorted,
 * each with the consumers that use it.
 */
@Service
class ProviderStates {
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final PublicationService publications;
  private final EnvironmentService environments;
  private final DeploymentService deployments;

  ProviderStates(
      PacticipantService pacticipants,
      VersionService versions,
      PublicationService publications,
      EnvironmentService environments,
      DeploymentService deployments) {
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.publications = publications;
    this.environments = environments;
    this.deployments = deployments;
  }

  @Transactional(readOnly = true)
  List<Map<String, Object>> mainBranch(String provider) {
    Pacticipant p = pacticipants.require(provider);
    List<PactPublication> pacts = new ArrayList<>();
    for (Pacticipant consumer : consumers(p)) {
      if (consumer.getMainBranch() != null) {
        versions
            .branchHead(consumer, consumer.getMainBranch())
            .flatMap(v -> publications.forConsumerVersion(v, p))
            .ifPresent(pacts::add);
      }
    }
    return states(pacts);
  }

  @Transactional(readOnly = true)
  List<Map<String, Object>> branch(String provider, String branch) {
    Pacticipant p = pacticipants.require(provider);
    List<PactPublication> pacts = new ArrayList<>();
    for (Pacticipant consumer : consumers(p)) {
      versions
          .branchHead(consumer, branch)
          .flatMap(v -> publications.forConsumerVersion(v, p))
          .ifPresent(pacts::add);
    }
    return states(pacts);
  }

  @Transactional(readOnly = true)
  List<Map<String, Object>> environment(String provider, String environment) {
    Pacticipant p = pacticipants.require(provider);
    Environment e =
        environments
            .byName(environment)
            .or(
                () ->
                    environments.all().stream()
                        .filter(x -> x.getUuid().equals(environment))
                        .findFirst())
            .orElseThrow(
                () -> ApiException.notFound("Environment '" + environment + "' not found"));
    List<PactPublication> pacts = new ArrayList<>();
    for (Pacticipant consumer : consumers(p)) {
      deployments
          .currentlyDeployed(e, consumer)
          .forEach(
              d ->
                  publications
                      .forConsumerVersion(versions.byId(d.getVersionId()), p)
                      .ifPresent(pacts::add));
      deployments
          .currentlySupported(e, consumer)
          .forEach(
              r ->
                  publications
                      .forConsumerVersion(versions.byId(r.getVersionId()), p)
                      .ifPresent(pacts::add));
    }
    return states(pacts);
  }

  private List<Pacticipant> consumers(Pacticipant provider) {
    return publications.integrationsOfProvider(provider).stream()
        .map(Integration::getConsumerId)
        .map(pacticipants::byId)
        .toList();
  }

  private List<Map<String, Object>> states(List<PactPublication> pacts) {
    Map<String, Map<String, Object>> byKey = new TreeMap<>();
    for (PactPublication pub : pacts) {
      String consumer = pacticipants.byId(pub.getConsumerId()).getName();
      JsonNode doc = Json.parse(publications.content(pub).getContent());
      for (String key : List.of("interactions", "messages")) {
        for (JsonNode interaction : doc.path(key)) {
          if (interaction.path("providerState").isString()) {
            add(byKey, interaction.path("providerState").asString(), null, consumer);
          }
          for (JsonNode state : interaction.path("providerStates")) {
            add(byKey, state.path("name").asString(), state.get("params"), consumer);
          }
        }
      }
    }
    return new ArrayList<>(byKey.values());
  }

  @SuppressWarnings("unchecked")
  private static void add(
      Map<String, Map<String, Object>> byKey, String name, JsonNode params, String consumer) {
    String key = name + "\u0000" + (params == null ? "" : Json.write(params));
    Map<String, Object> state =
        byKey.computeIfAbsent(
            key,
            k -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("name", name);
              if (params != null && !params.isNull()) {
                m.put("params", params);
              }
              m.put("consumers", new ArrayList<String>());
              return m;
            });
    List<String> consumers = (List<String>) state.get("consumers");
    if (!consumers.contains(consumer)) {
      consumers.add(consumer);
    }
  }
}
