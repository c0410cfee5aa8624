package dev.accord.broker.webhook;

import dev.accord.broker.pact.ContractPublished;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.providercontract.ProviderContractPublished;
import dev.accord.broker.verification.Verification;
import dev.accord.broker.verification.VerificationPublished;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns publications and verifications into queue rows, inside the transaction that wrote them: a
 * rolled-back publish queues nothing and a committed one loses nothing. The template variables are
 * computed here, while the request (and its base URL) is at hand; delivery only substitutes them.
 * After commit the delivery worker is woken up.
 */
@Component
class WebhookTriggers {
  private final WebhookRepository webhooks;
  private final TriggeredWebhookRepository triggered;
  private final JdbcTemplate jdbc;
  private final Links links;
  private final WebhookDelivery delivery;

  WebhookTriggers(
      WebhookRepository webhooks,
      TriggeredWebhookRepository triggered,
      JdbcTemplate jdbc,
      Links links,
      WebhookDelivery delivery) {
    this.webhooks = webhooks;
    this.triggered = triggered;
    this.jdbc = jdbc;
    this.links = links;
    this.delivery = delivery;
  }

  @EventListener
  void contractPublished(ContractPublished e) {
    Long consumerId = e.consumer().getId();
    Long providerId = e.provider().getId();
    List<Webhook> published = webhooks.firingFor(consumerId, providerId, "contract_published");
    List<Webhook> changed =
        e.created()
            ? webhooks.firingFor(consumerId, providerId, "contract_content_changed")
            : List.of();
    List<Webhook> requiring =
        e.created()
            ? webhooks.firingFor(
                consumerId, providerId, "contract_requiring_verification_published")
            : List.of();
    if (published.isEmpty() && changed.isEmpty() && requiring.isEmpty()) {
      return; // the common case costs three indexed lookups, nothing more
    }
    Map<String, String> base =
        contractVariables(
            e.consumer(),
            e.provider(),
            e.consumerVersion().getId(),
            e.consumerVersion().getNumber(),
            e.consumerVersion().getBuildUrl(),
            e.content().getId(),
            e.content().getSha());
    enqueue(e, published, "contract_published", base);
    if (!changed.isEmpty() && contentChanged(e.publication())) {
      enqueue(e, changed, "contract_content_changed", base);
    }
    if (!requiring.isEmpty()) {
      for (Map<String, String> providerVersion :
          providerVersionsRequiringVerification(providerId, e.content().getId())) {
        Map<String, String> v = new LinkedHashMap<>(base);
        v.putAll(providerVersion);
        enqueue(e, requiring, "contract_requiring_verification_published", v);
      }
    }
  }

  @EventListener
  void verificationPublished(VerificationPublished e) {
    Verification v = e.verification();
    String outcome =
        v.isSuccess() ? "provider_verification_succeeded" : "provider_verification_failed";
    Map<String, List<Webhook>> firing = new LinkedHashMap<>();
    for (String event : List.of("provider_verification_published", outcome)) {
      List<Webhook> hooks = webhooks.firingFor(e.consumer().getId(), e.provider().getId(), event);
      if (!hooks.isEmpty()) {
        firing.put(event, hooks);
      }
    }
    if (firing.isEmpty()) {
      return;
    }
    Map<String, String> vars = new LinkedHashMap<>();
    Map<String, Object> consumerVersion = latestConsumerVersionWithContent(e.content().getId());
    Long consumerVersionId =
        consumerVersion == null ? null : ((Number) consumerVersion.get("id")).longValue();
    vars.putAll(
        contractVariables(
            e.consumer(),
            e.provider(),
            consumerVersionId,
            consumerVersion == null ? "" : (String) consumerVersion.get("number"),
            null,
            e.content().getId(),
            e.content().getSha()));
    vars.put(
        "verificationResultUrl",
        verificationUrl(e.provider(), e.consumer(), e.content().getSha(), v.getId()));
    vars.put("providerVersionNumber", e.providerVersion().getNumber());
    vars.put("providerVersionTags", String.join(", ", tags(e.providerVersion().getId())));
    vars.put("providerVersionBranch", String.join(", ", branches(e.providerVersion().getId())));
    vars.put("buildUrl", v.getBuildUrl() == null ? "" : v.getBuildUrl());
    statuses(vars, v.isSuccess());
    firing.forEach(
        (event, hooks) ->
            hooks.forEach(
                w ->
                    save(
                        w,
                        event,
                        e.consumer().getId(),
                        e.provider().getId(),
                        null,
                        v.getId(),
                        vars)));
  }

