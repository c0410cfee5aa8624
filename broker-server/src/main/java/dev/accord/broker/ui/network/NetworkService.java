package dev.accord.broker.ui.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the network in two statements (pacticipants, then integrations with their status) and lays
 * it out.
 */
@Service
class NetworkService {
  // The latest pact of an integration is its publication with the highest consumer version id
  // (ix_publication_provider_consumer); its status is the success flag of the latest verification
  // of that content
  // (ix_verification_content_provider_version). Both run as index lookups per integration: ~1,500
  // at 500 services.
  private static final String INTEGRATIONS =
      """
      SELECT i.consumer_id, i.provider_id,
        (SELECT v.success FROM verification v
          WHERE v.pact_content_id = (SELECT pp.pact_content_id FROM pact_publication pp
                                      WHERE pp.provider_id = i.provider_id AND pp.consumer_id = i.consumer_id
                                      ORDER BY pp.consumer_version_id DESC LIMIT 1)
          ORDER BY v.id DESC LIMIT 1) AS success
      FROM integration i
      ORDER BY i.consumer_id, i.provider_id""";

  private final JdbcTemplate jdbc;

  NetworkService(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Transactional(readOnly = true)
  NetworkGraph graph() {
    List<String> names = new ArrayList<>();
    Map<Long, Integer> index = new HashMap<>();
    jdbc.query(
        "SELECT id, name FROM pacticipant ORDER BY name",
        rs -> {
          index.put(rs.getLong(1), names.size());
          names.add(rs.getString(2));
        });
    List<int[]> pairs = new ArrayList<>();
    List<NetworkGraph.Status> statuses = new ArrayList<>();
    jdbc.query(
        INTEGRATIONS,
        rs -> {
          Integer consumer = index.get(rs.getLong(1));
          Integer provider = index.get(rs.getLong(2));
          if (consumer == null || provider == null) {
            return; // a pacticipant created after the first statement read the list
          }
          boolean success = rs.getBoolean(3);
          pairs.add(new int[] {consumer, provider});
          statuses.add(
              rs.wasNull()
                  ? NetworkGraph.Status.UNVERIFIED
                  : success ? NetworkGraph.Status.VERIFIED : NetworkGraph.Status.FAILED);
        });
    List<GraphLayout.Position> positions = GraphLayout.layout(names, pairs.toArray(int[][]::new));
    List<NetworkGraph.Node> nodes = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      GraphLayout.Position p = positions.get(i);
      nodes.add(new NetworkGraph.Node(names.get(i), p.layer(), p.x(), p.y()));
    }
    List<NetworkGraph.Edge> edges = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      edges.add(new NetworkGraph.Edge(pairs.get(i)[0], pairs.get(i)[1], statuses.get(i)));
    }
    return new NetworkGraph(nodes, edges);
  }
}
