package dev.accord.broker.ui.usage;

import dev.accord.pact.matching.BodyRules;
import dev.accord.pact.matching.PactRegex;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.SyncMessageInteraction;
import dev.accord.pact.path.BodyPath;
import dev.accord.pact.path.PathExpression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Which consumer uses which part of a provider: for each endpoint (HTTP method and path, or message
 * description) and each field of it (response status, headers and flattened JSON body paths such as
 * {@code $.items[*].price}; request query parameters, headers and body fields; message contents and
 * metadata), the consumers whose pacts contain it, with their version and the matcher they rely on.
 * Answers "if I remove or rename field X of endpoint Y, who breaks?".
 *
 * <pre>{@code
 * ProviderUsage usage = ProviderUsage.of(List.of(
 *     new ProviderUsage.ConsumerPact("orders", "1.4.0", PactReader.read(json, "orders-products.json"))));
 * usage.endpoints().get(0).name();                   // "GET /api/products/{id}"
 * usage.endpoints().get(0).responseFields().get(2);  // body $.price: orders 1.4.0 (decimal)
 * }</pre>
 *
 * <p>Path parameters: {@code /api/products/prod-001} and {@code /api/products/prod-002} are one
 * endpoint {@code /api/products/{id}} when a provider-state generator builds the path ({@code
 * /api/products/${id}}), or when a regex matcher on the path accepts another value in that segment;
 * otherwise the example path is the endpoint. Array indexes are folded into {@code [*]}. Each field
 * shows the rule pact-core's engine applies there ({@link BodyRules}: weights, cascading); one
 * inherited from an ancestor is shown as {@code type (from $.items)}; no rule at all is {@code
 * exact}.
 */
public record ProviderUsage(List<Endpoint> endpoints) {
  /** The pact one consumer version holds with the provider. */
  public record ConsumerPact(String consumer, String version, Pact pact) {}

  /** One consumer's use of a field or endpoint; {@code matcher} is empty for endpoints. */
  public record Use(String consumer, String version, String matcher) {}

  /**
   * {@code location} is {@code status}, {@code header}, {@code query}, {@code body} or {@code
   * metadata}.
   */
  public record Field(String location, String path, List<Use> uses) {
    public int consumerCount() {
      return uses.size();
    }

    /** The uses grouped by matcher, in order of first use: one line per matcher on the page. */
    public List<MatcherGroup> byMatcher() {
      Map<String, List<Use>> groups = new LinkedHashMap<>();
      uses.forEach(u -> groups.computeIfAbsent(u.matcher(), k -> new ArrayList<>()).add(u));
      List<MatcherGroup> result = new ArrayList<>();
      groups.forEach((matcher, list) -> result.add(new MatcherGroup(matcher, List.copyOf(list))));
      return result;
    }

    /**
     * What to search: location and path, e.g. {@code body $.items[*].price} or {@code status 200}.
     */
    public String label() {
      return location + " " + path;
    }
  }

  /** The consumers relying on a field through the same matcher. */
  public record MatcherGroup(String matcher, List<Use> uses) {
    /**
     * {@code web 1.0.0, mobile 2.3.0}; versions longer than 15 characters (git SHAs) are shortened
     * to 12.
     */
    public String consumers() {
      StringBuilder s = new StringBuilder();
      for (Use u : uses) {
        if (s.length() > 0) {
          s.append(", ");
        }
        s.append(u.consumer())
            .append(' ')
            .append(u.version().length() > 15 ? u.version().substring(0, 12) + "…" : u.version());
      }
      return s.toString();
    }
  }

  /**
   * @param kind {@code HTTP} or {@code message}
   * @param name {@code GET /api/products/{id}}, or a message description
   * @param examples example paths when the endpoint is parameterised (empty otherwise)
   */
  public record Endpoint(
      String kind,
      String name,
      List<String> examples,
      List<Use> consumers,
      List<Field> requestFields,
      List<Field> responseFields) {
    public int consumerCount() {
      return consumers.size();
    }
  }

  private static final Pattern STATE_EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final List<String> LOCATION_ORDER =
      List.of("status", "query", "header", "metadata", "body");