  /**
   * {@code provider_contract_published}: a provider version's contract (OpenAPI document) was
   * published or its self-verification changed. Fires for webhooks of the provider (or of any
   * provider); a webhook scoped to a consumer does not fire, as the event concerns no consumer.
   * {@code ${pactbroker.pactUrl}} is the provider contract's URL.
   */
  @EventListener
  void providerContractPublished(ProviderContractPublished e) {
    if (!e.created()) {
      return;
    }
    List<Webhook> hooks =
        webhooks.firingFor(null, e.provider().getId(), "provider_contract_published");
    if (hooks.isEmpty()) {
      return;
    }
    Map<String, String> v = new LinkedHashMap<>();
    WebhookTemplates.NAMES.forEach(n -> v.put(n, ""));
    v.put("pactUrl", e.contractUrl());
    v.put("providerName", e.provider().getName());
    v.put("providerVersionNumber", e.providerVersion().getNumber());
    v.put("providerVersionTags", String.join(", ", tags(e.providerVersion().getId())));
    v.put("providerVersionBranch", String.join(", ", branches(e.providerVersion().getId())));
    v.put("providerLabels", String.join(", ", labels(e.provider().getId())));
    v.put(
        "buildUrl",
        e.providerVersion().getBuildUrl() == null ? "" : e.providerVersion().getBuildUrl());
    statuses(v, e.selfVerificationSuccess());
    for (Webhook w : hooks) {
      TriggeredWebhook t =
          save(w, "provider_contract_published", null, e.provider().getId(), null, null, v);
      e.notices()
          .add(
              "Webhook "
                  + quote(w.getDescription() == null ? w.getUuid() : w.getDescription())
                  + " triggered for event provider_contract_published. See logs at "
                  + links.url("/triggered-webhooks/{}/logs", t.getUuid()));
    }
  }

  private void enqueue(
      ContractPublished e, List<Webhook> firing, String event, Map<String, String> vars) {
    for (Webhook w : firing) {
      TriggeredWebhook t =
          save(
              w,
              event,
              e.consumer().getId(),
              e.provider().getId(),
              e.publication().getId(),
              null,
              vars);
      e.notices()
          .add(
              "Webhook "
                  + quote(w.getDescription() == null ? w.getUuid() : w.getDescription())
                  + " triggered for event "
                  + event
                  + (vars.getOrDefault("providerVersionDescriptions", "").isEmpty()
                      ? ""
                      : " (" + vars.get("providerVersionDescriptions") + ")")
                  + ". See logs at "
                  + links.url("/triggered-webhooks/{}/logs", t.getUuid()));
    }
  }

