package dev.accord.pact.json;

import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.Pacticipant;
import dev.accord.pact.model.ProviderState;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.RuleLogic;
import dev.accord.pact.model.SyncMessageInteraction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic random pacts for property checks: the same seed gives the same pact. {@link
 * #v4(long)} uses every kind of interaction, body encoding, matcher and generator; {@link
 * #v3(long)} stays within what V3 can express (HTTP only or messages only, bodies whose content
 * type comes from the headers or metadata).
 */
final class RandomPacts {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String TEXT = LETTERS + "0123456789 -_.:/äöü€\"'\\{}[]\n\t";

  private final Random random;
  private final boolean v4;

  private RandomPacts(long seed, boolean v4) {
    this.random = new Random(seed);
    this.v4 = v4;
  }

  static Pact v4(long seed) {
    return new RandomPacts(seed, true).pact();
  }

  static Pact v3(long seed) {
    return new RandomPacts(seed, false).pact();
  }

  private Pact pact() {
    int count = random.nextInt(6);
    boolean messagesOnly = !v4 && random.nextInt(3) == 0;
    List<Interaction> interactions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String description = "interaction " + i + " " + word();
      if (messagesOnly) {
        interactions.add(async(description));
      } else if (!v4) {
        interactions.add(http(description));
      } else {
        interactions.add(
            switch (random.nextInt(3)) {
              case 0 -> http(description);
              case 1 -> async(description);
              default -> sync(description);
            });
      }
    }
    Map<String, JsonNode> metadata = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      metadata.put("pact-jvm", Json.parse("{\"version\": \"4.7.5\"}"));
    }
    return new Pact(
        Pacticipant.of("consumer " + word()),
        Pacticipant.of("provider-" + word()),
        interactions,
        v4 ? PactSpecification.V4 : PactSpecification.V3,
        metadata);
  }

  private InteractionCommon common(String description) {
    List<ProviderState> states = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      Map<String, JsonNode> params = new LinkedHashMap<>();
      for (int p = random.nextInt(3); p > 0; p--) {
        params.put(word(), json(1));
      }
      states.add(ProviderState.of("state " + text(), params));
    }
    Optional<String> key = random.nextInt(4) == 0 ? Optional.of("key-" + word()) : Optional.empty();
    Map<String, JsonNode> comments = new LinkedHashMap<>();
    if (random.nextInt(3) == 0) {
      comments.put("testname", Json.nodes().stringNode("Test." + word()));
      comments.put("text", Json.parse("[\"" + word() + "\"]"));
    }
    Map<String, JsonNode> extensions = new LinkedHashMap<>();
    if (random.nextInt(4) == 0) {
      extensions.put("transport", Json.nodes().stringNode("http"));
    }
    if (random.nextInt(5) == 0) {
      extensions.put("x-" + word(), json(2));
    }
    return new InteractionCommon(
        description, key, states, random.nextInt(4) == 0, comments, extensions);
  }

  private HttpInteraction http(String description) {
    Map<String, List<String>> requestHeaders = headers();
    Body requestBody = httpBody(requestHeaders);
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      List<String> values = new ArrayList<>();
      for (int v = 1 + random.nextInt(2); v > 0; v--) {
        values.add(random.nextBoolean() ? text() : "a=b&c d");
      }
      query.put(word(), values);
    }
    HttpRequest request =
        new HttpRequest(
            random.nextBoolean() ? "GET" : "post",
            "/" + word() + "/" + random.nextInt(100),
            query,
            requestHeaders,
            requestBody,
            rules(true),
            generators(true));
    Map<String, List<String>> responseHeaders = headers();
    Body responseBody = httpBody(responseHeaders);
    HttpResponse response =
        new HttpResponse(
            100 + random.nextInt(500),
            responseHeaders,
            responseBody,
            rules(false),
            generators(false));
    return new HttpInteraction(common(description), request, response);
  }

  private Map<String, List<String>> headers() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      List<String> values = new ArrayList<>();
      for (int v = 1 + random.nextInt(2); v > 0; v--) {
        values.add(word() + (random.nextBoolean() ? "/" + word() : ""));
      }
      headers.put("X-" + word(), values);
    }
    return headers;
  }

  /** In V3 the body's content type is the Content-Type header's, so both are chosen together. */
  private Body httpBody(Map<String, List<String>> headers) {
    int kind = random.nextInt(5);
    if (kind == 0) {
      return Body.missing();
    }
    ContentType ct =
        switch (kind) {
          case 1 -> ContentType.JSON;
          case 2 -> ContentType.parse("text/plain; charset=UTF-8");
          case 3 -> ContentType.parse("image/png");
          default -> ContentType.parse("application/vnd.accord+json");
        };
    if (!v4 || random.nextBoolean()) {
      headers.put("Content-Type", List.of(ct.raw()));
    }
    return body(ct);
  }

  private Body body(ContentType ct) {
    Body body;
    if (ct.isJson()) {
      body = Body.json(json(3), ct);
      if (v4 && random.nextInt(4) == 0) {
        body = body.withEncoding(Body.Encoding.JSON);
      }
    } else if (ct.isBinary()) {
      byte[] bytes = new byte[random.nextInt(20)];
      random.nextBytes(bytes);
      body = Body.bytes(bytes, ct);
    } else {
      body = random.nextInt(5) == 0 ? Body.text("", ct) : Body.text(text(), ct);
      if (v4 && random.nextInt(4) == 0) {
        body = body.withEncoding(Body.Encoding.BASE64);
      }
      if (v4 && random.nextInt(4) == 0) {
        body = body.withHint(Body.ContentTypeHint.TEXT);
      }
    }
    return body;
  }

  private AsyncMessageInteraction async(String description) {
    return new AsyncMessageInteraction(common(description), message());
  }

  private SyncMessageInteraction sync(String description) {
    List<MessageContents> responses = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      responses.add(message());
    }
    return new SyncMessageInteraction(common(description), message(), responses);
  }

  private MessageContents message() {
    Map<String, JsonNode> metadata = new LinkedHashMap<>();
    Body body = Body.missing();
    int kind = random.nextInt(4);
    if (kind > 0) {
      ContentType ct =
          kind == 1 ? ContentType.JSON : kind == 2 ? ContentType.TEXT : ContentType.OCTET_STREAM;
      metadata.put("contentType", Json.nodes().stringNode(ct.raw()));
      body = body(ct);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      metadata.put(word(), json(1));
    }
    MatchingRules.Builder rules = MatchingRules.builder();
    if (random.nextBoolean()) {
      rules.add(Category.BODY, "$." + word(), ruleList());
    }
    if (random.nextBoolean()) {
      rules.add(Category.METADATA, word(), ruleList());
    }
    Generators generators =
        random.nextBoolean()
            ? Generators.empty()
            : Generators.empty().with(Category.BODY, "$." + word(), generator());
    return new MessageContents(body, metadata, rules.build(), generators);
  }

  private MatchingRules rules(boolean request) {
    MatchingRules.Builder builder = MatchingRules.builder();
    for (int i = random.nextInt(4); i > 0; i--) {
      String path =
          switch (random.nextInt(4)) {
            case 0 -> "$";
            case 1 -> "$." + word();
            case 2 -> "$." + word() + "[*]." + word();
            default -> "$['" + word() + ".x']";
          };
      builder.add(Category.BODY, path, ruleList());
    }
    if (random.nextBoolean()) {
      builder.add(Category.HEADER, "X-" + word(), ruleList());
    }
    if (request && random.nextBoolean()) {
      builder.add(Category.QUERY, word(), ruleList());
    }
    if (request && random.nextBoolean()) {
      builder.add(Category.PATH, "", RuleList.of(new MatchingRule.Regex("/" + word() + ".*")));
    }
    if (!request && random.nextBoolean()) {
      builder.add(Category.STATUS, "", RuleList.of(new MatchingRule.StatusCode("success", null)));
    }
    return builder.build();
  }

  private RuleList ruleList() {
    List<MatchingRule> rules = new ArrayList<>();
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      rules.add(matcher(true));
    }
    return new RuleList(rules, random.nextBoolean() ? RuleLogic.AND : RuleLogic.OR);
  }

  private MatchingRule matcher(boolean nested) {
    int n = random.nextInt(nested ? 24 : 20);
    return switch (n) {
      case 0 -> new MatchingRule.Equality();
      case 1 -> new MatchingRule.Regex("\\d{1," + (1 + random.nextInt(5)) + "}|" + word());
      case 2 -> MatchingRule.Type.any();
      case 3 -> new MatchingRule.Type(random.nextInt(3), null);
      case 4 -> new MatchingRule.Type(null, 3 + random.nextInt(3));
      case 5 -> new MatchingRule.Type(1, 2 + random.nextInt(3));
      case 6 -> new MatchingRule.Include(text());
      case 7 -> new MatchingRule.IntegerType();
      case 8 -> new MatchingRule.DecimalType();
      case 9 -> new MatchingRule.NumberType();
      case 10 -> new MatchingRule.BooleanType();
      case 11 -> new MatchingRule.Date(random.nextBoolean() ? null : "yyyy-MM-dd");
      case 12 -> new MatchingRule.Time(random.nextBoolean() ? null : "HH:mm");
      case 13 ->
          new MatchingRule.Timestamp(random.nextBoolean() ? null : "yyyy-MM-dd'T'HH:mm:ssXXX");
      case 14 -> new MatchingRule.Null();
      case 15 -> new MatchingRule.ContentTypeRule("image/png");
      case 16 -> new MatchingRule.Values();
      case 17 -> new MatchingRule.NotEmpty();
      case 18 -> new MatchingRule.Semver();
      case 19 ->
          random.nextBoolean()
              ? new MatchingRule.StatusCode(null, List.of(200, 201))
              : new MatchingRule.StatusCode("clientError", null);
      case 20 ->
          new MatchingRule.EachKey(List.of(matcher(false)), random.nextBoolean() ? null : json(0));
      case 21 -> new MatchingRule.EachValue(List.of(matcher(false), matcher(false)), json(1));
      case 22 ->
          new MatchingRule.ArrayContains(
              List.of(
                  new MatchingRule.ArrayContains.Variant(
                      random.nextInt(3),
                      Map.of("$." + word(), RuleList.of(matcher(false))),
                      random.nextBoolean() ? Map.of() : Map.of("$.id", generator()))));
      default ->
          new MatchingRule.Other(
              "plugin-" + word(), Map.of("size", Json.nodes().numberNode(random.nextInt(9))));
    };
  }

  private Generators generators(boolean request) {
    Generators generators = Generators.empty();
    for (int i = random.nextInt(3); i > 0; i--) {
      generators = generators.with(Category.BODY, "$." + word(), generator());
    }
    if (random.nextBoolean()) {
      generators = generators.with(Category.HEADER, "X-" + word(), generator());
    }
    if (request && random.nextBoolean()) {
      generators =
          generators.with(
              Category.PATH,
              "",
              new Generator.ProviderState("/a/${id}", Generator.DataType.STRING));
    }
    if (!request && random.nextBoolean()) {
      generators = generators.with(Category.STATUS, "", new Generator.RandomInt(200, 299));
    }
    return generators;
  }

  private Generator generator() {
    return switch (random.nextInt(14)) {
      case 0 -> new Generator.RandomInt(random.nextInt(10), 10 + random.nextInt(10));
      case 1 -> new Generator.RandomDecimal(1 + random.nextInt(9));
      case 2 -> new Generator.RandomHexadecimal(1 + random.nextInt(9));
      case 3 -> new Generator.RandomString(1 + random.nextInt(30));
      case 4 -> new Generator.Regex("[a-z]{" + (1 + random.nextInt(5)) + "}");
      case 5 -> new Generator.Uuid(random.nextBoolean() ? null : "simple");
      case 6 ->
          new Generator.Date(
              random.nextBoolean() ? null : "yyyy-MM-dd",
              random.nextBoolean() ? null : "today + 1 day");
      case 7 -> new Generator.Time(random.nextBoolean() ? null : "HH:mm", null);
      case 8 -> new Generator.DateTime(null, random.nextBoolean() ? null : "now @ noon");
      case 9 -> new Generator.RandomBoolean();
      case 10 ->
          new Generator.ProviderState(
              "${" + word() + "}",
              random.nextBoolean() ? null : Generator.DataType.values()[random.nextInt(6)]);
      case 11 -> new Generator.MockServerUrl("http://localhost:1234/x/1", ".*(/x/\\d+)$");
      case 12 -> new Generator.Other("Plugin" + word(), Map.of("size", Json.nodes().numberNode(3)));
      default -> new Generator.Uuid("URN");
    };
  }

  private JsonNode json(int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 6);
    return switch (kind) {
      case 0 -> Json.nodes().stringNode(text());
      case 1 -> Json.nodes().numberNode(random.nextInt(2000) - 1000);
      case 2 -> Json.nodes().numberNode(random.nextInt(100000) / 100.0);
      case 3 -> Json.nodes().booleanNode(random.nextBoolean());
      case 4 -> Json.nodes().nullNode();
      case 5 -> Json.nodes().numberNode(Long.MAX_VALUE - random.nextInt(10));
      case 6 -> {
        ArrayNode array = Json.nodes().arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(json(depth - 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = Json.nodes().objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(random.nextBoolean() ? word() : text(), json(depth - 1));
        }
        yield object;
      }
    };
  }

  private String word() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1 + random.nextInt(8); i > 0; i--) {
      sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return sb.toString();
  }

  private String text() {
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(20); i > 0; i--) {
      sb.append(TEXT.charAt(random.nextInt(TEXT.length())));
    }
    return new String(sb.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
