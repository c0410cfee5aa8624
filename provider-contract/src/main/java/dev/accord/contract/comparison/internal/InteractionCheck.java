package dev.accord.contract.comparison.internal;

import dev.accord.contract.comparison.Incompatibility;
import dev.accord.contract.comparison.Incompatibility.Severity;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import dev.accord.pact.matching.BodyRules;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.path.BodyPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Compares one HTTP interaction with the document; every finding goes to the list given. */
public final class InteractionCheck {

  private static final Set<String> STANDARD_REQUEST_HEADERS =
      Set.of(
          "accept",
          "accept-charset",
          "accept-datetime",
          "accept-encoding",
          "accept-language",
          "authorization",
          "cache-control",
          "connection",
          "content-length",
          "content-md5",
          "content-type",
          "cookie",
          "date",
          "expect",
          "forwarded",
          "from",
          "host",
          "if-match",
          "if-modified-since",
          "if-none-match",
          "if-range",
          "if-unmodified-since",
          "max-forwards",
          "origin",
          "pragma",
          "proxy-authorization",
          "range",
          "referer",
          "te",
          "upgrade",
          "user-agent",
          "via",
          "warning");
  private static final Set<String> STANDARD_RESPONSE_HEADERS =
      Set.of(
          "content-type",
          "content-length",
          "date",
          "connection",
          "transfer-encoding",
          "server",
          "vary",
          "cache-control",
          "expires",
          "pragma",
          "etag",
          "last-modified",
          "content-encoding",
          "content-language",
          "keep-alive",
          "access-control-allow-origin",
          "access-control-allow-methods",
          "access-control-allow-headers",
          "access-control-allow-credentials",
          "access-control-expose-headers",
          "access-control-max-age");

  private final OpenApiDocument document;
  private final Operations operations;

  public InteractionCheck(OpenApiDocument document) {
    this.document = document;
    this.operations = new Operations(document);
  }

  /**
   * @param v4 whether the pact file is V4, where a body's JSON sits under {@code body.content}: the
   *     pact paths of findings point into the file as written
   */
  public void check(HttpInteraction interaction, int index, boolean v4, List<Incompatibility> out) {
    Findings f =
        new Findings(
            interaction.description(), "$.interactions[" + index + "]", v4 ? ".content" : "", out);
    HttpRequest request = interaction.request();
    HttpResponse response = interaction.response();
    Operations.Lookup lookup = operations.find(request.method(), request.path());
    if (lookup.found().isEmpty()) {
      f.error(
          "request.path-or-method.unknown",
          ".request.path",
          "/paths",
          "Path or method not defined in the document: " + lookup.whyNot());
      return;
    }
    Operations.Found op = lookup.found().get();
    if (response.status() != 401 && response.status() != 403) {
      checkSecurity(
          request, op, f); // an interaction expecting a refusal leaves credentials out on purpose
    }
    checkQuery(request, op, f);
    checkRequestHeaders(request, op, f);
    checkRequestBody(request, op, f);
    checkResponse(request, response, op, f);
  }

  // ---------------------------------------------------------------- request

  private void checkSecurity(HttpRequest request, Operations.Found op, Findings f) {
    JsonNode requirements =
        op.operation().has("security")
            ? op.operation().get("security")
            : document.tree().path("security");
    String pointer = op.operation().has("security") ? op.pointer() + "/security" : "/security";
    if (!requirements.isArray() || requirements.isEmpty()) {
      return;
    }
    List<String> alternatives = new ArrayList<>();
    for (JsonNode requirement : requirements) {
      boolean satisfied = true;
      List<String> needs = new ArrayList<>();
      for (String schemeName : requirement.propertyNames()) {
        Optional<Credential> credential = credential(schemeName);
        if (credential.isEmpty()) {
          continue; // oauth2, openIdConnect, mutualTLS: not checked
        }
        needs.add(schemeName + ": " + credential.get().in() + " " + credential.get().name());
        if (!credential.get().presentIn(request)) {
          satisfied = false;
        }
      }
      if (satisfied) {
        return;
      }
      alternatives.add(String.join(" and ", needs));
    }
    f.error(
        "request.authorization.missing",
        ".request.headers",
        pointer,
        "Request authorization is missing: the document requires "
            + String.join(", or ", alternatives)
            + "; add the credentials to the pact's request");
  }

