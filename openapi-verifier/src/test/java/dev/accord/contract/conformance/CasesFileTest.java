package dev.accord.contract.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import dev.accord.pact.model.ProviderState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CasesFileTest {
  static final OpenApiDocument DOCUMENT =
      OpenApiDocument.parse(
          """
      openapi: 3.0.3
      info: {title: jobs, version: "1"}
      paths:
        /status/{id}:
          get:
            operationId: getStatus
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses:
              "200": {description: ready}
              "404": {description: unknown}
      """,
          "jobs.yaml");
  static final List<ApiOperation> OPERATIONS = ApiOperation.all(DOCUMENT);

  @Test
  void entriesGiveStatesParamsAndRequestValues() {
    CasesFile file =
        CasesFile.parse(
            """
        cases:
          - operation: getStatus
            status: 200
            state: job 42 is ready
            params: {id: 42}
            path: {id: "${id}"}
            query: {verbose: true, tag: [a, b]}
            headers: {X-Tenant: acme}
          - operation: GET /status/{id}
            status: 404
            states: [no jobs, {name: a tenant exists, params: {tenant: acme}}]
            path: {id: unknown}
            body: {note: "${id}"}
        """,
            "cases.yaml");

    CasesFile.Entry ready = file.find(OPERATIONS.get(0), "200").orElseThrow();
    assertThat(ready.states())
        .containsExactly(ProviderState.of("job 42 is ready", Map.of("id", Json.parse("42"))));
    assertThat(ready.path()).isEqualTo(Map.of("id", "${id}"));
    assertThat(ready.query())
        .isEqualTo(Map.of("verbose", List.of("true"), "tag", List.of("a", "b")));
    assertThat(ready.headers()).isEqualTo(Map.of("X-Tenant", "acme"));
    CasesFile.Entry unknown = file.find(OPERATIONS.get(0), "404").orElseThrow();
    assertThat(unknown.states())
        .containsExactly(
            ProviderState.of("no jobs"),
            ProviderState.of("a tenant exists", Map.of("tenant", Json.parse("\"acme\""))));
    assertThat(unknown.body()).isEqualTo(Json.parse("{\"note\": \"${id}\"}"));
    file.checkAgainst(OPERATIONS, "jobs.yaml");
  }

  @Test
  void jsonIsReadToo() {
    CasesFile file =
        CasesFile.parse(
            "{\"cases\": [{\"operation\": \"getStatus\", \"status\": \"200\"}]}", "c.json");

    assertThat(file.entries()).hasSize(1);
    assertThat(file.entries().get(0).states()).isEmpty();
  }

  @Test
  void mistakesAreRefusedNamingTheFileTheEntryAndTheField() {
    assertThatThrownBy(() -> CasesFile.parse("operation: getStatus", "c.yaml"))
        .hasMessage(
            "The cases file c.yaml has no `cases` list: expected `cases:` followed by entries such as"
                + " `- {operation: getStatus, status: 200, state: job 42 is ready}`");
    assertThatThrownBy(() -> CasesFile.parse("cases: [{operation: getStatus}]", "c.yaml"))
        .hasMessage(
            "The cases file c.yaml, cases[0] has no status; every entry names an operation (operationId or"
                + " \"METHOD /path\") and a status");
    assertThatThrownBy(
            () -> CasesFile.parse("cases: [{operation: getStatus, status: ok}]", "c.yaml"))
        .hasMessage(
            "The cases file c.yaml, cases[0]: status 'ok' is not a response key; expected a status code"
                + " (200), a range (2XX) or default");
    assertThatThrownBy(
            () ->
                CasesFile.parse("cases: [{operation: getStatus, status: 200, stat: x}]", "c.yaml"))
        .hasMessage(
            "The cases file c.yaml, cases[0] has an unknown field 'stat'; the fields are operation, status,"
                + " state (or states), params, path, query, headers and body");
    assertThatThrownBy(
            () ->
                CasesFile.parse(
                    "cases: [{operation: getStatus, status: 200, state: {params: {}}}]", "c.yaml"))
        .hasMessage(
            "The cases file c.yaml, cases[0], field state is an object; expected a state name"
                + " (job 42 is ready), {name: ..., params: {...}}, or a list of them");
    assertThatThrownBy(
            () ->
                CasesFile.parse(
                    "cases: [{operation: getStatus, status: 200, states: [a, b],"
                        + " params: {id: 1}}]",
                    "c.yaml"))
        .hasMessage(
            "The cases file c.yaml, cases[0]: params needs exactly one state"
                + " and an object of values (found 2 states and an object); with several states, give each its params:"
                + " states: [{name: ..., params: {...}}]");
    assertThatThrownBy(() -> CasesFile.parse("cases: [{", "c.yaml"))
        .hasMessageStartingWith("The cases file c.yaml is neither YAML nor JSON: ");
  }

  @Test
  void entriesMustNameOperationsAndResponsesOfTheDocument() {
    CasesFile file =
        CasesFile.parse(
            """
        cases:
          - {operation: getStatsu, status: 200}
          - {operation: getStatus, status: 500}
        """,
            "cases.yaml");

    assertThatThrownBy(() -> file.checkAgainst(OPERATIONS, "jobs.yaml"))
        .hasMessage(
            """
        The cases file cases.yaml does not fit the document (2 problems):
          - cases[0]: operation 'getStatsu' is not in jobs.yaml; did you mean 'getStatus'?
          - cases[1]: getStatus (GET /status/{id}) documents no response 500 (documented: 200, 404)
        Name operations by operationId or as "METHOD /path" exactly as the document writes the path, and statuses\
         as its responses do.""");
  }
}
