package dev.accord.broker.web;

/**
 * The broker's one background worker: the webhook delivery threads ({@code accord.webhooks.*}).
 * Besides delivering webhooks they run every {@link Work} bean, whose queue lives in the database,
 * so queued work survives a restart and is shared by the instances on one database. Work is polled
 * with the webhooks and woken by {@link #wake()}.
 */
public interface BackgroundQueue {

  /**
   * Work other features keep queued in the database (bi-directional comparisons): done one item at
   * a time.
   */
  interface Work {
    /**
     * Claims and does one queued item; false when nothing was due. Must not throw for a bad item:
     * record it as done.
     */
    boolean runOne();
  }

  /**
   * Runs what is due now rather than at the next poll; call it after the transaction that queued
   * work commits.
   */
  void wake();
}
