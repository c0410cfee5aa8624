package dev.accord.broker.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DotTest {
  @Test
  void namesAreQuotedAndEdgesColouredByStatus() {
    NetworkGraph graph =
        new NetworkGraph(
            List.of(
                new NetworkGraph.Node("web \"beta\"", 0, 0, 0),
                new NetworkGraph.Node("api\\v2", 1, 0, 0)),
            List.of(new NetworkGraph.Edge(0, 1, NetworkGraph.Status.FAILED)));
    assertThat(Dot.render(graph))
        .isEqualTo(
            """
        digraph pacts {
          rankdir=LR;
          node [shape=box, fontname="sans-serif"];
          "web \\"beta\\"";
          "api\\\\v2";
          "web \\"beta\\"" -> "api\\\\v2" [color="#c62828", tooltip="failed"];
        }
        """);
  }
}