  /**
   * Extracts the usage of every endpoint from each consumer's pact; consumers are listed in the
   * order given.
   */
  public static ProviderUsage of(List<ConsumerPact> pacts) {
    Map<String, EndpointBuilder> endpoints = new LinkedHashMap<>();
    for (ConsumerPact cp : pacts) {
      for (Interaction interaction : cp.pact().interactions()) {
        if (interaction instanceof HttpInteraction http) {
          addHttp(endpoints, cp, http);
        } else if (interaction instanceof AsyncMessageInteraction message) {
          EndpointBuilder e = endpoint(endpoints, "message", message.description(), null, cp);
          addContents(e.response, cp, message.contents());
        } else if (interaction instanceof SyncMessageInteraction message) {
          EndpointBuilder e = endpoint(endpoints, "message", message.description(), null, cp);
          addContents(e.request, cp, message.request());
          message.responses().forEach(r -> addContents(e.response, cp, r));
        }
      }
    }
    List<Endpoint> result = new ArrayList<>();
    for (EndpointBuilder b : endpoints.values()) {
      result.add(
          new Endpoint(
              b.kind,
              b.name,
              b.examples.size() > 1
                      || !b.examples.contains(b.name.substring(b.name.indexOf(' ') + 1))
                  ? List.copyOf(b.examples)
                  : List.of(),
              List.copyOf(b.consumers.values()),
              fields(b.request),
              fields(b.response)));
    }
    result.sort(
        Comparator.comparing((Endpoint e) -> e.kind().equals("HTTP") ? 0 : 1)
            .thenComparing(
                e ->
                    e.kind().equals("HTTP")
                        ? e.name().substring(e.name().indexOf(' ') + 1)
                        : e.name())
            .thenComparing(Endpoint::name));
    return new ProviderUsage(List.copyOf(result));
  }

  /**
   * The endpoints and fields whose name contains {@code query} (case-insensitive): an endpoint that
   * matches keeps all its fields; otherwise only its matching fields are kept. A blank query keeps
   * everything.
   */
  public ProviderUsage filter(String query) {
    if (query == null || query.isBlank()) {
      return this;
    }
    String q = query.trim().toLowerCase(Locale.ROOT);
    List<Endpoint> kept = new ArrayList<>();
    for (Endpoint e : endpoints) {
      if (e.name().toLowerCase(Locale.ROOT).contains(q)) {
        kept.add(e);
        continue;
      }
      List<Field> request =
          e.requestFields().stream()
              .filter(f -> f.label().toLowerCase(Locale.ROOT).contains(q))
              .toList();
      List<Field> response =
          e.responseFields().stream()
              .filter(f -> f.label().toLowerCase(Locale.ROOT).contains(q))
              .toList();
      if (!request.isEmpty() || !response.isEmpty()) {
        kept.add(new Endpoint(e.kind(), e.name(), e.examples(), e.consumers(), request, response));
      }
    }
    return new ProviderUsage(List.copyOf(kept));
  }

  /** Distinct consumers across all endpoints. */
  public Set<String> consumers() {
    Set<String> names = new LinkedHashSet<>();
    endpoints.forEach(e -> e.consumers().forEach(u -> names.add(u.consumer())));
    return names;
  }

  public int fieldCount() {
    return endpoints.stream()
        .mapToInt(e -> e.requestFields().size() + e.responseFields().size())
        .sum();
  }

  // ---- HTTP

  private static void addHttp(
      Map<String, EndpointBuilder> endpoints, ConsumerPact cp, HttpInteraction http) {
    HttpRequest request = http.request();
    String method = request.method().toUpperCase(Locale.ROOT);
    String path = request.path();
    EndpointBuilder e = endpoint(endpoints, "HTTP", method + " " + pathTemplate(request), path, cp);
    MatchingRules reqRules = request.matchingRules();
    request
        .query()
        .keySet()
        .forEach(name -> e.request.use("query", name, cp, keyed(reqRules, Category.QUERY, name)));
    request
        .headers()
        .keySet()
        .forEach(name -> e.request.use("header", name, cp, keyed(reqRules, Category.HEADER, name)));
    addBody(e.request, cp, request.body(), reqRules);
    var response = http.response();
    MatchingRules resRules = response.matchingRules();
    e.response.use(
        "status",
        String.valueOf(response.status()),
        cp,
        describe(resRules.category(Category.STATUS).get("")));
    response
        .headers()
        .keySet()
        .forEach(
            name -> e.response.use("header", name, cp, keyed(resRules, Category.HEADER, name)));
    addBody(e.response, cp, response.body(), resRules);
  }