  private TriggeredWebhook save(
      Webhook w,
      String event,
      Long consumerId,
      Long providerId,
      Long publicationId,
      Long verificationId,
      Map<String, String> vars) {
    Map<String, String> context = new LinkedHashMap<>(vars);
    context.put("eventName", event);
    TriggeredWebhook t =
        triggered.insert(
            new TriggeredWebhook(
                UUID.randomUUID().toString(),
                w,
                event,
                consumerId,
                providerId,
                publicationId,
                verificationId,
                Json.write(Json.toTree(context)),
                Hal.now()));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              delivery.wake();
            }
          });
    }
    return t;
  }

  private List<String> labels(Long pacticipantId) {
    return jdbc.queryForList(
        "SELECT name FROM pacticipant_label WHERE pacticipant_id = ? ORDER BY id",
        String.class,
        pacticipantId);
  }

  /**
   * Variables every contract event has; the provider-version ones are filled by the event that
   * knows them.
   */
  Map<String, String> contractVariables(
      Pacticipant consumer,
      Pacticipant provider,
      Long consumerVersionId,
      String consumerVersionNumber,
      String buildUrl,
      Long contentId,
      String sha) {
    Map<String, String> v = new LinkedHashMap<>();
    WebhookTemplates.NAMES.forEach(n -> v.put(n, ""));
    v.put(
        "pactUrl",
        links.url(
            "/pacts/provider/{}/consumer/{}/pact-version/{}",
            provider.getName(),
            consumer.getName(),
            sha));
    v.put("consumerName", consumer.getName());
    v.put("providerName", provider.getName());
    v.put("consumerVersionNumber", consumerVersionNumber == null ? "" : consumerVersionNumber);
    if (consumerVersionId != null) {
      v.put("consumerVersionTags", String.join(", ", tags(consumerVersionId)));
      v.put("consumerVersionBranch", String.join(", ", branches(consumerVersionId)));
    }
    v.put("buildUrl", buildUrl == null ? "" : buildUrl);
    v.put("consumerLabels", String.join(", ", labels(consumer.getId())));
    v.put("providerLabels", String.join(", ", labels(provider.getId())));
    v.put(
        "currentlyDeployedProviderVersionNumber",
        String.join(
            ", ",
            jdbc.queryForList(
                "SELECT DISTINCT v.number FROM deployed_version d JOIN version v ON v.id = d.version_id WHERE d.pacticipant_id = ? AND "
                    + "d.undeployed_at IS NULL",
                String.class,
                provider.getId())));
    List<Map<String, Object>> latest =
        jdbc.queryForList(
            "SELECT id, success FROM verification WHERE pact_content_id = ? ORDER BY id DESC LIMIT 1",
            contentId);
    if (latest.isEmpty()) {
      v.put("githubVerificationStatus", "pending");
      v.put("bitbucketVerificationStatus", "INPROGRESS");
      v.put("gitlabVerificationStatus", "pending");
      v.put("azureDevOpsVerificationStatus", "pending");
    } else {
      statuses(v, (Boolean) latest.get(0).get("success"));
      v.put(
          "verificationResultUrl",
          verificationUrl(provider, consumer, sha, ((Number) latest.get(0).get("id")).longValue()));
    }
    return v;
  }

  /**
   * Example variables for a test execution: from the latest pact the webhook would fire for, or
   * placeholders naming what would be there when no such pact exists yet.
   */
  Map<String, String> sampleVariables(
      Long consumerId, Long providerId, String event, PacticipantLookup pacticipants) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT p.consumer_id, p.provider_id, p.consumer_version_id, v.number, v.build_url, "
                + "p.pact_content_id, c.sha "
                + "FROM pact_publication p JOIN version v ON v.id = p.consumer_version_id JOIN pact_content c ON c.id = p.pact_content_id WHERE 1 "
                + "= 1");
    List<Object> args = new ArrayList<>();
    if (consumerId != null) {
      sql.append(" AND p.consumer_id = ?");
      args.add(consumerId);
    }
    if (providerId != null) {
      sql.append(" AND p.provider_id = ?");
      args.add(providerId);
    }
    sql.append(" ORDER BY p.id DESC LIMIT 1");
    List<Map<String, Object>> rows = jdbc.queryForList(sql.toString(), args.toArray());
    Map<String, String> v;
    if (rows.isEmpty()) {
      v = new LinkedHashMap<>();
      WebhookTemplates.NAMES.forEach(n -> v.put(n, ""));
      v.put("consumerName", consumerId == null ? "(consumer)" : pacticipants.name(consumerId));
      v.put("providerName", providerId == null ? "(provider)" : pacticipants.name(providerId));
    } else {
      Map<String, Object> r = rows.get(0);
      v =
          contractVariables(
              pacticipants.get(((Number) r.get("consumer_id")).longValue()),
              pacticipants.get(((Number) r.get("provider_id")).longValue()),
              ((Number) r.get("consumer_version_id")).longValue(),
              (String) r.get("number"),
              (String) r.get("build_url"),
              ((Number) r.get("pact_content_id")).longValue(),
              (String) r.get("sha"));
    }
    v.put("eventName", event);
    return v;
  }

  /** Pacticipants by id, for {@link #sampleVariables}. */
  interface PacticipantLookup {
    Pacticipant get(Long id);

    default String name(Long id) {
      return get(id).getName();
    }
  }

  private static void statuses(Map<String, String> v, boolean success) {
    v.put("githubVerificationStatus", success ? "success" : "failure");
    v.put("bitbucketVerificationStatus", success ? "SUCCESSFUL" : "FAILED");
    v.put("gitlabVerificationStatus", success ? "success" : "failed");
    v.put("azureDevOpsVerificationStatus", success ? "succeeded" : "failed");
  }

  private String verificationUrl(Pacticipant provider, Pacticipant consumer, String sha, Long id) {
    return links.url(
        "/pacts/provider/{}/consumer/{}/pact-version/{}/verification-results/{}",
        provider.getName(),
        consumer.getName(),
        sha,
        id);
  }

  /** New pact for the pair, or content different from the pair's previous publication. */
  private boolean contentChanged(PactPublication p) {
    List<Long> previous =
        jdbc.queryForList(
            "SELECT pact_content_id FROM pact_publication WHERE provider_id = ? AND consumer_id = ? AND "
                + "id < ? "
                + "ORDER BY id DESC LIMIT 1",
            Long.class,
            p.getProviderId(),
            p.getConsumerId(),
            p.getId());
    return previous.isEmpty() || !previous.get(0).equals(p.getPactContentId());
  }

  /**
   * The provider versions that should verify this content and have not: the head of the provider's
   * main branch, every currently deployed and every currently released-and-supported version. One
   * entry per provider version.
   */
  private List<Map<String, String>> providerVersionsRequiringVerification(
      Long providerId, Long contentId) {
    Map<Long, List<String>> descriptions = new LinkedHashMap<>();
    Map<Long, String> numbers = new LinkedHashMap<>();
    jdbc.query(
        "SELECT v.id, v.number, b.name FROM pacticipant p JOIN branch b ON b.pacticipant_id = p.id AND b.name = p.main_branch "
            + "JOIN version v ON v.id = b.head_version_id WHERE p.id = ?",
        rs -> {
          describe(
              descriptions, numbers, rs.getLong(1), rs.getString(2), "latest from main branch");
        },
        providerId);
    jdbc.query(
        "SELECT v.id, v.number, e.name FROM deployed_version d JOIN version v ON v.id = d.version_id JOIN environment e ON e.id = "
            + "d.environment_id "
            + "WHERE d.pacticipant_id = ? AND d.undeployed_at IS NULL ORDER BY d.id",
        rs -> {
          describe(
              descriptions,
              numbers,
              rs.getLong(1),
              rs.getString(2),
              "deployed in " + rs.getString(3));
        },
        providerId);
    jdbc.query(
        "SELECT v.id, v.number, e.name FROM released_version r JOIN version v ON v.id = r.version_id JOIN environment e ON e.id = "
            + "r.environment_id "
            + "WHERE r.pacticipant_id = ? AND r.support_ended_at IS NULL ORDER BY r.id",
        rs -> {
          describe(
              descriptions,
              numbers,
              rs.getLong(1),
              rs.getString(2),
              "released in " + rs.getString(3));
        },
        providerId);
    List<Map<String, String>> result = new ArrayList<>();
    for (Map.Entry<Long, List<String>> e : descriptions.entrySet()) {
      Integer verified =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM verification WHERE pact_content_id = ? AND provider_version_id = ?",
              Integer.class,
              contentId,
              e.getKey());
      if (verified != null && verified > 0) {
        continue;
      }
      Map<String, String> v = new LinkedHashMap<>();
      v.put("providerVersionNumber", numbers.get(e.getKey()));
      v.put("providerVersionBranch", String.join(", ", branches(e.getKey())));
      v.put("providerVersionTags", String.join(", ", tags(e.getKey())));
      v.put("providerVersionDescriptions", String.join(", ", e.getValue()));
      result.add(v);
    }
    return result;
  }

  private static void describe(
      Map<Long, List<String>> descriptions,
      Map<Long, String> numbers,
      long id,
      String number,
      String description) {
    descriptions.computeIfAbsent(id, k -> new ArrayList<>()).add(description);
    numbers.put(id, number);
  }

  private Map<String, Object> latestConsumerVersionWithContent(Long contentId) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT v.id, v.number FROM pact_publication p JOIN version v ON v.id = p.consumer_version_id "
                + "WHERE p.pact_content_id = ? ORDER BY p.consumer_version_id DESC LIMIT 1",
            contentId);
    if (rows.isEmpty()) {
      return null;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    rows.get(0).forEach((k, val) -> row.put(k.toLowerCase(java.util.Locale.ROOT), val));
    return row;
  }

  private List<String> tags(Long versionId) {
    return jdbc.queryForList(
        "SELECT name FROM tag WHERE version_id = ? ORDER BY id", String.class, versionId);
  }

  private List<String> branches(Long versionId) {
    return jdbc.queryForList(
        "SELECT b.name FROM branch_version bv JOIN branch b ON b.id = bv.branch_id WHERE bv.version_id = ? ORDER BY "
            + "bv.id",
        String.class,
        versionId);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
