package dev.accord.broker.ui.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A deterministic layered layout for the contract network: consumers to the left of their
 * providers. Cycles are broken at DFS back edges, each node's layer is its longest consumer chain,
 * nodes inside a layer are ordered by a few barycenter sweeps (so a consumer sits near its
 * providers), and a layer taller than about 2.2 √n rows wraps into several sub-columns so 500
 * services keep a screen-like aspect ratio. Nodes without any integration get a column of their own
 * at the right. O(nodes + edges) per sweep: a few milliseconds at 500 nodes and 1,500 edges.
 */
public final class GraphLayout {
  /**
   * Horizontal distance between sub-columns and vertical distance between rows, in layout units.
   */
  public static final double COLUMN = 260;

  public static final double ROW = 22;
  private static final int SWEEPS = 6;

  /** Where node {@code i} goes: layer (column group), and coordinates in layout units. */
  public record Position(int layer, double x, double y) {}

  private GraphLayout() {}

  /**
   * @param names node names, used only to break ties deterministically
   * @param edges {@code {consumer, provider}} index pairs
   */
  public static List<Position> layout(List<String> names, int[][] edges) {
    int n = names.size();
    List<List<Integer>> out = adjacency(n);
    List<List<Integer>> in = adjacency(n);
    for (int[] e : edges) {
      if (e[0] != e[1]) {
        out.get(e[0]).add(e[1]);
        in.get(e[1]).add(e[0]);
      }
    }
    boolean[][] back = backEdges(n, out);
    int[] layer = longestPathLayers(n, out, back);
    int isolatedLayer = Arrays.stream(layer).max().orElse(-1) + 1;
    boolean anyIsolated = false;
    for (int v = 0; v < n; v++) {
      if (out.get(v).isEmpty() && in.get(v).isEmpty()) {
        layer[v] = isolatedLayer;
        anyIsolated = true;
      }
    }
    int layers = anyIsolated ? isolatedLayer + 1 : isolatedLayer;
    List<List<Integer>> byLayer = adjacency(Math.max(layers, 0));
    Integer[] order = new Integer[n];
    for (int v = 0; v < n; v++) {
      order[v] = v;
    }
    Arrays.sort(order, Comparator.comparing(names::get));
    for (int v : order) {
      byLayer.get(layer[v]).add(v);
    }
    double[] rank = new double[n];
    normalise(byLayer, rank);
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean down = sweep % 2 == 0;
      for (int k = 0; k < layers; k++) {
        int l = down ? k : layers - 1 - k;
        List<Integer> nodes = byLayer.get(l);
        double[] key = new double[n];
        for (int v : nodes) {
          List<Integer> neighbours = down ? in.get(v) : out.get(v);
          key[v] =
              neighbours.isEmpty()
                  ? rank[v]
                  : neighbours.stream().mapToDouble(w -> rank[w]).average().orElse(rank[v]);
        }
        nodes.sort(Comparator.<Integer>comparingDouble(v -> key[v]).thenComparing(names::get));
        normaliseLayer(nodes, rank);
      }
    }
    int maxRows = Math.max(12, (int) Math.ceil(Math.sqrt(n) * 2.2));
    Position[] positions = new Position[n];
    double x = 0;
    for (int l = 0; l < layers; l++) {
      List<Integer> nodes = byLayer.get(l);
      int columns = Math.max(1, (nodes.size() + maxRows - 1) / maxRows);
      int rows = (nodes.size() + columns - 1) / Math.max(columns, 1);
      for (int i = 0; i < nodes.size(); i++) {
        int column = i / Math.max(rows, 1);
        int row = i % Math.max(rows, 1);
        // centre short layers vertically against the tallest possible column
        double offset = (maxRows - rows) * ROW / 2;
        positions[nodes.get(i)] = new Position(l, x + column * COLUMN * 0.6, offset + row * ROW);
      }
      x += COLUMN + (columns - 1) * COLUMN * 0.6;
    }
    return List.of(positions);
  }

  private static List<List<Integer>> adjacency(int n) {
    List<List<Integer>> lists = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  /** Edges that close a cycle in an iterative DFS; ignoring them leaves a DAG. */
  private static boolean[][] backEdges(int n, List<List<Integer>> out) {
    boolean[][] back = new boolean[n][];
    for (int v = 0; v < n; v++) {
      back[v] = new boolean[out.get(v).size()];
    }
    int[] state = new int[n]; // 0 new, 1 on stack, 2 done
    int[] next = new int[n];
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(root);
      state[root] = 1;
      while (!stack.isEmpty()) {
        int v = stack.peek();
        if (next[v] < out.get(v).size()) {
          int i = next[v]++;
          int w = out.get(v).get(i);
          if (state[w] == 1) {
            back[v][i] = true;
          } else if (state[w] == 0) {
            state[w] = 1;
            stack.push(w);
          }
        } else {
          state[v] = 2;
          stack.pop();
        }
      }
    }
    return back;
  }

  private static int[] longestPathLayers(int n, List<List<Integer>> out, boolean[][] back) {
    int[] indegree = new int[n];
    for (int v = 0; v < n; v++) {
      for (int i = 0; i < out.get(v).size(); i++) {
        if (!back[v][i]) {
          indegree[out.get(v).get(i)]++;
        }
      }
    }
    int[] layer = new int[n];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int v = 0; v < n; v++) {
      if (indegree[v] == 0) {
        ready.add(v);
      }
    }
    while (!ready.isEmpty()) {
      int v = ready.poll();
      for (int i = 0; i < out.get(v).size(); i++) {
        if (back[v][i]) {
          continue;
        }
        int w = out.get(v).get(i);
        layer[w] = Math.max(layer[w], layer[v] + 1);
        if (--indegree[w] == 0) {
          ready.add(w);
        }
      }
    }
    return layer;
  }

  private static void normalise(List<List<Integer>> byLayer, double[] rank) {
    byLayer.forEach(nodes -> normaliseLayer(nodes, rank));
  }

  private static void normaliseLayer(List<Integer> nodes, double[] rank) {
    for (int i = 0; i < nodes.size(); i++) {
      rank[nodes.get(i)] = nodes.size() == 1 ? 0.5 : (double) i / (nodes.size() - 1);
    }
  }
}