  private record Credential(String in, String name) {
    boolean presentIn(HttpRequest request) {
      return in.equals("query")
          ? request.query().containsKey(name)
          : request.header(name).isPresent();
    }
  }

  private Optional<Credential> credential(String schemeName) {
    JsonNode scheme = document.tree().path("components").path("securitySchemes").path(schemeName);
    Optional<OpenApiDocument.Located> located =
        document.resolve(scheme, "/components/securitySchemes/" + SchemaCheck.escape(schemeName));
    if (located.isEmpty()) {
      return Optional.empty();
    }
    JsonNode s = located.get().node();
    String type = s.path("type").asString("");
    if (type.equals("apiKey")
        && (s.path("in").asString("").equals("header")
            || s.path("in").asString("").equals("query"))) {
      return Optional.of(new Credential(s.path("in").asString(), s.path("name").asString()));
    }
    if (type.equals("http")) {
      return Optional.of(new Credential("header", "Authorization"));
    }
    return Optional.empty();
  }

  private Set<String> credentialNames(Operations.Found op, String in) {
    Set<String> names = new java.util.HashSet<>();
    JsonNode requirements =
        op.operation().has("security")
            ? op.operation().get("security")
            : document.tree().path("security");
    for (JsonNode requirement : requirements) {
      for (String schemeName : requirement.propertyNames()) {
        credential(schemeName)
            .filter(c -> c.in().equals(in))
            .ifPresent(c -> names.add(c.name().toLowerCase(Locale.ROOT)));
      }
    }
    return names;
  }

  private void checkQuery(HttpRequest request, Operations.Found op, Findings f) {
    Set<String> credentials = credentialNames(op, "query");
    Map<String, Operations.Parameter> documented = new LinkedHashMap<>();
    op.parameters().stream()
        .filter(p -> p.in().equals("query"))
        .forEach(p -> documented.put(p.name(), p));
    for (Map.Entry<String, List<String>> query : request.query().entrySet()) {
      String name = query.getKey();
      Operations.Parameter parameter = documented.get(name);
      String at = ".request.query" + key(name);
      if (parameter == null) {
        if (!credentials.contains(name.toLowerCase(Locale.ROOT))) {
          f.warning(
              "request.query.unknown",
              at,
              op.pointer(),
              "Query parameter is not defined in the document: "
                  + name
                  + "; the provider may ignore or refuse it: document it or remove it from the pact");
        }
        continue;
      }
      if (parameter.schema() != null) {
        JsonNode value =
            ParameterValues.coerce(
                document, query.getValue(), parameter.schema(), parameter.schemaPointer());
        for (SchemaCheck.Issue issue :
            new SchemaCheck(document, SchemaCheck.Direction.REQUEST, null)
                .check(value, parameter.schema(), parameter.schemaPointer())) {
          f.error(
              "request.query.incompatible",
              at,
              issue.pointer(),
              "Query parameter "
                  + name
                  + " "
                  + describeValues(query.getValue())
                  + " is incompatible with the document: "
                  + issue.detail());
        }
      }
    }
    for (Operations.Parameter parameter : documented.values()) {
      if (parameter.required() && !request.query().containsKey(parameter.name())) {
        f.error(
            "request.query.incompatible",
            ".request.query",
            parameter.pointer(),
            "Query parameter "
                + parameter.name()
                + " is required by the document but missing from the request; "
                + "add it to the pact's request");
      }
    }
  }

