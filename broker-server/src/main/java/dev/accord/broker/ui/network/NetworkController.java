package dev.accord.broker.ui.network;

import dev.accord.broker.web.Hal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /ui/network}: the page (drawn by {@code /ui/network.js} on a canvas), its data as JSON,
 * and the same graph as Graphviz DOT (also served for {@code GET /integrations} with {@code Accept:
 * text/vnd.graphviz}).
 */
@Controller
class NetworkController {
  static final MediaType GRAPHVIZ = MediaType.parseMediaType("text/vnd.graphviz;charset=UTF-8");

  private final NetworkService network;

  NetworkController(NetworkService network) {
    this.network = network;
  }

  @GetMapping("/ui/network")
  String page(@RequestParam(name = "focus", required = false) String focus, Model model) {
    model.addAttribute("focus", focus == null ? "" : focus);
    return "network";
  }

  @GetMapping(value = "/ui/network.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> json() {
    NetworkGraph graph = network.graph();
    List<Map<String, Object>> nodes = new ArrayList<>(graph.nodes().size());
    for (NetworkGraph.Node n : graph.nodes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", n.name());
      m.put("layer", n.layer());
      m.put("x", Math.round(n.x() * 10) / 10.0);
      m.put("y", Math.round(n.y() * 10) / 10.0);
      nodes.add(m);
    }
    List<Map<String, Object>> edges = new ArrayList<>(graph.edges().size());
    for (NetworkGraph.Edge e : graph.edges()) {
      edges.add(
          Hal.ordered("source", e.source(), "target", e.target(), "status", e.status().label()));
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("pacticipants", graph.nodes().size());
    counts.put("integrations", graph.edges().size());
    for (NetworkGraph.Status s : NetworkGraph.Status.values()) {
      counts.put(s.label(), graph.count(s));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("nodes", nodes);
    body.put("edges", edges);
    body.put("counts", counts);
    return body;
  }

  @GetMapping("/ui/network.dot")
  ResponseEntity<String> dot() {
    return ResponseEntity.ok().contentType(GRAPHVIZ).body(Dot.render(network.graph()));
  }
}
