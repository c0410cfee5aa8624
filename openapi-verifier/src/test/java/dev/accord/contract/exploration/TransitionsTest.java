package dev.accord.contract.exploration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.contract.openapi.OpenApiDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionsTest {

  private static List<String> described(List<Transition> transitions) {
    return transitions.stream().map(Transition::describe).toList();
  }

  @Test
  void linksByOperationIdOperationRefAndComponentRefBecomeTransitions() {
    // GIVEN a document whose links name operations by operationId, by operationRef and through
    // components/links
    OpenApiDocument document = OpenApiDocument.parse(FakeLibrary.DOCUMENT, "library.yaml");

    // WHEN its links are read
    List<Transition> links = Transitions.links(document);

    // THEN each is a transition with the linked operation's parameters as runtime expressions
    assertThat(described(links))
        .containsExactly(
            "createBook 201 → getBook (link GetBook: path.id = $response.body#/id)",
            "createBook 201 → deleteBook (link DeleteBook: path.id = $response.body#/id)",
            "deleteBook 204 → getBook (link GetBook: path.id = $request.path.id)");
    assertThat(Transitions.of(document)).isEqualTo(links);
  }

  @Test
  void aLinkToAnUnknownOperationIsRefusedNamingTheLinkAndTheKnownOperations() {
    OpenApiDocument document =
        OpenApiDocument.parse(
            FakeLibrary.DOCUMENT.replace(
                "GetBook: {operationId: getBook, parameters",
                "GetBook: {operationId: getBok, parameters"),
            "library.yaml");

    assertThatThrownBy(() -> Transitions.links(document))
        .isInstanceOf(ExplorationException.class)
        .hasMessage(
            "The link GetBook of createBook 201 (#/paths/~1books/post/responses/201/links/GetBook) leads to "
                + "operation 'getBok', which the document does not have; known: listBooks, createBook, getBook, "
                + "deleteBook");
  }

  @Test
  void aLinkSettingAParameterTheOperationDoesNotTakeIsRefused() {
    OpenApiDocument document =
        OpenApiDocument.parse(
            FakeLibrary.DOCUMENT.replace(
                "GetBook: {operationId: getBook, parameters: {id:",
                "GetBook: {operationId: getBook, parameters: {bookId:"),
            "library.yaml");

    assertThatThrownBy(() -> Transitions.links(document))
        .isInstanceOf(ExplorationException.class)
        .hasMessage(
            "The link GetBook of createBook 201 (#/paths/~1books/post/responses/201/links/GetBook) sets "
                + "parameter 'bookId', which getBook does not take; it takes: path.id");
  }

  private static final String NO_LINKS =
      """
      openapi: 3.0.3
      info: {title: orders, version: "1"}
      paths:
        /orders:
          post:
            operationId: placeOrder
            responses:
              "201":
                description: placed
                content:
                  application/json:
                    schema:
                      type: object
                      properties: {id: {type: string}, customerId: {type: string}}
          get:
            operationId: listOrders
            responses:
              "200":
                description: orders
                content:
                  application/json:
                    schema:
                      type: array
                      items: {$ref: "#/components/schemas/Order"}
        /orders/{id}:
          get:
            operationId: getOrder
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {"200": {description: the order}}
        /orders/{orderId}/items:
          get:
            operationId: orderItems
            parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
            responses: {"200": {description: items}}
        /customers/{customerId}:
          get:
            operationId: getCustomer
            parameters: [{name: customerId, in: path, required: true, schema: {type: string}}]
            responses: {"200": {description: a customer}}
        /invoices:
          get:
            operationId: invoices
            parameters: [{name: orderId, in: query, schema: {type: string}}]
            responses: {"200": {description: invoices}}
        /books/{id}:
          get:
            operationId: getBook
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {"200": {description: a book}}
      components:
        schemas:
          Order:
            allOf:
              - type: object
                properties: {id: {type: string}}
      """;

  @Test
  void withoutLinksResponseFieldsFeedParametersOfTheSameNameOrOfTheCollection() {
    // GIVEN a document without links
    OpenApiDocument document = OpenApiDocument.parse(NO_LINKS, "orders.yaml");

    // WHEN transitions are asked for
    List<Transition> transitions = Transitions.of(document);

    // THEN id feeds {id} under /orders and {orderId}, customerId feeds {customerId}; a list's first
    // item's id too;
    // /books/{id} is another collection: not fed by an order's id
    assertThat(described(transitions))
        .containsExactly(
            "listOrders 200 → getOrder (inferred: path.id = $response.body#/0/id)",
            "listOrders 200 → orderItems (inferred: path.orderId = $response.body#/0/id)",
            "listOrders 200 → invoices (inferred: query.orderId = $response.body#/0/id)",
            "placeOrder 201 → getOrder (inferred: path.id = $response.body#/id)",
            "placeOrder 201 → orderItems (inferred: path.orderId = $response.body#/id)",
            "placeOrder 201 → getCustomer (inferred: path.customerId = $response.body#/customerId)",
            "placeOrder 201 → invoices (inferred: query.orderId = $response.body#/id)");
  }

  @Test
  void aTransitionsFileNamesOperationsByIdOrMethodAndPath() {
    OpenApiDocument document = OpenApiDocument.parse(NO_LINKS, "orders.yaml");

    List<Transition> transitions =
        Transitions.parse(
            document,
            """
        transitions:
          - from: placeOrder
            status: 201
            to: GET /books/{id}
            parameters: {id: "book-{$response.body#/customerId}"}
          - from: GET /orders/{id}
            to: orderItems
            parameters: {orderId: $request.path.id}
        """,
            "transitions.yaml");

    assertThat(described(transitions))
        .containsExactly(
            "placeOrder 201 → getBook (transitions file: path.id = book-{$response.body#/customerId})",
            "getOrder → orderItems (transitions file: path.orderId = $request.path.id)");
  }

  @Test
  void aTransitionsFileWithAnUnknownOperationOrABadExpressionIsRefusedWithWhereAndWhy() {
    OpenApiDocument document = OpenApiDocument.parse(NO_LINKS, "orders.yaml");

    assertThatThrownBy(
            () ->
                Transitions.parse(
                    document, "transitions: [{from: placeOrder, to: getOrdr}]", "t.yaml"))
        .isInstanceOf(ExplorationException.class)
        .hasMessage(
            "The transitions[0] of t.yaml: to: 'getOrdr' is not an operation of the document; known: "
                + "listOrders, placeOrder, getOrder, orderItems, getCustomer, invoices, getBook");
    assertThatThrownBy(
            () ->
                Transitions.parse(
                    document,
                    "transitions: [{from: placeOrder, to: getOrder, parameters: {id: $response.bdy}}]",
                    "t.yaml"))
        .isInstanceOf(ExplorationException.class)
        .hasMessage(
            "The transitions[0] of t.yaml has a bad runtime expression: '$response.bdy' is not a runtime "
                + "expression: expected $response.body#/pointer, $response.header.NAME, $request.path.NAME, "
                + "$request.query.NAME, $request.header.NAME, $request.body#/pointer, $statusCode, $method or $url");
    assertThatThrownBy(() -> Transitions.parse(document, "steps: []", "t.yaml"))
        .isInstanceOf(ExplorationException.class)
        .hasMessage(
            "The transitions file t.yaml has no 'transitions' list; expected transitions: [{from: createBook, "
                + "status: 201, to: getBook, parameters: {id: $response.body#/id}}]");
  }
}
