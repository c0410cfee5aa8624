package dev.accord.broker.providercontract;

import dev.accord.broker.pact.ContractPublished;
import dev.accord.broker.web.BackgroundQueue;
import dev.accord.broker.web.Hal;
import dev.accord.contract.comparison.ComparisonResult;
import dev.accord.contract.comparison.Incompatibility;
import dev.accord.contract.comparison.PactComparison;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Pact;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Comparisons of consumer pacts with provider contracts. Publishing either side queues the relevant
 * pairs in {@code contract_comparison} inside the publishing transaction; the broker's background
 * worker ({@link BackgroundQueue}, the webhook delivery threads) computes them one at a time. A
 * pair nobody queued, or one still pending when the matrix needs it, is computed synchronously by
 * {@link #ensure}: the matrix never answers "unknown" because a comparison is late. A comparison
 * depends only on the two contents, so computing it twice stores one answer.
 */
@Service
public class ComparisonService implements BackgroundQueue.Work {
  private static final Logger log = LoggerFactory.getLogger(ComparisonService.class);

  /** A claimed comparison not finished after this long (its instance died) is claimed again. */
  private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

  private final ProviderContractRows rows;
  private final BackgroundQueue queue;
  private final TransactionTemplate tx;
  private final String instance;
  private final ContractPresence presence;

  ComparisonService(
      ProviderContractRows rows,
      BackgroundQueue queue,
      PlatformTransactionManager transactions,
      ContractPresence presence) {
    this.presence = presence;
    this.rows = rows;
    this.queue = queue;
    this.tx = new TransactionTemplate(transactions);
    // a comparison is stored in its own transaction, also when the caller (a page, the matrix)
    // reads in a read-only one
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A new pact content for a provider with provider contracts: queue its comparison with each
   * relevant contract.
   */
  @EventListener
  void pactPublished(ContractPublished e) {
    if (!e.created() || !presence.any()) {
      return;
    }
    int queued = 0;
    for (Long contract : rows.relevantContractContents(e.provider().getId())) {
      if (rows.enqueue(e.content().getId(), contract)) {
        queued++;
      }
    }
    if (queued > 0) {
      wakeAfterCommit();
    }
  }

  /**
   * Queues the comparison of a provider contract content with the provider's relevant pacts;
   * returns how many pacts.
   */
  int enqueueForContract(long providerId, long contractContentId) {
    List<Long> pacts = rows.relevantPactContents(providerId);
    boolean queued = false;
    for (Long pact : pacts) {
      queued |= rows.enqueue(pact, contractContentId);
    }
    if (queued) {
      wakeAfterCommit();
    }
    return pacts.size();
  }

  private void wakeAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              queue.wake();
            }
          });
    }
  }

  @Override
  public boolean runOne() {
    presence.refresh();
    if (!presence.any()) {
      return false;
    }
    Optional<Long> claimed =
        tx.execute(status -> rows.claim(instance, Hal.now().minus(CLAIM_TIMEOUT)));
    if (claimed == null || claimed.isEmpty()) {
      return false;
    }
    rows.comparison(claimed.get())
        .ifPresent(c -> computeAndStore(c.pactContentId(), c.contractContentId()));
    return true;
  }

  /**
   * The comparison of a pact content with a contract content: the stored one, or computed now and
   * stored when it is missing or still queued.
   */
  public ComparisonOutcome ensure(long pactContentId, long contractContentId) {
    Optional<ProviderContractRows.Comparison> stored =
        rows.comparison(pactContentId, contractContentId);
    if (stored.isPresent() && stored.get().computed()) {
      return outcome(stored.get());
    }
    return computeAndStore(pactContentId, contractContentId);
  }

  private ComparisonOutcome computeAndStore(long pactContentId, long contractContentId) {
    Computed computed = compute(pactContentId, contractContentId);
    try {
      tx.executeWithoutResult(
          status ->
              rows.store(pactContentId, contractContentId, computed.compatible(), computed.json()));
    } catch (DataIntegrityViolationException e) {
      log.debug(
          "Comparison {}/{} was stored by another instance first",
          pactContentId,
          contractContentId);
    }
    return rows.comparison(pactContentId, contractContentId)
        .filter(ProviderContractRows.Comparison::computed)
        .map(ComparisonService::outcome)
        .orElseGet(() -> outcome(computed.compatible(), computed.json(), Hal.now()));
  }

  private record Computed(boolean compatible, String json) {}

  /**
   * Compares outside any transaction; a pact or document that cannot be read is an incompatibility
   * that says so.
   */
  private Computed compute(long pactContentId, long contractContentId) {
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      ProviderContractRows.Content content =
          rows.content(contractContentId)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "provider contract content " + contractContentId + " is gone"));
      String pactJson =
          rows.pactContent(pactContentId)
              .orElseThrow(
                  () -> new IllegalStateException("pact content " + pactContentId + " is gone"));
      Pact pact = PactReader.read(pactJson, "pact content " + pactContentId);
      OpenApiDocument document =
          OpenApiDocument.parse(
              content.content(), "provider contract " + content.sha().substring(0, 12));
      ComparisonResult r = PactComparison.compare(document, pact);
      result.put("interactionsCompared", r.interactionsCompared());
      result.put("errors", r.errors().stream().map(ComparisonService::finding).toList());
      result.put("warnings", r.warnings().stream().map(ComparisonService::finding).toList());
      result.put("notices", r.notices());
      return new Computed(r.isCompatible(), Json.write(Json.toTree(result)));
    } catch (RuntimeException e) {
      log.warn(
          "Comparison of pact content {} with provider contract content {} failed: {}",
          pactContentId,
          contractContentId,
          e.toString());
      result.put("interactionsCompared", 0);
      result.put(
          "errors",
          List.of(
              Hal.ordered(
                  "code",
                  "comparison.failed",
                  "interaction",
                  "",
                  "pactPath",
                  "$",
                  "documentPointer",
                  "",
                  "message",
                  "the comparison could not run: " + e.getMessage())));
      result.put("warnings", List.of());
      result.put("notices", List.of());
      return new Computed(false, Json.write(Json.toTree(result)));
    }
  }

  private static Map<String, Object> finding(Incompatibility i) {
    return Hal.ordered(
        "code",
        i.code(),
        "interaction",
        i.interaction(),
        "pactPath",
        i.pactPath(),
        "documentPointer",
        i.documentPointer(),
        "message",
        i.message());
  }

  static ComparisonOutcome outcome(ProviderContractRows.Comparison c) {
    return outcome(ProviderContractRows.COMPATIBLE.equals(c.status()), c.result(), c.updatedAt());
  }

  private static ComparisonOutcome outcome(boolean compatible, String json, LocalDateTime at) {
    JsonNode node = Json.parse(json);
    List<String> notices = new ArrayList<>();
    node.path("notices").forEach(n -> notices.add(n.asString()));
    return new ComparisonOutcome(
        compatible,
        node.path("interactionsCompared").asInt(),
        findings(node.path("errors")),
        findings(node.path("warnings")),
        notices,
        at);
  }

  private static List<ComparisonOutcome.Finding> findings(JsonNode list) {
    List<ComparisonOutcome.Finding> out = new ArrayList<>();
    for (JsonNode f : list) {
      out.add(
          new ComparisonOutcome.Finding(
              f.path("code").asString(),
              f.path("interaction").asString(),
              f.path("pactPath").asString(),
              f.path("documentPointer").asString(),
              f.path("message").asString()));
    }
    return out;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "broker";
    }
  }
}
