package dev.accord.broker.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
  @Test
  void aConsumerIsDrawnLeftOfItsProviderAlongAChain() {
    // GIVEN web -> orders -> products, and web -> products
    List<String> names = List.of("orders", "products", "web");
    int[][] edges = {{2, 0}, {0, 1}, {2, 1}};
    // WHEN
    List<GraphLayout.Position> p = GraphLayout.layout(names, edges);
    // THEN the longest chain decides the column: web 0, orders 1, products 2
    assertThat(p.get(2).layer()).isEqualTo(0);
    assertThat(p.get(0).layer()).isEqualTo(1);
    assertThat(p.get(1).layer()).isEqualTo(2);
    assertThat(p.get(2).x()).isLessThan(p.get(0).x());
    assertThat(p.get(0).x()).isLessThan(p.get(1).x());
  }

  @Test
  void aCycleIsBrokenAndEveryNodeStillGetsAPosition() {
    List<String> names = List.of("a", "b", "c");
    int[][] edges = {{0, 1}, {1, 2}, {2, 0}};
    List<GraphLayout.Position> p = GraphLayout.layout(names, edges);
    assertThat(p).hasSize(3).doesNotContainNull();
    assertThat(p.stream().map(GraphLayout.Position::layer).distinct()).hasSize(3);
  }

  @Test
  void servicesWithoutIntegrationsGetTheirOwnColumnAtTheRight() {
    List<String> names = List.of("consumer", "lonely", "provider");
    List<GraphLayout.Position> p = GraphLayout.layout(names, new int[][] {{0, 2}});
    assertThat(p.get(1).layer()).isEqualTo(2);
    assertThat(p.get(1).x()).isGreaterThan(p.get(2).x());
  }

  @Test
  void fiveHundredServicesGetDistinctPositionsTheSameWayEveryTimeAndTallLayersWrap() {
    // GIVEN 500 services and 1,500 random integrations (fixed seed)
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      names.add(String.format("svc-%03d", i));
    }
    Random random = new Random(7);
    int[][] edges = new int[1500][];
    for (int i = 0; i < edges.length; i++) {
      int a = random.nextInt(500);
      int b = random.nextInt(500);
      edges[i] =
          new int[] {
            Math.min(a, b), Math.max(a, b) == Math.min(a, b) ? (a + 1) % 500 : Math.max(a, b)
          };
    }
    // WHEN
    List<GraphLayout.Position> first = GraphLayout.layout(names, edges);
    List<GraphLayout.Position> second = GraphLayout.layout(names, edges);
    // THEN
    assertThat(first).isEqualTo(second);
    Set<String> spots = new HashSet<>();
    first.forEach(p -> spots.add(p.x() + "," + p.y()));
    assertThat(spots).hasSize(500);
    double height = first.stream().mapToDouble(GraphLayout.Position::y).max().orElseThrow();
    double width = first.stream().mapToDouble(GraphLayout.Position::x).max().orElseThrow();
    assertThat(height)
        .as("no column taller than ceil(sqrt(500) * 2.2) rows")
        .isLessThanOrEqualTo(50 * GraphLayout.ROW);
    assertThat(width / height).as("aspect ratio stays screen-like").isBetween(0.3, 8.0);
  }

  @Test
  void anEmptyBrokerHasAnEmptyLayout() {
    assertThat(GraphLayout.layout(List.of(), new int[0][])).isEmpty();
  }
}
