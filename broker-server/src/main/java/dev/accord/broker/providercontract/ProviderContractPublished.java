package dev.accord.broker.providercontract;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.version.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Published synchronously inside the transaction of {@code POST
 * /provider-contracts/provider/{provider}/publish} (also for an identical republish, {@code created
 * == false}). Listeners that write (the webhook queue) share the transaction; they may add
 * user-facing lines to {@link #notices()}.
 *
 * @param contractUrl the provider contract resource of this version
 */
public record ProviderContractPublished(
    Pacticipant provider,
    Version providerVersion,
    String contentSha,
    String contractUrl,
    boolean selfVerificationSuccess,
    boolean created,
    String branch,
    List<String> notices) {
  ProviderContractPublished(
      Pacticipant provider,
      Version providerVersion,
      String contentSha,
      String contractUrl,
      boolean selfVerificationSuccess,
      boolean created,
      String branch) {
    this(
        provider,
        providerVersion,
        contentSha,
        contractUrl,
        selfVerificationSuccess,
        created,
        branch,
        new ArrayList<>());
  }
}
