package dev.accord.broker.client;

import java.util.List;

/**
 * One pact the broker asks a provider to verify, from {@code pacts-for-verification}.
 *
 * @param url the pact's URL (fetch it with {@link PactBrokerClient#fetchPact(String)})
 * @param name the link's name, e.g. {@code Pact between web (1.0.0) and products}
 * @param shortDescription why it was selected, e.g. {@code latest from main branch, deployed to
 *     production}
 * @param pending true when a failure must not fail the build (the provider never verified this
 *     content on its branch)
 * @param wip true for a work-in-progress pact (pending as well)
 * @param notices what to print before and after verifying it
 */
public record PactForVerification(
    String url,
    String name,
    String shortDescription,
    boolean pending,
    boolean wip,
    List<VerificationNotice> notices) {

  public PactForVerification {
    notices = List.copyOf(notices);
  }

  /** The notices to print before verifying this pact. */
  public List<VerificationNotice> noticesBeforeVerification() {
    return notices.stream().filter(VerificationNotice::isBeforeVerification).toList();
  }

  /** The notices to print after verifying this pact with the given outcome. */
  public List<VerificationNotice> noticesAfterVerification(boolean success, boolean published) {
    return notices.stream().filter(n -> n.isAfterVerification(success, published)).toList();
  }
}
