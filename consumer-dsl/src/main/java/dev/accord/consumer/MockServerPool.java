package dev.accord.consumer;

import dev.accord.consumer.internal.MockHttpServer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Mock servers kept between contracts that run one after another, so that a test run of many
 * contract classes starts a few servers instead of one per class: a {@link Contract} built with
 * {@link Contract.Builder#mockServerPool(MockServerPool)} takes an idle server from the pool (or
 * starts one) and gives it back, reset, when it is closed. Contracts running at the same time never
 * share a server: each holds its own until it closes. The JUnit extension
 * ({@code @ConsumerContract}) keeps one pool for the whole test run and closes it when the run
 * ends.
 *
 * <p>A server given back is reset before the next contract can take it: its interactions and what
 * it received are forgotten, so nothing of one contract reaches the next. Its port stays the same;
 * a request the consumer of an earlier contract sends after that contract closed reaches the next
 * one's mock, where no interaction declared it and the test fails naming it as unexpected. Close
 * the pool when the run ends: it stops the servers it keeps.
 */
public final class MockServerPool implements AutoCloseable {

  /**
   * More idle servers than this are stopped: as many as the contracts that ran at the same time, up
   * to this.
   */
  private static final int MAX_IDLE = 8;

  private final Deque<MockHttpServer> idle = new ArrayDeque<>();
  private boolean closed;

  /** An empty pool: the first contract starts its server, the next ones reuse it. */
  public MockServerPool() {}

  /** An idle server, or null when none is idle (the caller starts one). */
  synchronized MockHttpServer take() {
    return closed ? null : idle.pollFirst();
  }

  /**
   * Takes back a server whose contract has ended: reset, and kept for the next contract, or
   * stopped.
   */
  void give(MockHttpServer server) {
    boolean kept = false;
    try {
      server.reset();
      synchronized (this) {
        if (!closed && idle.size() < MAX_IDLE) {
          idle.addFirst(server);
          kept = true;
        }
      }
    } finally {
      if (!kept) {
        server.close();
      }
    }
  }

  /** Stops every idle server; servers given back afterwards are stopped at once. */
  @Override
  public void close() {
    List<MockHttpServer> stopping;
    synchronized (this) {
      closed = true;
      stopping = new ArrayList<>(idle);
      idle.clear();
    }
    RuntimeException failure = null;
    for (MockHttpServer server : stopping) {
      try {
        server.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
