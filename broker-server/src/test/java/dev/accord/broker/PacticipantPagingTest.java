package dev.accord.broker;

import static dev.accord.broker.RunningBroker.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /pacticipants?q=&pageNumber=&pageSize=} pages and filters in the database, by name, on
 * H2 and PostgreSQL alike.
 */
class PacticipantPagingTest {
  @TempDir Path dir;

  @Test
  void pagesAndFiltersByNameOnH2() {
    try (RunningBroker broker = RunningBroker.onH2(dir)) {
      pagesAndFilters(broker);
    }
  }

  @Test
  void pagesAndFiltersByNameOnPostgresql() {
    try (RunningBroker broker = RunningBroker.onPostgres()) {
      pagesAndFilters(broker);
    }
  }

  private static void pagesAndFilters(RunningBroker broker) {
    // GIVEN five pacticipants, created out of name order
    for (String name : List.of("delta", "gamma_1", "alpha", "gammax1", "beta")) {
      HttpResponse<String> r = broker.post("/pacticipants", "{\"name\":\"" + name + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    // WHEN pages are asked for THEN each holds the next names in name order, the embedded list and
    // the links alike
    assertThat(names(broker, "/pacticipants"))
        .containsExactly("alpha", "beta", "delta", "gamma_1", "gammax1");
    assertThat(names(broker, "/pacticipants?pageSize=2")).containsExactly("alpha", "beta");
    assertThat(names(broker, "/pacticipants?pageSize=2&pageNumber=2"))
        .containsExactly("delta", "gamma_1");
    assertThat(names(broker, "/pacticipants?pageSize=2&pageNumber=3")).containsExactly("gammax1");
    assertThat(names(broker, "/pacticipants?pageSize=2&pageNumber=4")).isEmpty();
    assertThat(names(broker, "/pacticipants?pageSize=1000&pageNumber=2147483647")).isEmpty();
    // WHEN filtered THEN the name contains the query in any case, and _ in the query is a plain
    // character, not a wildcard
    assertThat(names(broker, "/pacticipants?q=GAMMA")).containsExactly("gamma_1", "gammax1");
    assertThat(names(broker, "/pacticipants?q=a_1")).containsExactly("gamma_1");
    assertThat(names(broker, "/pacticipants?q=ta&pageSize=1&pageNumber=2"))
        .containsExactly("delta");
    assertThat(names(broker, "/pacticipants?q=nobody")).isEmpty();
  }

  private static List<String> names(RunningBroker broker, String path) {
    HttpResponse<String> r = broker.get(path);
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    JsonNode body = json(r);
    List<String> embedded = new ArrayList<>();
    body.path("_embedded")
        .path("pacticipants")
        .forEach(p -> embedded.add(p.path("name").asString()));
    List<String> linked = new ArrayList<>();
    body.path("_links").path("pacticipants").forEach(p -> linked.add(p.path("title").asString()));
    assertThat(linked).as("_links.pacticipants of GET %s", path).isEqualTo(embedded);
    return embedded;
  }
}
