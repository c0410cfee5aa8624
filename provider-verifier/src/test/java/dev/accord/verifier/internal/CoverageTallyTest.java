package dev.accord.verifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageTallyTest {

  private static List<String> templates(String... methodAndPaths) {
    List<CoverageTally.Endpoint> endpoints = new ArrayList<>();
    for (String mp : methodAndPaths) {
      String[] parts = mp.split(" ");
      endpoints.add(
          new CoverageTally.Endpoint(
              parts[0], CoverageTally.segments(parts[1], Map.of()), mp, "passed"));
    }
    return CoverageTally.templates(endpoints).stream()
        .map(e -> e.method() + " " + e.path())
        .toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // ids, UUIDs and long hex ids are parameters even alone
        "GET /users/42                                         | GET /users/{param}",
        "GET /orders/3f1c2a4e-0b6d-4c1e-9a57-2f8e4c1d9b70      | GET /orders/{param}",
        "GET /blobs/9f86d081884c7d659a2feaa0c55ad015           | GET /blobs/{param}",
        // a literal alone stays literal; the first segment never becomes a parameter
        "GET /users/me                                         | GET /users/me",
        "GET /users,GET /orders                                | GET /orders;GET /users",
        // literals that vary where the rest is equal become one parameter, per method
        "GET /users/alice,GET /users/bob,DELETE /users/alice   | DELETE /users/alice;GET /users/{param}",
        "GET /users/alice/orders,GET /users/bob/orders,GET /users/7/orders/1 | GET /users/{param}/orders;GET /users/{param}/orders/{param}",
      })
  void paths_become_templates(String paths, String expected) {
    assertThat(templates(paths.trim().split(","))).containsExactly(expected.trim().split(";"));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/users/me/orders | /users/${userId}/orders | /users/{param}/orders",
        "/users/me        | /users/${userId}/extra  | /users/me",
      })
  void a_segment_a_provider_state_fills_is_a_parameter(
      String path, String expression, String expected) {
    String[] segments =
        CoverageTally.segments(
            path.trim(), Map.of("", new Generator.ProviderState(expression.trim(), null)));
    assertThat("/" + String.join("/", segments)).isEqualTo(expected.trim());
  }
}
