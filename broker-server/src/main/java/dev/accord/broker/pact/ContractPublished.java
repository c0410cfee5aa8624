package dev.accord.broker.pact;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.version.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Published synchronously inside the publish transaction for every contract of a publish request
 * (also for an identical republish, {@code created == false}). Listeners that write (the webhook
 * queue) share the transaction, so a rolled-back publish leaves nothing behind. Listeners may add
 * user-facing lines to {@link #notices()}.
 */
public record ContractPublished(
    Pacticipant consumer,
    Pacticipant provider,
    Version consumerVersion,
    PactPublication publication,
    PactContent content,
    boolean created,
    String branch,
    List<String> notices) {
  public ContractPublished(
      Pacticipant consumer,
      Pacticipant provider,
      Version consumerVersion,
      PactPublication publication,
      PactContent content,
      boolean created,
      String branch) {
    this(
        consumer,
        provider,
        consumerVersion,
        publication,
        content,
        created,
        branch,
        new ArrayList<>());
  }
}
