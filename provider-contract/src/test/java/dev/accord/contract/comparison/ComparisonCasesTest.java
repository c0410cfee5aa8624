package dev.accord.contract.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Pact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One interaction against one document per case; every finding pinned whole, one line each: {@code
 * severity code pact-path #document-pointer: message}. An empty list means compatible, no warning.
 */
class ComparisonCasesTest {

  private static final String PRODUCTS = "products-3.0.yaml";
  private static final String SHAPES = "shapes-3.0.json";
  private static final String EVENTS = "events-3.1.yaml";
  private static final Map<String, OpenApiDocument> DOCUMENTS = new ConcurrentHashMap<>();

  private static final String PRODUCT = "{\"id\": 1, \"name\": \"Widget\", \"price\": 9.5}";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void comparesOneInteraction(
      String name, String documentName, String request, String response, List<String> expected) {
    // GIVEN a document and a pact with one interaction
    OpenApiDocument document = document(documentName);
    Pact pact = pact(request, response);

    // WHEN they are compared
    ComparisonResult result = PactComparison.compare(document, pact);

    // THEN every finding is the one expected, word for word
    List<String> actual =
        result.incompatibilities().stream()
            .map(
                i ->
                    i.severity().name().toLowerCase()
                        + " "
                        + i.code()
                        + " "
                        + i.pactPath()
                        + " #"
                        + i.documentPointer()
                        + ": "
                        + i.message())
            .toList();
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(result.isCompatible())
        .isEqualTo(expected.stream().noneMatch(e -> e.startsWith("error")));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // ------------------------------------------------------------ paths and base paths
        c(
            "a documented path under the server's base path",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\"}",
            "{\"status\": 200, \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": []}"),
        c(
            "a path outside the server's base path",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/products\"}",
            "{\"status\": 200}",
            "error request.path-or-method.unknown $.interactions[0].request.path #/paths: Path or method not defined in the document: GET /products is not under the document's base path /v1 (servers); call the provider under it in the pact, or add a server to the document"),
        c(
            "a path the document does not have",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/orders\"}",
            "{\"status\": 200}",
            "error request.path-or-method.unknown $.interactions[0].request.path #/paths: Path or method not defined in the document: GET /v1/orders matches none of its paths (/files/{name}.json, /products, /products/mine, /products/{id})"),
        c(
            "a documented path with an undocumented method",
            PRODUCTS,
            "{\"method\": \"PATCH\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200}",
            "error request.path-or-method.unknown $.interactions[0].request.path #/paths: Path or method not defined in the document: PATCH /v1/products/1 matches /products/{id}, which documents GET, DELETE only"),
        c(
            "a path parameter that does not fit its schema",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/abc\"}",
            "{\"status\": 200}",
            "error request.path-or-method.unknown $.interactions[0].request.path #/paths: Path or method not defined in the document: GET /v1/products/abc matches /products/{id} only with path parameter id = \"abc\", which does not fit its schema: expected integer, found string \"abc\""),
        c(
            "a literal path wins over a template",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/mine\", \"query\": {\"owner\": [\"me\"]},"
                + " \"headers\": {\"Authorization\": \"Bearer t\"}}",
            "{\"status\": 200}"),
        c(
            "a template with a suffix in its segment",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/files/report.json\"}",
            "{\"status\": 200}"),
        c(
            "a trailing slash",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/\"}",
            "{\"status\": 200}"),
        c(
            "a percent-encoded path segment",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/files/my%20report.json\"}",
            "{\"status\": 200}"),
        c(
            "3.1: a base path from server variables' defaults",
            EVENTS,
            "{\"method\": \"GET\", \"path\": \"/api/v2/events/e1\"}",
            "{\"status\": 200, \"body\": {\"id\": \"e1\"}}"),
        c(
            "3.1: a path under another base path",
            EVENTS,
            "{\"method\": \"GET\", \"path\": \"/v2/events/e1\"}",
            "{\"status\": 200}",
            "error request.path-or-method.unknown $.interactions[0].request.path #/paths: Path or method not defined in the document: GET /v2/events/e1 is not under the document's base path /api/v2 (servers); call the provider under it in the pact, or add a server to the document"),
        c(
            "a path parameter that does not fit its format",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/owners/not-a-uuid\"}",
            "{\"status\": 200}",
            "error request.path-or-method.unknown $.interactions[0].request.path #/paths: Path or method not defined in the document: GET /owners/not-a-uuid matches /owners/{id} only with path parameter id = \"not-a-uuid\", which does not fit its schema: string \"not-a-uuid\" fails the schema's format: does not match the uuid pattern must be a valid RFC 4122 UUID"),

        // ------------------------------------------------------------ query parameters
        c(
            "a query parameter that fits",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"query\": {\"page\": [\"2\"]}}",
            "{\"status\": 200}"),
        c(
            "a query parameter of the wrong type",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"query\": {\"page\": [\"two\"]}}",
            "{\"status\": 200}",
            "error request.query.incompatible $.interactions[0].request.query.page #/paths/~1products/get/parameters/0/schema: Query parameter page = \"two\" is incompatible with the document: expected integer, found string \"two\""),
        c(
            "a query parameter below its minimum",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"query\": {\"page\": [\"0\"]}}",
            "{\"status\": 200}",
            "error request.query.incompatible $.interactions[0].request.query.page #/paths/~1products/get/parameters/0/schema/minimum: Query parameter page = \"0\" is incompatible with the document: integer 0 fails the schema's minimum: must have a minimum value of 1"),
        c(
            "a query parameter outside its enum",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"query\": {\"category\": [\"cars\"]}}",
            "{\"status\": 200}",
            "error request.query.incompatible $.interactions[0].request.query.category #/paths/~1products/get/parameters/1/schema/enum: Query parameter category = \"cars\" is incompatible with the document: string \"cars\" fails the schema's enum: does not have a value in the enumeration [\"food\", \"toys\"]"),
        c(
            "an undocumented query parameter is a warning",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"query\": {\"sort\": [\"name\"]}}",
            "{\"status\": 200}",
            "warning request.query.unknown $.interactions[0].request.query.sort #/paths/~1products/get: Query parameter is not defined in the document: sort; the provider may ignore or refuse it: document it or remove it from the pact"),
        c(
            "a required query parameter missing",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/mine\", \"headers\": {\"Authorization\": \"Bearer t\"}}",
            "{\"status\": 200}",
            "error request.query.incompatible $.interactions[0].request.query #/paths/~1products~1mine/get/parameters/0: Query parameter owner is required by the document but missing from the request; add it to the pact's request"),
        c(
            "a repeated query parameter read as an array",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"query\": {\"ids\": [\"1\", \"2\"]}}",
            "{\"status\": 200}"),
        c(
            "a repeated query parameter with an item of the wrong type",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"query\": {\"ids\": [\"1\", \"x\"]}}",
            "{\"status\": 200}",
            "error request.query.incompatible $.interactions[0].request.query.ids #/paths/~1products/get/parameters/2/schema/items: Query parameter ids = [\"1\", \"x\"] is incompatible with the document: expected integer, found string \"x\""),

        // ------------------------------------------------------------ request headers and security
        c(
            "a documented header that fits its format",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\","
                + " \"headers\": {\"X-Request-Id\": \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}}",
            "{\"status\": 200}"),
        c(
            "a documented header that does not fit its format",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"headers\": {\"X-Request-Id\": \"42\"}}",
            "{\"status\": 200}",
            "error request.header.incompatible $.interactions[0].request.headers.X-Request-Id #/paths/~1products/get/parameters/3/schema/format: Request header X-Request-Id = \"42\" is incompatible with the document: string \"42\" fails the schema's format: does not match the uuid pattern must be a valid RFC 4122 UUID"),
        c(
            "an undocumented request header is a warning",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"headers\": {\"X-Debug\": \"1\"}}",
            "{\"status\": 200}",
            "warning request.header.unknown $.interactions[0].request.headers.X-Debug #/paths/~1products/get: Request header is not defined in the document: X-Debug; the provider may ignore it: document it or remove it from the pact"),
        c(
            "a standard request header is never unknown",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"headers\": {\"User-Agent\": \"orders/1.0\"}}",
            "{\"status\": 200}"),
        c(
            "a required request header missing",
            PRODUCTS,
            "{\"method\": \"POST\", \"path\": \"/v1/products\", \"headers\": {\"Content-Type\": \"application/json\"},"
                + " \"body\": {\"name\": \"Widget\", \"price\": 9.5}}",
            "{\"status\": 201}",
            "error request.header.incompatible $.interactions[0].request.headers #/paths/~1products/post/parameters/0: Request header X-Tenant is required by the document but missing from the request; add it to the pact's request"),
        c(
            "an API key the operation requires is missing",
            PRODUCTS,
            "{\"method\": \"DELETE\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 204}",
            "error request.authorization.missing $.interactions[0].request.headers #/paths/~1products~1{id}/delete/security: Request authorization is missing: the document requires apiKey: header X-Api-Key; add the credentials to the pact's request"),
        c(
            "an API key sent in its header is neither missing nor unknown",
            PRODUCTS,
            "{\"method\": \"DELETE\", \"path\": \"/v1/products/1\", \"headers\": {\"X-Api-Key\": \"k\"}}",
            "{\"status\": 204}"),
        c(
            "no credentials where the pact expects the refusal (401)",
            PRODUCTS,
            "{\"method\": \"DELETE\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 401}",
            "error response.status.unknown $.interactions[0].response.status #/paths/~1products~1{id}/delete/responses: Response status code 401 is not defined in the document (documented: 204) and there is no default response; document it or change the pact's expected status"),
        c(
            "none of the alternative credentials sent",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/mine\", \"query\": {\"owner\": [\"me\"]}}",
            "{\"status\": 200}",
            "error request.authorization.missing $.interactions[0].request.headers #/paths/~1products~1mine/get/security: Request authorization is missing: the document requires bearer: header Authorization, or apiKey: header X-Api-Key; add the credentials to the pact's request"),

        // ------------------------------------------------------------ request bodies
        c(
            "a request body that fits",
            PRODUCTS,
            postProduct("{\"name\": \"Widget\", \"price\": 9.5, \"releasedOn\": \"2024-02-29\"}"),
            "{\"status\": 201}"),
        c(
            "a request body without a required property",
            PRODUCTS,
            postProduct("{\"name\": \"Widget\"}"),
            "{\"status\": 201}",
            "error request.body.incompatible $.interactions[0].request.body #/components/schemas/NewProduct/required: Request body is incompatible with the document's schema at $: required property \"price\" is missing; the provider refuses a request without it: send it in the pact's request"),
        c(
            "a request body property of the wrong type",
            PRODUCTS,
            postProduct("{\"name\": \"Widget\", \"price\": \"cheap\"}"),
            "{\"status\": 201}",
            "error request.body.incompatible $.interactions[0].request.body.price #/components/schemas/NewProduct/properties/price: Request body is incompatible with the document's schema at $.price: expected number, found string \"cheap\""),
        c(
            "a request body property additionalProperties: false forbids",
            PRODUCTS,
            postProduct("{\"name\": \"Widget\", \"price\": 1, \"colour\": \"red\"}"),
            "{\"status\": 201}",
            "error request.body.incompatible $.interactions[0].request.body.colour #/components/schemas/NewProduct/additionalProperties: Request body is incompatible with the document's schema at $.colour: property \"colour\" is not allowed: the schema says additionalProperties: false; remove it from the pact or document it"),
        c(
            "3.0: a boolean exclusiveMinimum",
            PRODUCTS,
            postProduct("{\"name\": \"Widget\", \"price\": 0}"),
            "{\"status\": 201}",
            "error request.body.incompatible $.interactions[0].request.body.price #/components/schemas/NewProduct/properties/price/exclusiveMinimum: Request body is incompatible with the document's schema at $.price: integer 0 fails the schema's exclusiveMinimum: must have an exclusive minimum value of 0"),
        c(
            "a request body property that does not fit its date format",
            PRODUCTS,
            postProduct("{\"name\": \"Widget\", \"price\": 1, \"releasedOn\": \"tomorrow\"}"),
            "{\"status\": 201}",
            "error request.body.incompatible $.interactions[0].request.body.releasedOn #/components/schemas/NewProduct/properties/releasedOn/format: Request body is incompatible with the document's schema at $.releasedOn: string \"tomorrow\" fails the schema's format: does not match the date pattern must be a valid RFC 3339 full-date"),
        c(
            "in a request, a type rule does not excuse the example",
            PRODUCTS,
            "{\"method\": \"POST\", \"path\": \"/v1/products\", \"headers\": {\"X-Tenant\": \"t\"},"
                + " \"body\": {\"name\": \"\", \"price\": 1},"
                + " \"matchingRules\": {\"body\": {\"$.name\": {\"matchers\": [{\"match\": \"type\"}]}}}}",
            "{\"status\": 201}",
            "error request.body.incompatible $.interactions[0].request.body.name #/components/schemas/NewProduct/properties/name/minLength: Request body is incompatible with the document's schema at $.name: string \"\" fails the schema's minLength: must be at least 1 characters long"),
        c(
            "a request body the document requires is missing",
            PRODUCTS,
            "{\"method\": \"POST\", \"path\": \"/v1/products\", \"headers\": {\"X-Tenant\": \"t\"}}",
            "{\"status\": 201}",
            "error request.body.incompatible $.interactions[0].request.body #/paths/~1products/post/requestBody/required: Request body is missing but the document requires one (requestBody.required: true); add a body to the pact's request"),
        c(
            "a request body for an operation without one is a warning",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"body\": {\"q\": 1}}",
            "{\"status\": 200}",
            "warning request.body.unknown $.interactions[0].request.body #/paths/~1products/get: Request body is not described in the document: the operation has no requestBody, so the provider may ignore it; remove the body from the pact or document it"),
        c(
            "a request Content-Type the operation does not accept",
            PRODUCTS,
            "{\"method\": \"POST\", \"path\": \"/v1/products\","
                + " \"headers\": {\"X-Tenant\": \"t\", \"Content-Type\": \"text/plain\"}, \"body\": \"Widget\"}",
            "{\"status\": 201}",
            "error request.content-type.incompatible $.interactions[0].request.headers.Content-Type #/paths/~1products/post/requestBody/content: Request Content-Type text/plain is not one the document accepts (application/json)"),
        c(
            "a request Content-Type for an operation without a requestBody is a warning",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"headers\": {\"Content-Type\": \"application/json\"}}",
            "{\"status\": 200}",
            "warning request.content-type.unknown $.interactions[0].request.headers.Content-Type #/paths/~1products/get: Request Content-Type application/json is given but the operation has no requestBody"),
        c(
            "a request Content-Type with parameters",
            PRODUCTS,
            "{\"method\": \"POST\", \"path\": \"/v1/products\", \"headers\": {\"X-Tenant\": \"t\","
                + " \"Content-Type\": \"application/json; charset=utf-8\"}, \"body\": {\"name\": \"W\", \"price\": 1}}",
            "{\"status\": 201}"),
        c(
            "in a request, a property the document does not name is allowed",
            SHAPES,
            "{\"method\": \"PUT\", \"path\": \"/dogs\", \"body\": {\"name\": \"Rex\", \"colour\": \"brown\"}}",
            "{\"status\": 204}"),
        c(
            "in a request, oneOf fitting two schemas",
            SHAPES,
            "{\"method\": \"POST\", \"path\": \"/animals\", \"body\": {\"name\": \"Tom\", \"lives\": 3}}",
            "{\"status\": 201}",
            "error request.body.incompatible $.interactions[0].request.body #/components/schemas/Animal/oneOf: Request body is incompatible with the document's schema at $: fits 2 schemas of oneOf (#0, #1) where exactly one must fit; a discriminating property or anyOf in the document would accept it"),
        c(
            "in a request, oneOf fitting none",
            SHAPES,
            "{\"method\": \"POST\", \"path\": \"/animals\", \"body\": {\"lives\": 3}}",
            "{\"status\": 201}",
            "error request.body.incompatible $.interactions[0].request.body #/components/schemas/Animal/oneOf: Request body is incompatible with the document's schema at $: fits none of the 2 schemas of oneOf (#0 at $: required property \"name\" is missing; #1 at $: required property \"name\" is missing)"),
        c(
            "in a request, oneOf fitting exactly one",
            SHAPES,
            "{\"method\": \"POST\", \"path\": \"/animals\", \"body\": {\"name\": \"Tom\", \"lives\": 12}}",
            "{\"status\": 201}"),

        // ------------------------------------------------------------ status codes
        c(
            "a documented status without content",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 404}"),
        c(
            "an undocumented status",
            PRODUCTS,
            postProduct("{\"name\": \"W\", \"price\": 1}"),
            "{\"status\": 500}",
            "error response.status.unknown $.interactions[0].response.status #/paths/~1products/post/responses: Response status code 500 is not defined in the document (documented: 201, 4XX) and there is no default response; document it or change the pact's expected status"),
        c(
            "a status in a documented range (4XX)",
            PRODUCTS,
            postProduct("{\"name\": \"W\", \"price\": 1}"),
            "{\"status\": 409, \"headers\": {\"Content-Type\": \"application/problem+json\"},"
                + " \"body\": {\"title\": \"duplicate\", \"status\": 409}}"),
        c(
            "a status only the default response covers is a warning",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 503, \"body\": {\"title\": \"down\"}}",
            "warning response.status.default $.interactions[0].response.status #/paths/~1products~1{id}/get/responses/default: Response status code 503 is served by the document's default response"),
        c(
            "3.0: an int32 out of range in the default response",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 503, \"body\": {\"status\": 3000000000}}",
            "warning response.status.default $.interactions[0].response.status #/paths/~1products~1{id}/get/responses/default: Response status code 503 is served by the document's default response",
            "error response.body.incompatible $.interactions[0].response.body.status #/components/schemas/Problem/properties/status/format: Response body is incompatible with the document's schema at $.status: integer 3000000000 is out of the int32 range (format int32)"),

        // ------------------------------------------------------------ content types
        c(
            "a response Content-Type the document does not produce",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"headers\": {\"Content-Type\": \"application/xml\"}, \"body\": \"<product/>\"}",
            "error response.content-type.incompatible $.interactions[0].response.headers.Content-Type #/paths/~1products~1{id}/get/responses/200/content: Response Content-Type application/xml is not one the document produces for status 200 (application/json, text/plain)"),
        c(
            "a second documented media type is chosen by Content-Type",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"headers\": {\"Content-Type\": \"text/plain\"}, \"body\": \"Widget\"}"),
        c(
            "an Accept header the document cannot satisfy",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\", \"headers\": {\"Accept\": \"application/xml\"}}",
            "{\"status\": 200, \"body\": " + PRODUCT + "}",
            "error request.accept.incompatible $.interactions[0].request.headers.Accept #/paths/~1products~1{id}/get/responses/200/content: Request Accept application/xml accepts none of the media types the document produces for status 200 (application/json, text/plain)"),
        c(
            "an Accept header where the document describes no content is a warning",
            PRODUCTS,
            "{\"method\": \"DELETE\", \"path\": \"/v1/products/1\","
                + " \"headers\": {\"X-Api-Key\": \"k\", \"Accept\": \"application/json\"}}",
            "{\"status\": 204}",
            "warning request.accept.unknown $.interactions[0].request.headers.Accept #/paths/~1products~1{id}/delete/responses/204: Request Accept application/json is given but the document describes no content for status 204"),
        c(
            "an Accept header with a wildcard and weights",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\","
                + " \"headers\": {\"Accept\": \"application/xml;q=0.9, */*;q=0.1\"}}",
            "{\"status\": 200, \"body\": " + PRODUCT + "}"),
        c(
            "an Accept header refusing the only media type (q=0)",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\", \"headers\": {\"Accept\": \"application/json;q=0\"}}",
            "{\"status\": 200, \"body\": []}",
            "error request.accept.incompatible $.interactions[0].request.headers.Accept #/paths/~1products/get/responses/200/content: Request Accept application/json;q=0 accepts none of the media types the document produces for status 200 (application/json)"),
        c(
            "a response body where the document describes none",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 404, \"body\": {\"error\": \"not found\"}}",
            "error response.body.unknown $.interactions[0].response.body #/paths/~1products~1{id}/get/responses/404: Response body is not described in the document: status 404 has no content; the consumer expects a body the provider never promised: document it or remove it from the pact"),
        c(
            "a response Content-Type without a body where the document describes none",
            PRODUCTS,
            "{\"method\": \"DELETE\", \"path\": \"/v1/products/1\", \"headers\": {\"X-Api-Key\": \"k\"}}",
            "{\"status\": 204, \"headers\": {\"Content-Type\": \"application/json\"}}",
            "warning response.content-type.unknown $.interactions[0].response.headers.Content-Type #/paths/~1products~1{id}/delete/responses/204: Response Content-Type application/json is given but the document describes no content for status 204"),
        c(
            "any media type for */* content without a schema",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/files/a.json\"}",
            "{\"status\": 200, \"headers\": {\"Content-Type\": \"application/pdf\"}, \"body\": \"%PDF-1.7\"}"),

        // ------------------------------------------------------------ response headers
        c(
            "a documented response header that fits",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\"}",
            "{\"status\": 200, \"headers\": {\"X-Total-Count\": \"42\"}}"),
        c(
            "a documented response header of the wrong type",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\"}",
            "{\"status\": 200, \"headers\": {\"X-Total-Count\": \"many\"}}",
            "error response.header.incompatible $.interactions[0].response.headers.X-Total-Count #/paths/~1products/get/responses/200/headers/X-Total-Count/schema: Response header X-Total-Count = \"many\" is incompatible with the document: expected integer, found string \"many\""),
        c(
            "an undocumented response header the consumer expects",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\"}",
            "{\"status\": 200, \"headers\": {\"X-Rate-Limit\": \"10\"}}",
            "error response.header.unknown $.interactions[0].response.headers.X-Rate-Limit #/paths/~1products/get/responses/200: Response header X-Rate-Limit is not in the document for status 200; the consumer expects a header the provider never promised: document it or remove it from the pact"),
        c(
            "a standard response header is never unknown",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\"}",
            "{\"status\": 200, \"headers\": {\"Cache-Control\": \"no-cache\"}}"),
        c(
            "a regex rule on a header does not make an integer header a string",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\"}",
            "{\"status\": 200, \"headers\": {\"X-Total-Count\": \"many\"}, \"matchingRules\": {\"header\":"
                + " {\"X-Total-Count\": {\"matchers\": [{\"match\": \"regex\", \"regex\": \"\\\\w+\"}]}}}}",
            "error response.header.incompatible $.interactions[0].response.headers.X-Total-Count #/paths/~1products/get/responses/200/headers/X-Total-Count/schema: Response header X-Total-Count = \"many\" is incompatible with the document: expected integer, found string \"many\""),

        // ------------------------------------------------------------ response bodies and matchers
        c(
            "a response body that fits",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": " + PRODUCT + "}"),
        c(
            "a response body property of the wrong type",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": \"abc\", \"name\": \"Widget\"}}",
            "error response.body.incompatible $.interactions[0].response.body.id #/components/schemas/Product/properties/id: Response body is incompatible with the document's schema at $.id: expected integer, found string \"abc\""),
        c(
            "a response property the document does not describe",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"name\": \"Widget\", \"weight\": 3}}",
            "error response.body.incompatible $.interactions[0].response.body.weight #/components/schemas/Product/properties: Response body is incompatible with the document's schema at $.weight: property \"weight\" is not in the document: the consumer expects it, the provider never promised it; add it to the schema's properties (or allow it with additionalProperties) or remove it from the pact"),
        c(
            "any property of a free-form object",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"metadata\": {\"anything\": [1, 2]}}}"),
        c(
            "a property against an additionalProperties schema",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"attributes\": {\"material\": \"oak\", \"legs\": 4}}}",
            "error response.body.incompatible $.interactions[0].response.body.attributes.legs #/components/schemas/Product/properties/attributes/additionalProperties: Response body is incompatible with the document's schema at $.attributes.legs: expected string, found integer 4"),
        c(
            "3.0: null for a nullable property",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"colour\": null}}"),
        c(
            "3.0: null for a property that is not nullable",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"name\": null}}",
            "error response.body.incompatible $.interactions[0].response.body.name #/components/schemas/Product/properties/name: Response body is incompatible with the document's schema at $.name: expected string, found null; the schema does not allow null (nullable: true in OpenAPI 3.0, \"null\" in the type array in 3.1)"),
        c(
            "an exact value outside the enum",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"size\": \"XL\"}}",
            "error response.body.incompatible $.interactions[0].response.body.size #/components/schemas/Product/properties/size/enum: Response body is incompatible with the document's schema at $.size: string \"XL\" fails the schema's enum: does not have a value in the enumeration [\"S\", \"M\", \"L\"]"),
        c(
            "a type rule: any string, so the enum does not apply to the example",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"size\": \"XL\"},"
                + " \"matchingRules\": {\"body\": {\"$.size\": {\"matchers\": [{\"match\": \"type\"}]}}}}"),
        c(
            "a regex rule: a string, the document's pattern not applied to the example",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"sku\": \"abc\"}, \"matchingRules\": {\"body\":"
                + " {\"$.sku\": {\"matchers\": [{\"match\": \"regex\", \"regex\": \"[a-z]+\"}]}}}}"),
        c(
            "an exact value that does not fit the pattern",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"sku\": \"abc\"}}",
            "error response.body.incompatible $.interactions[0].response.body.sku #/components/schemas/Product/properties/sku/pattern: Response body is incompatible with the document's schema at $.sku: string \"abc\" fails the schema's pattern: does not match the regex pattern ^[A-Z]{3}-\\d+$"),
        c(
            "an exact value longer than maxLength",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"name\": \"A very long product name indeed\"}}",
            "error response.body.incompatible $.interactions[0].response.body.name #/components/schemas/Product/properties/name/maxLength: Response body is incompatible with the document's schema at $.name: string \"A very long product name indeed\" fails the schema's maxLength: must be at most 20 characters long"),
        c(
            "eachLike: an array of items of that shape",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\"}",
            "{\"status\": 200, \"body\": ["
                + PRODUCT
                + "], \"matchingRules\": {\"body\":"
                + " {\"$\": {\"matchers\": [{\"match\": \"type\", \"min\": 1}]}}}}"),
        c(
            "eachLike: an item of the wrong shape",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products\"}",
            "{\"status\": 200, \"body\": [{\"id\": \"x\", \"name\": \"W\"}], \"matchingRules\": {\"body\":"
                + " {\"$\": {\"matchers\": [{\"match\": \"type\", \"min\": 1}]}}}}",
            "error response.body.incompatible $.interactions[0].response.body[0].id #/components/schemas/Product/properties/id: Response body is incompatible with the document's schema at $[0].id: expected integer, found string \"x\""),
        c(
            "an integer rule on a number property",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"price\": 10}, \"matchingRules\": {\"body\":"
                + " {\"$.price\": {\"matchers\": [{\"match\": \"integer\"}]}}}}"),
        c(
            "a decimal rule on an integer property",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 2.0}, \"matchingRules\": {\"body\":"
                + " {\"$.id\": {\"matchers\": [{\"match\": \"decimal\"}]}}}}",
            "error response.body.incompatible $.interactions[0].response.body.id #/components/schemas/Product/properties/id: Response body is incompatible with the document's schema at $.id: the pact's decimal rule expects numbers with a fraction, the document says integer: the provider never sends one; use number() or integer() in the pact, or document type: number"),
        c(
            "a boolean rule on a string property",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 1, \"size\": true}, \"matchingRules\": {\"body\":"
                + " {\"$.size\": {\"matchers\": [{\"match\": \"boolean\"}]}}}}",
            "error response.body.incompatible $.interactions[0].response.body.size #/components/schemas/Product/properties/size: Response body is incompatible with the document's schema at $.size: expected string, found boolean true"),
        c(
            "in a response, required properties the consumer does not read may be left out",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"price\": 1}}"),
        c(
            "an int64 out of range",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200, \"body\": {\"id\": 99999999999999999999}}",
            "error response.body.incompatible $.interactions[0].response.body.id #/components/schemas/Product/properties/id/format: Response body is incompatible with the document's schema at $.id: integer 99999999999999999999 is out of the int64 range (format int64)"),
        c(
            "no response body at all",
            PRODUCTS,
            "{\"method\": \"GET\", \"path\": \"/v1/products/1\"}",
            "{\"status\": 200}"),

        // ------------------------------------------------------------ allOf, oneOf, anyOf,
        // additionalProperties
        c(
            "allOf: properties of every branch are known",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/dogs\"}",
            "{\"status\": 200, \"body\": {\"name\": \"Rex\", \"barks\": true}}"),
        c(
            "allOf: a property no branch describes",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/dogs\"}",
            "{\"status\": 200, \"body\": {\"name\": \"Rex\", \"wings\": 2}}",
            "error response.body.incompatible $.interactions[0].response.body.wings #/components/schemas/Dog: Response body is incompatible with the document's schema at $.wings: property \"wings\" is not in the document: the consumer expects it, the provider never promised it; add it to the schema's properties (or allow it with additionalProperties) or remove it from the pact"),
        c(
            "allOf: a branch's property of the wrong type",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/dogs\"}",
            "{\"status\": 200, \"body\": {\"name\": 5}}",
            "error response.body.incompatible $.interactions[0].response.body.name #/components/schemas/Named/properties/name: Response body is incompatible with the document's schema at $.name: expected string, found integer 5"),
        c(
            "oneOf in a response: one schema fits",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/animals\"}",
            "{\"status\": 200, \"body\": {\"name\": \"Tom\", \"lives\": 3}}"),
        c(
            "oneOf in a response: no schema fits",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/animals\"}",
            "{\"status\": 200, \"body\": {\"name\": \"Tom\", \"lives\": 3, \"barks\": true}}",
            "error response.body.incompatible $.interactions[0].response.body #/components/schemas/Animal/oneOf: Response body is incompatible with the document's schema at $: fits none of the 2 schemas of oneOf (#0 at $.barks: property \"barks\" is not in the document: the consumer expects it, the provider never promised it; #1 at $.lives: property \"lives\" is not in the document: the consumer expects it, the provider never promised it)"),
        c(
            "anyOf: one schema fits",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/pets\"}",
            "{\"status\": 200, \"body\": {\"name\": \"Rex\", \"breed\": \"pug\"}}"),
        c(
            "anyOf: no schema fits",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/pets\"}",
            "{\"status\": 200, \"body\": {\"name\": 1}}",
            "error response.body.incompatible $.interactions[0].response.body #/paths/~1pets/get/responses/200/content/application~1json/schema/anyOf: Response body is incompatible with the document's schema at $: fits none of the 2 schemas of anyOf (#0 at $.name: expected string, found integer 1; #1 at $.name: expected string, found integer 1)"),
        c(
            "3.0: nullable beside allOf",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/owners/3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}",
            "{\"status\": 200, \"body\": {\"name\": \"Ann\", \"pet\": null}}"),
        c(
            "additionalProperties: true allows what the consumer expects",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/owners/3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}",
            "{\"status\": 200, \"body\": {\"extras\": {\"note\": \"n\", \"anything\": 1}}}"),
        c(
            "additionalProperties: false in a response",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/owners/3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}",
            "{\"status\": 200, \"body\": {\"strict\": {\"a\": \"x\", \"b\": \"y\"}}}",
            "error response.body.incompatible $.interactions[0].response.body.strict.b #/components/schemas/Owner/properties/strict/additionalProperties: Response body is incompatible with the document's schema at $.strict.b: property \"b\" is not allowed: the schema says additionalProperties: false; remove it from the pact or document it"),
        c(
            "a $ref'd schema nested in an allOf branch",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/owners/3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}",
            "{\"status\": 200, \"body\": {\"pet\": {\"name\": \"Rex\", \"barks\": \"loudly\"}}}",
            "error response.body.incompatible $.interactions[0].response.body.pet.barks #/components/schemas/Dog/allOf/1/properties/barks: Response body is incompatible with the document's schema at $.pet.barks: expected boolean, found string \"loudly\""),
        c(
            "a recursive schema, deep",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/tree\"}",
            "{\"status\": 200, \"body\": {\"name\": \"a\", \"children\": [{\"name\": \"b\","
                + " \"children\": [{\"name\": 3}]}]}}",
            "error response.body.incompatible $.interactions[0].response.body.children[0].children[0].name #/components/schemas/Node/properties/name: Response body is incompatible with the document's schema at $.children[0].children[0].name: expected string, found integer 3"),
        c(
            "a schema composed of itself ends",
            SHAPES,
            "{\"method\": \"GET\", \"path\": \"/loop\"}",
            "{\"status\": 200, \"body\": {\"a\": 1}}"),

        // ------------------------------------------------------------ OpenAPI 3.1
        c(
            "3.1: null in a type array with null",
            EVENTS,
            "{\"method\": \"GET\", \"path\": \"/api/v2/events/e1\"}",
            "{\"status\": 200, \"body\": {\"id\": \"e1\", \"endsAt\": null}}"),
        c(
            "3.1: null for a type without null",
            EVENTS,
            "{\"method\": \"GET\", \"path\": \"/api/v2/events/e1\"}",
            "{\"status\": 200, \"body\": {\"id\": null}}",
            "error response.body.incompatible $.interactions[0].response.body.id #/components/schemas/Event/properties/id: Response body is incompatible with the document's schema at $.id: expected string, found null; the schema does not allow null (nullable: true in OpenAPI 3.0, \"null\" in the type array in 3.1)"),
        c(
            "3.1: a numeric exclusiveMinimum",
            EVENTS,
            "{\"method\": \"GET\", \"path\": \"/api/v2/events/e1\"}",
            "{\"status\": 200, \"body\": {\"id\": \"e1\", \"priority\": 0}}",
            "error response.body.incompatible $.interactions[0].response.body.priority #/components/schemas/Event/properties/priority/exclusiveMinimum: Response body is incompatible with the document's schema at $.priority: integer 0 fails the schema's exclusiveMinimum: must have an exclusive minimum value of 0"),
        c(
            "3.1: oneOf with a null type, null given",
            EVENTS,
            "{\"method\": \"GET\", \"path\": \"/api/v2/events/e1\"}",
            "{\"status\": 200, \"body\": {\"id\": \"e1\", \"payload\": null}}"),
        c(
            "3.1: oneOf with a null type, an object given",
            EVENTS,
            "{\"method\": \"GET\", \"path\": \"/api/v2/events/e1\"}",
            "{\"status\": 200, \"body\": {\"id\": \"e1\", \"payload\": {\"kind\": \"x\"}}}"),
        c(
            "3.1: oneOf with a null type, a string given",
            EVENTS,
            "{\"method\": \"GET\", \"path\": \"/api/v2/events/e1\"}",
            "{\"status\": 200, \"body\": {\"id\": \"e1\", \"payload\": \"x\"}}",
            "error response.body.incompatible $.interactions[0].response.body.payload #/components/schemas/Event/properties/payload/oneOf: Response body is incompatible with the document's schema at $.payload: fits none of the 2 schemas of oneOf (#0 at $.payload: expected null, found string \"x\"; #1 at $.payload: expected object, found string \"x\")"),
        c(
            "3.1: a date-time format",
            EVENTS,
            "{\"method\": \"GET\", \"path\": \"/api/v2/events/e1\"}",
            "{\"status\": 200, \"body\": {\"id\": \"e1\", \"endsAt\": \"yesterday\"}}",
            "error response.body.incompatible $.interactions[0].response.body.endsAt #/components/schemas/Event/properties/endsAt/format: Response body is incompatible with the document's schema at $.endsAt: string \"yesterday\" fails the schema's format: does not match the date-time pattern must be a valid RFC 3339 date-time"));
  }

  private static String postProduct(String body) {
    return "{\"method\": \"POST\", \"path\": \"/v1/products\", \"headers\": {\"X-Tenant\": \"t\","
        + " \"Content-Type\": \"application/json\"}, \"body\": "
        + body
        + "}";
  }

  private static Arguments c(
      String name, String document, String request, String response, String... expected) {
    return Arguments.of(name, document, request, response, List.of(expected));
  }

  static OpenApiDocument document(String name) {
    return DOCUMENTS.computeIfAbsent(
        name, n -> OpenApiDocument.parse(resource("/comparison/" + n), n));
  }

  static String resource(String path) {
    try (InputStream in = ComparisonCasesTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("test resource missing: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Pact pact(String request, String response) {
    return PactReader.read(
        "{\"consumer\": {\"name\": \"orders\"}, \"provider\": {\"name\": \"products\"},"
            + " \"interactions\": [{\"description\": \"the interaction\", \"request\": "
            + request
            + ", \"response\": "
            + response
            + "}], \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}",
        "case.json");
  }
}
