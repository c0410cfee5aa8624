package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * Each malformed pact raises one PactFormatException naming the source, the JSON path, the problem
 * and the fix.
 */
class BadInputTest {

  private static final String HEAD =
      "{\"consumer\": {\"name\": \"orders\"}, \"provider\": {\"name\": \"products\"}, ";
  private static final String V3 =
      ", \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}";
  private static final String V4 =
      ", \"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}";

  private static PactFormatException readFails(String json) {
    PactFormatException e =
        catchThrowableOfType(
            PactFormatException.class, () -> PactReader.read(json, "orders-products.json"));
    assertThat(e).as("a PactFormatException").isNotNull();
    assertThat(e.source()).isEqualTo("orders-products.json");
    return e;
  }

  private static String v3Response(String response) {
    return HEAD
        + "\"interactions\": [{\"description\": \"get\", \"request\": {\"method\": \"GET\", \"path\": \"/\"}, "
        + "\"response\": "
        + response
        + "}]"
        + V3;
  }

  @Test
  void brokenJsonNamesLineAndColumn() {
    PactFormatException e =
        readFails("{\n  \"consumer\": {\"name\": \"orders\"},\n  \"provider\": {\"name\": }\n}");
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json: broken JSON at line 3, column 24: Unexpected character ('}' (code 125)): \
        expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
          Valid form: a JSON document such as {"consumer": {"name": "orders"}, "provider": {"name": "products"}, \
        "interactions": [...], "metadata": {"pactSpecification": {"version": "4.0"}}}""");
  }

  @Test
  void everyProblemOfTheFileIsReportedNotOnlyTheFirst() {
    // GIVEN a pact with no provider name, a bad status in one interaction and a request and
    // response both bad in another
    String json =
        "{\"consumer\": {\"name\": \"orders\"}, \"provider\": {}, \"interactions\": ["
            + "{\"description\": \"ok\", \"request\": {\"method\": \"GET\", \"path\": \"/\"}, \"response\": {\"status\": 200}},"
            + "{\"description\": \"bad status\", \"request\": {\"method\": \"GET\", \"path\": \"/\"}, \"response\": {\"status\": 999}},"
            + "{\"description\": \"bad both\", \"request\": {\"method\": 1}, \"response\": \"200\"}]"
            + V3;

    // WHEN it is read
    PactFormatException e = readFails(json);

    // THEN one exception lists the four problems, each with its path and valid form
    assertThat(e.problems())
        .extracting(PactFormatException::jsonPath)
        .containsExactly(
            "$.provider.name",
            "$.interactions[1].response.status",
            "$.interactions[2].request.method",
            "$.interactions[2].response");
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json: 4 problems
          at $.provider.name: the provider name is missing
            Valid form: "provider": {"name": "products-service"}
          at $.interactions[1].response.status: the status 999 is not an HTTP status code
            Valid form: "status": 200 (an integer from 100 to 599)
          at $.interactions[2].request.method: expected a string but found a number (1)
            Valid form: "method": "GET"
          at $.interactions[2].response: expected a JSON object but found a string ("200")
            Valid form: "response": {"status": 200}""");
  }

  @Test
  void emptyDocument() {
    assertThat(readFails("  ").getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json: the document is empty
          Valid form: {"consumer": {"name": "orders"}, "provider": {"name": "products"}, "interactions": [...], \
        "metadata": {"pactSpecification": {"version": "4.0"}}}""");
  }

  @Test
  void unknownSpecificationVersion() {
    PactFormatException e =
        readFails(
            HEAD
                + "\"interactions\": [], \"metadata\": {\"pactSpecification\": {\"version\": \"5.0\"}}}");
    assertThat(e.jsonPath()).isEqualTo("$.metadata.pactSpecification");
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.metadata.pactSpecification: unknown Pact specification version '5.0'
          Valid form: "metadata": {"pactSpecification": {"version": "4.0"}} \
        (versions: "1.0.0", "1.1.0", "2.0.0", "3.0.0", "4.0")""");
  }

  @Test
  void regexThatNoDialectReadsIsAWarningNotAnError() {
    String json =
        HEAD
            + "\"interactions\": [{}, {}, {}, {\"description\": \"get\", \"request\": {\"method\": \"GET\", "
            + "\"path\": \"/\"}, \"response\": {\"status\": 200, \"body\": {\"id\": 1}, \"matchingRules\": {\"body\": "
            + "{\"$.id\": {\"matchers\": [{\"match\": \"regex\", \"regex\": \"[0-9\"}]}}}}}]"
            + V3;
    json =
        json.replace(
            "[{}, {}, {}, ",
            "[" + interaction("a") + ", " + interaction("b") + ", " + interaction("c") + ", ");
    PactReader.Result read = PactReader.readWithWarnings(json, "orders-products.json");
    assertThat(read.pact().interactions()).hasSize(4);
    assertThat(read.warnings())
        .singleElement()
        .hasToString(
            "Pact orders-products.json at "
                + "$.interactions[3].response.matchingRules.body['$.id'].matchers[0].regex: the regular expression \"[0-9\" "
                + "cannot be read (Unclosed character class); the interactions that use it fail, the rest of the pact is verified");
  }

  private static String interaction(String description) {
    return "{\"description\": \""
        + description
        + "\", \"request\": {\"method\": \"GET\", \"path\": \"/\"}, "
        + "\"response\": {\"status\": 200}}";
  }

  @Test
  void matcherArgumentOfTheWrongType() {
    PactFormatException e =
        readFails(
            v3Response(
                "{\"status\": 200, \"matchingRules\": {\"body\": {\"$.items\": "
                    + "{\"matchers\": [{\"match\": \"type\", \"min\": \"two\"}]}}}}"));
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].response.matchingRules.body['$.items'].matchers[0].min: \
        'min' must be a non-negative integer but is a string ("two")
          Valid form: {"match": "type", "min": 1, "max": 10} (min and max optional)""");
  }

  @Test
  void legacyMatcherArgumentOfTheWrongType() {
    String json =
        HEAD
            + "\"interactions\": [{\"description\": \"get\", \"request\": {\"method\": \"GET\", \"path\": \"/\"}, "
            + "\"response\": {\"status\": 200, \"matchingRules\": {\"$.body.items\": {\"min\": 1.5}}}}]}";
    PactFormatException e = readFails(json);
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].response.matchingRules['$.body.items'].min: \
        'min' must be a non-negative integer but is a number (1.5)
          Valid form: {"min": 1} or {"match": "type", "min": 1, "max": 10}""");
  }

  @Test
  void generatorArgumentOfTheWrongType() {
    PactFormatException e =
        readFails(
            v3Response(
                "{\"status\": 200, \"generators\": {\"body\": {\"$.id\": "
                    + "{\"type\": \"RandomInt\", \"min\": \"one\"}}}}"));
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].response.generators.body['$.id'].min: \
        expected an integer but found a string ("one")
          Valid form: {"type": "RandomInt", "min": 0, "max": 100}""");
  }

  @Test
  void bodyDeclaredJsonButNotJson() {
    PactFormatException e =
        readFails(
            HEAD
                + "\"interactions\": [{\"type\": \"Synchronous/HTTP\", \"description\": \"get\", "
                + "\"request\": {\"method\": \"GET\", \"path\": \"/\"}, \"response\": {\"status\": 200, \"body\": {\"content\": "
                + "\"{id: 1\", \"contentType\": \"application/json\", \"encoded\": \"JSON\"}}}]"
                + V4);
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].response.body.content: the content is declared JSON \
        ("encoded": "JSON") but is not valid JSON: "{id: 1" (Unexpected character ('i' (code 105)): \
        was expecting double-quote to start property name)
          Valid form: a string holding JSON such as "{\\"id\\": 1}", or "encoded": false with the JSON inline""");
  }

  @Test
  void bodyDeclaredBase64ButNotBase64() {
    PactFormatException e =
        readFails(
            HEAD
                + "\"interactions\": [{\"type\": \"Asynchronous/Messages\", \"description\": "
                + "\"evt\", \"contents\": {\"content\": \"not base64!\", \"contentType\": \"application/octet-stream\", "
                + "\"encoded\": \"base64\"}}]"
                + V4);
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].contents.content: the content is declared base64 \
        ("encoded": "base64") but is not valid base64: "not base64!"
          Valid form: base64 text such as "AQID", or "encoded": false for plain text""");
  }

  @Test
  void missingConsumerName() {
    PactFormatException e =
        readFails(
            "{\"consumer\": {}, \"provider\": {\"name\": \"products\"}, \"interactions\": []}");
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.consumer.name: the consumer name is missing
          Valid form: "consumer": {"name": "orders-service"}""");
  }

  @Test
  void missingProvider() {
    PactFormatException e =
        readFails("{\"consumer\": {\"name\": \"orders\"}, \"interactions\": []}");
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.provider: the provider is missing
          Valid form: "provider": {"name": "products-service"}""");
  }

  @Test
  void interactionsNotAnArray() {
    PactFormatException e = readFails(HEAD + "\"interactions\": {\"description\": \"get\"}" + V3);
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions: expected a JSON array but found an object
          Valid form: "interactions": [{"description": "...", "request": {...}, "response": {...}}]""");
  }

  @Test
  void interactionThatIsNotAnObject() {
    PactFormatException e =
        readFails(HEAD + "\"interactions\": [" + interaction("a") + ", 42]" + V3);
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[1]: expected a JSON object but found a number (42)
          Valid form: {"description": "...", "request": {"method": "GET", "path": "/"}, "response": {"status": 200}}""");
  }

  @Test
  void providerStateParamsThatAreNotAnObject() {
    PactFormatException e =
        readFails(
            HEAD
                + "\"interactions\": [{\"description\": \"get\", \"providerStates\": "
                + "[{\"name\": \"s\", \"params\": [1]}], \"request\": {}, \"response\": {}}]"
                + V3);
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].providerStates[0].params: expected a JSON object but found an array
          Valid form: "providerStates": [{"name": "product 1 exists", "params": {"id": 1}}]""");
  }

  @Test
  void unknownInteractionType() {
    PactFormatException e =
        readFails(
            HEAD
                + "\"interactions\": [{\"type\": \"Synchronous/GRPC\", \"description\": \"x\"}]"
                + V4);
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].type: unknown interaction type 'Synchronous/GRPC'
          Valid form: "type": "Synchronous/HTTP", "Asynchronous/Messages" or "Synchronous/Messages\"""");
  }

  @Test
  void missingDescription() {
    PactFormatException e =
        readFails(HEAD + "\"interactions\": [{\"request\": {}, \"response\": {}}]" + V3);
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].description: the interaction has no description
          Valid form: "description": "a request for product 1\"""");
  }

  @Test
  void statusThatIsNotAnInteger() {
    PactFormatException e = readFails(v3Response("{\"status\": \"OK\"}"));
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].response.status: expected an integer but found a string ("OK")
          Valid form: "status": 200 (an integer from 100 to 599)""");
  }

  @Test
  void unknownCombine() {
    PactFormatException e =
        readFails(
            v3Response(
                "{\"status\": 200, \"matchingRules\": {\"header\": {\"X\": "
                    + "{\"matchers\": [{\"match\": \"type\"}], \"combine\": \"XOR\"}}}}"));
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].response.matchingRules.header.X.combine: unknown combine 'XOR'
          Valid form: "combine": "AND" or "combine": "OR\"""");
  }

  @Test
  void regexMatcherWithoutRegex() {
    PactFormatException e =
        readFails(
            v3Response(
                "{\"status\": 200, \"matchingRules\": {\"body\": {\"$.a\": "
                    + "{\"matchers\": [{\"match\": \"regex\"}]}}}}"));
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].response.matchingRules.body['$.a'].matchers[0].regex: \
        the required attribute 'regex' is missing
          Valid form: {"match": "regex", "regex": "\\\\d+"}""");
  }

  @Test
  void unknownStatusClass() {
    PactFormatException e =
        readFails(
            v3Response(
                "{\"status\": 200, \"matchingRules\": {\"status\": "
                    + "{\"matchers\": [{\"match\": \"statusCode\", \"status\": \"fine\"}]}}}"));
    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $.interactions[0].response.matchingRules.status.matchers[0].status: \
        unknown status class 'fine'
          Valid form: {"match": "statusCode", "status": "success"} or {"match": "statusCode", "status": [200, 201]} \
        (classes: info, success, redirect, clientError, serverError, nonError, error)""");
  }

  @Test
  void notAnObject() {
    assertThat(readFails("[1, 2]").getMessage())
        .isEqualTo(
            """
        Invalid pact orders-products.json at $: expected a JSON object but found an array
          Valid form: {"consumer": {"name": "orders"}, "provider": {"name": "products"}, "interactions": [...], \
        "metadata": {"pactSpecification": {"version": "4.0"}}}""");
  }

  @Test
  void fileThatDoesNotExist(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path missing = dir.resolve("nope.json");
    PactFormatException e =
        catchThrowableOfType(PactFormatException.class, () -> PactReader.read(missing));
    assertThat(e.getMessage())
        .isEqualTo(
            "Invalid pact "
                + missing
                + ": the file does not exist (absolute path: "
                + missing.toAbsolutePath()
                + ")\n  Valid form: the path of a pact file, e.g. target/pacts/orders-products.json");
  }

  @Test
  void fileThatIsNotUtf8(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path latin1 = dir.resolve("latin1.json");
    java.nio.file.Files.write(
        latin1,
        "{\"consumer\": {\"name\": \"caf\u00e9\"}}"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    PactFormatException e =
        catchThrowableOfType(PactFormatException.class, () -> PactReader.read(latin1));
    assertThat(e.getMessage())
        .isEqualTo(
            "Invalid pact "
                + latin1
                + ": the file is not UTF-8 text\n"
                + "  Valid form: a pact JSON file in UTF-8");
  }
}