  private void checkRequestHeaders(HttpRequest request, Operations.Found op, Findings f) {
    Set<String> credentials = credentialNames(op, "header");
    Map<String, Operations.Parameter> documented = new LinkedHashMap<>();
    op.parameters().stream()
        .filter(p -> p.in().equals("header"))
        .forEach(p -> documented.put(p.name().toLowerCase(Locale.ROOT), p));
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String lower = header.getKey().toLowerCase(Locale.ROOT);
      Operations.Parameter parameter = documented.get(lower);
      String at = ".request.headers" + key(header.getKey());
      if (parameter == null) {
        if (!STANDARD_REQUEST_HEADERS.contains(lower) && !credentials.contains(lower)) {
          f.warning(
              "request.header.unknown",
              at,
              op.pointer(),
              "Request header is not defined in the document: "
                  + header.getKey()
                  + "; the provider may ignore it: document it or remove it from the pact");
        }
        continue;
      }
      if (parameter.schema() != null) {
        JsonNode value =
            ParameterValues.coerce(
                document,
                String.join(",", header.getValue()),
                parameter.schema(),
                parameter.schemaPointer());
        for (SchemaCheck.Issue issue :
            new SchemaCheck(document, SchemaCheck.Direction.REQUEST, null)
                .check(value, parameter.schema(), parameter.schemaPointer())) {
          f.error(
              "request.header.incompatible",
              at,
              issue.pointer(),
              "Request header "
                  + header.getKey()
                  + " "
                  + describeValues(header.getValue())
                  + " is incompatible with the document: "
                  + issue.detail());
        }
      }
    }
    for (Operations.Parameter parameter : documented.values()) {
      if (parameter.required() && request.header(parameter.name()).isEmpty()) {
        f.error(
            "request.header.incompatible",
            ".request.headers",
            parameter.pointer(),
            "Request header "
                + parameter.name()
                + " is required by the document but missing from the request; "
                + "add it to the pact's request");
      }
    }
  }

  private void checkRequestBody(HttpRequest request, Operations.Found op, Findings f) {
    Body body = request.body();
    boolean hasBody = body.isPresent() && !body.isEmpty();
    Optional<String> contentType =
        request
            .header("Content-Type")
            .map(v -> String.join(",", v))
            .or(() -> body.contentType().map(Object::toString))
            .or(
                () ->
                    hasBody && body.isJsonContent()
                        ? Optional.of("application/json")
                        : Optional.empty());
    JsonNode requestBodyRef = op.operation().get("requestBody");
    if (requestBodyRef == null) {
      if (hasBody) {
        f.warning(
            "request.body.unknown",
            ".request.body",
            op.pointer(),
            "Request body is not described in the "
                + "document: the operation has no requestBody, so the provider may ignore it; remove the body from the "
                + "pact or document it");
      } else if (request.header("Content-Type").isPresent()) {
        f.warning(
            "request.content-type.unknown",
            ".request.headers.Content-Type",
            op.pointer(),
            "Request Content-Type "
                + contentType.orElse("")
                + " is given but the operation has no requestBody");
      }
      return;
    }
    Optional<OpenApiDocument.Located> requestBody =
        document.resolve(requestBodyRef, op.pointer() + "/requestBody");
    if (requestBody.isEmpty()) {
      return;
    }
    String rbPointer = requestBody.get().pointer();
    if (!hasBody) {
      if (requestBody.get().node().path("required").asBoolean(false)) {
        f.error(
            "request.body.incompatible",
            ".request.body",
            rbPointer + "/required",
            "Request body is missing "
                + "but the document requires one (requestBody.required: true); add a body to the pact's request");
      }
      return;
    }
    JsonNode content = requestBody.get().node().path("content");
    List<String> mediaTypes = new ArrayList<>();
    content.propertyNames().forEach(mediaTypes::add);
    if (contentType.isEmpty() || mediaTypes.isEmpty()) {
      return;
    }
    Optional<String> selected = MediaTypes.select(contentType.get(), mediaTypes);
    if (selected.isEmpty()) {
      f.error(
          "request.content-type.incompatible",
          ".request.headers.Content-Type",
          rbPointer + "/content",
          "Request Content-Type "
              + contentType.get()
              + " is not one the document accepts ("
              + String.join(", ", mediaTypes)
              + ")");
      return;
    }
    JsonNode schema = content.path(selected.get()).get("schema");
    if (schema == null
        || !body.isJsonContent()
        || !(MediaTypes.isJson(selected.get()) || MediaTypes.isJson(contentType.get()))) {
      return;
    }
    String schemaPointer = rbPointer + "/content/" + SchemaCheck.escape(selected.get()) + "/schema";
    BodyRules rules = BodyRules.of(request.matchingRules().category(Category.BODY));
    for (SchemaCheck.Issue issue :
        new SchemaCheck(document, SchemaCheck.Direction.REQUEST, rules)
            .check(body.asJson(), schema, schemaPointer)) {
      f.error(
          "request.body.incompatible",
          ".request.body" + f.content() + issue.path().toString().substring(1),
          issue.pointer(),
          "Request body is incompatible with the document's schema at "
              + issue.path()
              + ": "
              + issue.detail());
    }
  }

  // ---------------------------------------------------------------- response

  private void checkResponse(
      HttpRequest request, HttpResponse response, Operations.Found op, Findings f) {
    JsonNode responses = op.operation().path("responses");
    String status = String.valueOf(response.status());
    String key = null;
    if (responses.has(status)) {
      key = status;
    } else {
      String range = status.charAt(0) + "XX";
      for (String name : responses.propertyNames()) {
        if (name.equalsIgnoreCase(range)) {
          key = name;
        }
      }
    }
    if (key == null && responses.has("default")) {
      key = "default";
      f.warning(
          "response.status.default",
          ".response.status",
          op.pointer() + "/responses/default",
          "Response status code " + status + " is served by the document's default response");
    }
    if (key == null) {
      List<String> documented = new ArrayList<>();
      responses.propertyNames().forEach(documented::add);
      f.error(
          "response.status.unknown",
          ".response.status",
          op.pointer() + "/responses",
          "Response status code "
              + status
              + " is not defined in the document (documented: "
              + String.join(", ", documented)
              + ") and there is no default response; document it or change the "
              + "pact's expected status");
      return;
    }
    Optional<OpenApiDocument.Located> documentedResponse =
        document.resolve(
            responses.get(key), op.pointer() + "/responses/" + SchemaCheck.escape(key));
    if (documentedResponse.isEmpty()) {
      return;
    }
    JsonNode doc = documentedResponse.get().node();
    String responsePointer = documentedResponse.get().pointer();
    List<String> mediaTypes = new ArrayList<>();
    doc.path("content").propertyNames().forEach(mediaTypes::add);

    Optional<String> accept = request.header("Accept").map(v -> String.join(",", v));
    if (accept.isPresent()) {
      if (mediaTypes.isEmpty()) {
        f.warning(
            "request.accept.unknown",
            ".request.headers.Accept",
            responsePointer,
            "Request Accept "
                + accept.get()
                + " is given but the document describes no content for status "
                + key);
      } else if (!MediaTypes.accepts(accept.get(), mediaTypes)) {
        f.error(
            "request.accept.incompatible",
            ".request.headers.Accept",
            responsePointer + "/content",
            "Request Accept "
                + accept.get()
                + " accepts none of the media types the document produces for status "
                + key
                + " ("
                + String.join(", ", mediaTypes)
                + ")");
      }
    }
    checkResponseHeaders(response, doc, responsePointer, key, f);
    checkResponseBody(response, doc, responsePointer, key, mediaTypes, f);
  }

  private void checkResponseHeaders(
      HttpResponse response, JsonNode doc, String pointer, String key, Findings f) {
    JsonNode headers = doc.path("headers");
    Map<String, String> documented = new LinkedHashMap<>();
    headers.propertyNames().forEach(n -> documented.put(n.toLowerCase(Locale.ROOT), n));
    Map<String, RuleList> headerRules = response.matchingRules().category(Category.HEADER);
    for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
      String lower = header.getKey().toLowerCase(Locale.ROOT);
      String at = ".response.headers" + key(header.getKey());
      if (!documented.containsKey(lower)) {
        if (!STANDARD_RESPONSE_HEADERS.contains(lower)) {
          f.error(
              "response.header.unknown",
              at,
              pointer,
              "Response header "
                  + header.getKey()
                  + " is not in the "
                  + "document for status "
                  + key
                  + "; the consumer expects a header the provider never promised: "
                  + "document it or remove it from the pact");
        }
        continue;
      }
      String name = documented.get(lower);
      String headerPointer = pointer + "/headers/" + SchemaCheck.escape(name);
      Optional<OpenApiDocument.Located> h = document.resolve(headers.get(name), headerPointer);
      if (h.isEmpty() || h.get().node().get("schema") == null) {
        continue;
      }
      JsonNode schema = h.get().node().get("schema");
      String schemaPointer = h.get().pointer() + "/schema";
      RuleList rules =
          headerRules.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(lower))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      BodyRules asRoot = BodyRules.of(rules == null ? Map.of() : Map.of("$", rules));
      JsonNode value =
          ParameterValues.coerce(
              document, String.join(",", header.getValue()), schema, schemaPointer);
      for (SchemaCheck.Issue issue :
          new SchemaCheck(document, SchemaCheck.Direction.RESPONSE, asRoot)
              .check(value, schema, schemaPointer)) {
        f.error(
            "response.header.incompatible",
            at,
            issue.pointer(),
            "Response header "
                + header.getKey()
                + " "
                + describeValues(header.getValue())
                + " is incompatible with the document: "
                + issue.detail());
      }
    }
  }

  private void checkResponseBody(
      HttpResponse response,
      JsonNode doc,
      String pointer,
      String key,
      List<String> mediaTypes,
      Findings f) {
    Body body = response.body();
    boolean hasBody = body.isPresent() && !body.isEmpty();
    Optional<String> declared = response.header("Content-Type").map(v -> String.join(",", v));
    Optional<String> contentType =
        declared
            .or(() -> body.contentType().map(Object::toString))
            .or(
                () ->
                    hasBody && body.isJsonContent()
                        ? Optional.of("application/json")
                        : Optional.empty());
    if (mediaTypes.isEmpty()) {
      if (hasBody) {
        f.error(
            "response.body.unknown",
            ".response.body",
            pointer,
            "Response body is not described in the "
                + "document: status "
                + key
                + " has no content; the consumer expects a body the provider never "
                + "promised: document it or remove it from the pact");
      } else if (declared.isPresent()) {
        f.warning(
            "response.content-type.unknown",
            ".response.headers.Content-Type",
            pointer,
            "Response Content-Type "
                + declared.get()
                + " is given but the document describes no content for "
                + "status "
                + key);
      }
      return;
    }
    if (contentType.isEmpty()) {
      return;
    }
    Optional<String> selected = MediaTypes.select(contentType.get(), mediaTypes);
    if (selected.isEmpty()) {
      f.error(
          "response.content-type.incompatible",
          declared.isPresent() ? ".response.headers.Content-Type" : ".response.body",
          pointer + "/content",
          "Response Content-Type "
              + contentType.get()
              + " is not one the document produces for status "
              + key
              + " ("
              + String.join(", ", mediaTypes)
              + ")");
      return;
    }
    if (!hasBody) {
      return;
    }
    JsonNode schema = doc.path("content").path(selected.get()).get("schema");
    String schemaPointer = pointer + "/content/" + SchemaCheck.escape(selected.get()) + "/schema";
    if (schema == null) {
      return; // a media type without a schema: any content of that type
    }
    if (!body.isJsonContent()
        || !(MediaTypes.isJson(selected.get()) || MediaTypes.isJson(contentType.get()))) {
      return;
    }
    BodyRules rules = BodyRules.of(response.matchingRules().category(Category.BODY));
    for (SchemaCheck.Issue issue :
        new SchemaCheck(document, SchemaCheck.Direction.RESPONSE, rules)
            .check(body.asJson(), schema, schemaPointer)) {
      f.error(
          "response.body.incompatible",
          ".response.body" + f.content() + issue.path().toString().substring(1),
          issue.pointer(),
          "Response body is incompatible with the document's schema at "
              + issue.path()
              + ": "
              + issue.detail());
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String key(String name) {
    return BodyPath.root().field(name).toString().substring(1);
  }

  private static String describeValues(List<String> values) {
    return "= "
        + (values.size() == 1
            ? Json.write(Json.nodes().stringNode(values.get(0)))
            : values.stream().map(v -> Json.write(Json.nodes().stringNode(v))).toList().toString());
  }

  private record Findings(
      String interaction, String base, String content, List<Incompatibility> out) {
    void error(String code, String pactPath, String pointer, String message) {
      out.add(
          new Incompatibility(
              code, Severity.ERROR, interaction, base + pactPath, pointer, message));
    }

    void warning(String code, String pactPath, String pointer, String message) {
      out.add(
          new Incompatibility(
              code, Severity.WARNING, interaction, base + pactPath, pointer, message));
    }
  }
}
