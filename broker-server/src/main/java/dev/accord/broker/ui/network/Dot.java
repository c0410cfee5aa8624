package dev.accord.broker.ui.network;

/**
 * Renders the network as a Graphviz digraph: one quoted node per pacticipant, one edge per
 * integration.
 */
final class Dot {
  private Dot() {}

  static String render(NetworkGraph graph) {
    StringBuilder s =
        new StringBuilder(
            "digraph pacts {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n");
    for (NetworkGraph.Node n : graph.nodes()) {
      s.append("  ").append(quote(n.name())).append(";\n");
    }
    for (NetworkGraph.Edge e : graph.edges()) {
      s.append("  ")
          .append(quote(graph.nodes().get(e.source()).name()))
          .append(" -> ")
          .append(quote(graph.nodes().get(e.target()).name()))
          .append(" [color=")
          .append(
              switch (e.status()) {
                case VERIFIED -> "\"#2e7d32\"";
                case FAILED -> "\"#c62828\"";
                case UNVERIFIED -> "\"#9e9e9e\"";
              })
          .append(", tooltip=")
          .append(quote(e.status().label()))
          .append("];\n");
    }
    return s.append("}\n").toString();
  }

  /** A DOT double-quoted ID: backslashes and quotes escaped, line breaks removed. */
  static String quote(String id) {
    return '"'
        + id.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ")
        + '"';
  }
}
