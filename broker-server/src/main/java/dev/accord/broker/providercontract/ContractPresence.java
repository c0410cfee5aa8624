package dev.accord.broker.providercontract;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether any provider contract exists on this broker. While none does, the matrix asks nothing
 * about them, so a broker without provider contracts answers with the statements it always did.
 * Read once at start, set by a publish on this instance, and re-read by the background worker at
 * each of its polls while false (a first publish on another instance sharing the database is seen
 * after at most {@code accord.webhooks.poll-interval}).
 */
@Component
class ContractPresence {
  private final ProviderContractRows rows;
  private volatile boolean any;

  ContractPresence(ProviderContractRows rows) {
    this.rows = rows;
  }

  boolean any() {
    return any;
  }

  void published() {
    any = true;
  }

  @EventListener(ApplicationReadyEvent.class)
  void refresh() {
    if (!any && rows.anyPublication()) {
      any = true;
    }
  }
}
