package dev.accord.broker.ui.network;

import java.util.List;

/**
 * The contract network: every pacticipant and every integration, with the status of the latest
 * pact's latest verification, and a layout computed by {@link GraphLayout}.
 */
record NetworkGraph(List<Node> nodes, List<Edge> edges) {
  enum Status {
    VERIFIED,
    FAILED,
    UNVERIFIED;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record Node(String name, int layer, double x, double y) {}

  /** {@code source} consumes {@code target}; both are indexes into {@link #nodes()}. */
  record Edge(int source, int target, Status status) {}

  long count(Status status) {
    return edges.stream().filter(e -> e.status() == status).count();
  }
}
