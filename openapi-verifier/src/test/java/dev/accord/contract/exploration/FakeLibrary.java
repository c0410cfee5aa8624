package dev.accord.contract.exploration;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A books provider in memory, called through {@link CallExecutor}: no sockets. Switches plant bugs;
 * every call is recorded; the state-change POST empties it.
 */
final class FakeLibrary implements CallExecutor {

  static final String DOCUMENT =
      """
      openapi: 3.0.3
      info: {title: library, version: "1"}
      paths:
        /books:
          get:
            operationId: listBooks
            responses:
              "200":
                description: the books
                content:
                  application/json:
                    schema: {type: array, items: {$ref: "#/components/schemas/Book"}}
          post:
            operationId: createBook
            requestBody:
              required: true
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/NewBook"}
                  example: {title: Dune}
            responses:
              "201":
                description: created
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Book"}
                links:
                  GetBook: {operationId: getBook, parameters: {id: "$response.body#/id"}}
                  DeleteBook: {$ref: "#/components/links/DeleteBook"}
        /books/{id}:
          parameters:
            - {name: id, in: path, required: true, schema: {type: integer}}
          get:
            operationId: getBook
            responses:
              "200":
                description: the book
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Book"}
              "404": {description: no such book}
          delete:
            operationId: deleteBook
            responses:
              "204":
                description: deleted
                links:
                  GetBook: {operationRef: "#/paths/~1books~1{id}/get", parameters: {id: "$request.path.id"}}
              "404": {description: no such book}
      components:
        links:
          DeleteBook: {operationId: deleteBook, parameters: {id: "$response.body#/id"}}
        schemas:
          NewBook:
            type: object
            required: [title]
            properties: {title: {type: string}}
          Book:
            type: object
            required: [id, title]
            properties: {id: {type: integer}, title: {type: string}}
      """;

  private static final Pattern BOOK = Pattern.compile("/books/(\\d+)");

  boolean deletedBooksStillAnswer;
  boolean createAnswers500;
  boolean createdBooksUnreadable;
  boolean titleAsNumber;

  /** Operations (METHOD /path) that time out. */
  String timesOut;

  /** Added to the fake clock per call. */
  long nanosPerCall;

  long nanos;
  final List<String> calls = new ArrayList<>();
  private final Map<Long, String> books = new LinkedHashMap<>();
  private final Map<Long, String> deleted = new LinkedHashMap<>();
  private long nextId = 1;

  @Override
  public ExploredResponse send(ExploredRequest request, Duration timeout)
      throws HttpTimeoutException {
    nanos += nanosPerCall;
    String path = URI.create(request.url()).getPath();
    calls.add(request.method() + " " + path);
    if (path.equals("/state")) {
      books.clear();
      deleted.clear();
      nextId = 1;
      return answer(200, "{}");
    }
    if ((request.method() + " " + path).equals(timesOut)) {
      throw new HttpTimeoutException("request timed out");
    }
    if (path.equals("/books") && request.method().equals("POST")) {
      if (createAnswers500) {
        return answer(500, "{\"error\":\"boom\"}");
      }
      long id = nextId++;
      books.put(id, "Dune");
      return answer(201, "{\"id\":" + id + ",\"title\":\"Dune\"}");
    }
    if (path.equals("/books")) {
      return answer(200, "[]");
    }
    Matcher book = BOOK.matcher(path);
    if (!book.matches()) {
      return answer(404, "");
    }
    long id = Long.parseLong(book.group(1));
    if (request.method().equals("DELETE")) {
      String title = books.remove(id);
      if (title == null) {
        return answer(404, "");
      }
      deleted.put(id, title);
      return new ExploredResponse(204, Map.of(), "", 0);
    }
    String title =
        books.containsKey(id) ? books.get(id) : deletedBooksStillAnswer ? deleted.get(id) : null;
    if (title == null || createdBooksUnreadable) {
      return answer(404, "");
    }
    return answer(
        200, "{\"id\":" + id + ",\"title\":" + (titleAsNumber ? "42" : "\"" + title + "\"") + "}");
  }

  private static ExploredResponse answer(int status, String body) {
    return new ExploredResponse(
        status,
        body.isEmpty() ? Map.of() : Map.of("Content-Type", List.of("application/json")),
        body,
        0);
  }
}