  /**
   * The endpoint path: a provider-state generator's expression ({@code /products/${id}} becomes
   * {@code /products/{id}}), else the example path with every segment a path regex also accepts
   * with other characters replaced by {@code {param}}, else the example path.
   */
  static String pathTemplate(HttpRequest request) {
    Generator generator = request.generators().category(Category.PATH).get("");
    if (generator instanceof Generator.ProviderState state && state.expression().startsWith("/")) {
      Matcher m = STATE_EXPRESSION.matcher(state.expression());
      StringBuilder s = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(s, Matcher.quoteReplacement("{" + m.group(1).trim() + "}"));
      }
      return m.appendTail(s).toString();
    }
    RuleList rules = request.matchingRules().category(Category.PATH).get("");
    if (rules == null) {
      return request.path();
    }
    Pattern regex = null;
    for (MatchingRule r : rules.rules()) {
      if (r instanceof MatchingRule.Regex re) {
        try {
          regex = PactRegex.compile(re.regex());
        } catch (PatternSyntaxException ex) {
          return request.path();
        }
      }
    }
    if (regex == null || !regex.matcher(request.path()).matches()) {
      return request.path();
    }
    String[] segments = request.path().split("/", -1);
    StringBuilder template = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        template.append('/');
      }
      String segment = segments[i];
      boolean parameter = false;
      for (int mode = 0; mode < 3 && !segment.isEmpty() && !parameter; mode++) {
        String[] probe = segments.clone();
        probe[i] = mutate(segment, mode != 1, mode != 0);
        parameter = !probe[i].equals(segment) && regex.matcher(String.join("/", probe)).matches();
      }
      template.append(parameter ? "{param}" : segment);
    }
    return template.toString();
  }

  /**
   * Same shape, other characters: digits and/or letters shift by one, punctuation stays ({@code
   * prod-001} becomes {@code prod-112}, {@code qspe-001} or {@code qspe-112}), so a regex that
   * accepts any of them has a parameter here.
   */
  private static String mutate(String segment, boolean digits, boolean letters) {
    StringBuilder s = new StringBuilder(segment.length());
    for (char c : segment.toCharArray()) {
      if (digits && c >= '0' && c <= '9') {
        s.append((char) ('0' + (c - '0' + 1) % 10));
      } else if (letters && c >= 'a' && c <= 'z') {
        s.append((char) ('a' + (c - 'a' + 1) % 26));
      } else if (letters && c >= 'A' && c <= 'Z') {
        s.append((char) ('A' + (c - 'A' + 1) % 26));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  // ---- messages

  private static void addContents(FieldsBuilder fields, ConsumerPact cp, MessageContents contents) {
    MatchingRules rules = contents.matchingRules();
    contents
        .metadata()
        .keySet()
        .forEach(key -> fields.use("metadata", key, cp, keyed(rules, Category.METADATA, key)));
    addBody(fields, cp, contents.contents(), rules);
  }

  // ---- bodies

  private static void addBody(
      FieldsBuilder fields, ConsumerPact cp, Body body, MatchingRules rules) {
    if (body == null || !body.isPresent() || body.isEmpty()) {
      return;
    }
    BodyRules bodyRules = bodyRules(rules.category(Category.BODY));
    if (body.isJsonContent()) {
      JsonNode json;
      try {
        json = body.asJson();
      } catch (RuntimeException e) {
        fields.use("body", "(unreadable JSON body)", cp, "exact");
        return;
      }
      if (json.isContainer()) {
        walk(fields, cp, json, BodyPath.root(), PathExpression.root(), bodyRules);
      } else {
        fields.use("body", "$", cp, matcherFor(BodyPath.root(), bodyRules));
      }
      return;
    }
    String type = body.contentType().map(Object::toString).orElse("unknown content type");
    fields.use("body", "(" + type + " body)", cp, matcherFor(BodyPath.root(), bodyRules));
  }

  /** Every field of a JSON body, shown with array indexes folded into {@code [*]}. */
  private static void walk(
      FieldsBuilder fields,
      ConsumerPact cp,
      JsonNode node,
      BodyPath path,
      PathExpression display,
      BodyRules rules) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> p : node.properties()) {
        PathExpression shown;
        try {
          shown = display.field(p.getKey());
        } catch (IllegalArgumentException unnameable) {
          continue; // a key no Pact path can name carries no rule and no consumer can rely on it by
          // name
        }
        BodyPath child = path.field(p.getKey());
        fields.use("body", shown.text(), cp, matcherFor(child, rules));
        walk(fields, cp, p.getValue(), child, shown, rules);
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode item : node.values()) {
        BodyPath child = path.index(i++);
        PathExpression shown = display.anyIndex();
        if (item.isValueNode()) {
          fields.use("body", shown.text(), cp, matcherFor(child, rules));
        } else {
          walk(fields, cp, item, child, shown, rules);
        }
      }
    }
  }

  /**
   * The body rules as pact-core reads them; a rule whose path pact-core cannot parse applies to
   * nothing here either.
   */
  private static BodyRules bodyRules(Map<String, RuleList> category) {
    Map<String, RuleList> valid = new LinkedHashMap<>();
    category.forEach(
        (expression, rules) -> {
          try {
            PathExpression.parse(expression);
            valid.put(expression, rules);
          } catch (IllegalArgumentException ignored) {
            // skipped, as documented
          }
        });
    return BodyRules.of(valid);
  }

  /**
   * The rule pact-core applies at the path (its precedence and weighting), shown with the
   * expression it comes from when it cascades from an ancestor ({@code type (from $.items)});
   * {@code exact} when none applies.
   */
  static String matcherFor(BodyPath path, BodyRules rules) {
    return rules
        .ruleAt(path)
        .map(
            applied ->
                applied.cascaded()
                    ? describe(applied.rules()) + " (from " + applied.expression() + ")"
                    : describe(applied.rules()))
        .orElse("exact");
  }

  private static String keyed(MatchingRules rules, Category category, String name) {
    for (Map.Entry<String, RuleList> e : rules.category(category).entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return describe(e.getValue());
      }
    }
    return "exact";
  }

  /**
   * {@code type}, {@code type min 1}, {@code regex ^\d+$}, {@code integer}, {@code date
   * yyyy-MM-dd}; {@code exact} for none.
   */
  static String describe(RuleList list) {
    if (list == null || list.isEmpty()) {
      return "exact";
    }
    List<String> parts = new ArrayList<>();
    for (MatchingRule rule : list.rules()) {
      parts.add(describe(rule));
    }
    return String.join(
        list.rules().size() > 1 && list.combine() == dev.accord.pact.model.RuleLogic.OR
            ? " or "
            : ", ",
        parts);
  }

  private static String describe(MatchingRule rule) {
    if (rule instanceof MatchingRule.Type t) {
      return "type"
          + (t.min() == null ? "" : " min " + t.min())
          + (t.max() == null ? "" : " max " + t.max());
    } else if (rule instanceof MatchingRule.Regex r) {
      return "regex " + r.regex();
    } else if (rule instanceof MatchingRule.Include i) {
      return "include '" + i.value() + "'";
    } else if (rule instanceof MatchingRule.Date d && d.format() != null) {
      return "date " + d.format();
    } else if (rule instanceof MatchingRule.Time t && t.format() != null) {
      return "time " + t.format();
    } else if (rule instanceof MatchingRule.Timestamp t && t.format() != null) {
      return "timestamp " + t.format();
    } else if (rule instanceof MatchingRule.StatusCode c) {
      return "status " + (c.statusClass() != null ? c.statusClass() : String.valueOf(c.codes()));
    }
    return rule.name();
  }

  // ---- accumulation

  private static EndpointBuilder endpoint(
      Map<String, EndpointBuilder> endpoints,
      String kind,
      String name,
      String example,
      ConsumerPact cp) {
    EndpointBuilder e =
        endpoints.computeIfAbsent(kind + " " + name, k -> new EndpointBuilder(kind, name));
    if (example != null) {
      e.examples.add(example);
    }
    e.consumers.putIfAbsent(cp.consumer(), new Use(cp.consumer(), cp.version(), ""));
    return e;
  }

  private static List<Field> fields(FieldsBuilder b) {
    List<Field> fields = new ArrayList<>();
    b.fields.forEach(
        (key, uses) ->
            fields.add(new Field(key.location(), key.path(), List.copyOf(uses.values()))));
    // stable sort: status, query, headers, metadata, then body fields in document order
    fields.sort(Comparator.comparingInt(f -> LOCATION_ORDER.indexOf(f.location())));
    return List.copyOf(fields);
  }

  private static final class EndpointBuilder {
    final String kind;
    final String name;
    final Set<String> examples = new LinkedHashSet<>();
    final Map<String, Use> consumers = new LinkedHashMap<>();
    final FieldsBuilder request = new FieldsBuilder();
    final FieldsBuilder response = new FieldsBuilder();

    EndpointBuilder(String kind, String name) {
      this.kind = kind;
      this.name = name;
    }
  }

  private record FieldKey(String location, String path) {}

  private static final class FieldsBuilder {
    final Map<FieldKey, Map<String, Use>> fields = new LinkedHashMap<>();

    /**
     * One use per consumer; a consumer relying on a field through several matchers lists them all.
     */
    void use(String location, String path, ConsumerPact cp, String matcher) {
      Map<String, Use> uses =
          fields.computeIfAbsent(new FieldKey(location, path), k -> new LinkedHashMap<>());
      Use existing = uses.get(cp.consumer());
      if (existing == null) {
        uses.put(cp.consumer(), new Use(cp.consumer(), cp.version(), matcher));
      } else if (!List.of(existing.matcher().split("; ")).contains(matcher)) {
        uses.put(
            cp.consumer(),
            new Use(cp.consumer(), cp.version(), existing.matcher() + "; " + matcher));
      }
    }
  }
}
