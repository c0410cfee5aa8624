package dev.accord.consumer;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.path.PathExpression;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compiles plain Java values with matchers anywhere in them into a Pact example, matching rules by
 * path and generators by path, checking every example against its own rules on the way. Both are
 * pact-core's: paths are built with {@link PathExpression}, examples are checked by {@link
 * Matching#checkExample}, so what is accepted here is what the mock and the verifier accept.
 */
final class ValueCompiler {

  /** A body (or message payload) compiled: the example tree and what applies where. */
  record Compiled(
      JsonNode example, Map<String, RuleList> rules, Map<String, Generator> generators) {}

  /** A header, query or path value compiled. */
  record Scalar(String example, List<MatchingRule> rules, Generator generator) {}

  /** A provider-state variable: its default as the example, and the rules its default carried. */
  record StateVariable(String name, JsonNode example, List<MatchingRule> rules) {}

  private static final String MARK = "\u0000accord-matcher:";
  private static final ThreadLocal<List<Matcher>> PLACEHOLDERS = new ThreadLocal<>();

  /** Built on first use: most bodies are maps and lists and never need it. */
  private static final class PojoMapper {
    static final JsonMapper MAPPER =
        JsonMapper.builder()
            .addModule(
                new SimpleModule("accord-matchers")
                    .addSerializer(
                        Matcher.class,
                        new ValueSerializer<Matcher>() {
                          @Override
                          public void serialize(
                              Matcher value, JsonGenerator gen, SerializationContext ctxt) {
                            List<Matcher> list = PLACEHOLDERS.get();
                            list.add(value);
                            gen.writeString(MARK + (list.size() - 1));
                          }
                        }))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
  }

  private final String where;
  private final Map<String, StateVariable> variables;
  private final JsonNodeFactory nodes = Json.nodes();
  private Map<String, RuleList> rules;
  private Map<String, Generator> generators;

  /**
   * @param where the place being compiled, for messages: {@code "the response body of interaction
   *     'x'"}
   * @param variables the state variables the interaction declared
   */
  ValueCompiler(String where, Map<String, StateVariable> variables) {
    this.where = where;
    this.variables = variables;
  }

  Compiled compile(Object value) {
    rules = new LinkedHashMap<>();
    generators = new LinkedHashMap<>();
    JsonNode example = walk(value, PathExpression.root());
    return new Compiled(example, rules, generators);
  }

  /**
   * A header, query or path value: a string, a value matcher, a state variable or a path template.
   */
  Scalar compileScalar(Object value, boolean response) {
    if (value == null) {
      throw fail(
          PathExpression.root(),
          String.valueOf(value),
          "null",
          "a header, query or path value cannot be null",
          "give a string, or a matcher such as regex(\"\\\\d+\", \"42\")");
    }
    if (value instanceof Matcher.StateVariable v) {
      StateVariable var = variable(v, PathExpression.root());
      List<MatchingRule> r =
          !var.rules().isEmpty()
              ? var.rules()
              : response ? List.of(new MatchingRule.Type(null, null)) : List.of();
      return new Scalar(
          text(var.example()),
          r,
          new Generator.ProviderState("${" + v.name + "}", Generator.DataType.STRING));
    }
    if (value instanceof Matcher.Template t) {
      StringBuilder example = new StringBuilder();
      StringBuilder expression = new StringBuilder();
      for (Object part : t.parts) {
        if (part instanceof Matcher.StateVariable v) {
          example.append(text(variable(v, PathExpression.root()).example()));
          expression.append("${").append(v.name).append('}');
        } else if (part instanceof Matcher) {
          throw fail(
              PathExpression.root(),
              t.describe,
              "",
              "path(...) takes strings and stateVariable(...) only",
              "split the value into literal strings and stateVariable(\"name\") parts");
        } else {
          example.append(part);
          expression.append(part);
        }
      }
      return new Scalar(
          example.toString(),
          response ? List.of(new MatchingRule.Type(null, null)) : List.of(),
          new Generator.ProviderState(expression.toString(), Generator.DataType.STRING));
    }
    if (value instanceof Matcher m) {
      if (m.kind != Matcher.Kind.VALUE) {
        throw fail(
            PathExpression.root(),
            m.describe,
            "",
            "a header, query or path value must be a single value",
            "use a value matcher such as regex(...), integer(...) or fromProviderState(...)");
      }
      JsonNode example = Json.toTree(m.example);
      for (MatchingRule rule : m.rules) {
        validate(rule, example, PathExpression.root(), m);
      }
      return new Scalar(text(example), m.rules, m.generator);
    }
    return new Scalar(String.valueOf(value), List.of(), null);
  }

  private JsonNode walk(Object value, PathExpression path) {
    if (value == null) {
      return nodes.nullNode();
    }
    if (value instanceof Matcher m) {
      return matcher(m, path);
    }
    if (value instanceof JsonNode n) {
      return n;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode obj = nodes.objectNode();
      Iterable<? extends Map.Entry<?, ?>> entries = map.entrySet();
      if (!(map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>)) {
        // Map.of and HashMap iterate in an order that changes between runs: sort so the pact is
        // stable
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        entries = sorted.entrySet();
      }
      for (Map.Entry<?, ?> e : entries) {
        String key = String.valueOf(e.getKey());
        obj.set(key, walk(e.getValue(), path.field(key)));
      }
      return obj;
    }
    if (value instanceof Collection<?> list) {
      ArrayNode arr = nodes.arrayNode();
      int i = 0;
      for (Object item : list) {
        arr.add(walk(item, path.index(i++)));
      }
      return arr;
    }
    if (value.getClass().isArray() && !(value instanceof byte[])) {
      ArrayNode arr = nodes.arrayNode();
      for (int i = 0; i < Array.getLength(value); i++) {
        arr.add(walk(Array.get(value, i), path.index(i)));
      }
      return arr;
    }
    if (value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Character) {
      return Json.toTree(value);
    }
    // a record or POJO: Jackson serialises it, matchers inside become placeholders we resolve here
    List<Matcher> placeholders = new ArrayList<>();
    PLACEHOLDERS.set(placeholders);
    JsonNode tree;
    try {
      tree = PojoMapper.MAPPER.valueToTree(value);
    } catch (JacksonException e) {
      throw new ContractDefinitionException(
          "Cannot use a "
              + value.getClass().getName()
              + " in "
              + where
              + " at "
              + path
              + ": Jackson cannot serialise it ("
              + e.getOriginalMessage()
              + ").\n"
              + "  fix: give a Map, a List, a record or a bean with getters, or add Jackson annotations to the type",
          e);
    } finally {
      PLACEHOLDERS.remove();
    }
    return resolve(tree, path, placeholders);
  }

  private JsonNode resolve(JsonNode node, PathExpression path, List<Matcher> placeholders) {
    if (node.isString() && node.asString().startsWith(MARK)) {
      return matcher(
          placeholders.get(Integer.parseInt(node.asString().substring(MARK.length()))), path);
    }
    if (node.isObject()) {
      ObjectNode obj = nodes.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        obj.set(e.getKey(), resolve(e.getValue(), path.field(e.getKey()), placeholders));
      }
      return obj;
    }
    if (node.isArray()) {
      ArrayNode arr = nodes.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        arr.add(resolve(node.get(i), path.index(i), placeholders));
      }
      return arr;
    }
    return node;
  }

  private JsonNode matcher(Matcher m, PathExpression path) {
    switch (m.kind) {
      case VALUE -> {
        JsonNode example = walk(m.example, path);
        for (MatchingRule rule : m.rules) {
          validate(rule, example, path, m);
        }
        addRules(path, m.rules);
        if (m.generator != null) {
          generators.put(path.text(), m.generator);
        }
        return example;
      }
      case EACH_LIKE -> {
        Matcher.EachLike each = (Matcher.EachLike) m;
        JsonNode element = walk(m.example, path.anyIndex());
        ArrayNode arr = nodes.arrayNode();
        for (int i = 0; i < each.examples; i++) {
          arr.add(element);
        }
        for (MatchingRule rule : m.rules) {
          validate(rule, arr, path, m);
        }
        addRules(path, m.rules);
        return arr;
      }
      case ARRAY_CONTAINING -> {
        Matcher.ArrayContaining contains = (Matcher.ArrayContaining) m;
        ArrayNode arr = nodes.arrayNode();
        List<MatchingRule.ArrayContains.Variant> variants = new ArrayList<>();
        for (int i = 0; i < contains.variants.size(); i++) {
          ValueCompiler sub =
              new ValueCompiler(
                  where + " (arrayContaining variant " + i + " at " + path + ")", variables);
          Compiled c = sub.compile(contains.variants.get(i));
          arr.add(c.example());
          variants.add(new MatchingRule.ArrayContains.Variant(i, c.rules(), c.generators()));
        }
        addRules(path, List.of(new MatchingRule.ArrayContains(variants)));
        return arr;
      }
      case EACH_KEY, EACH_VALUE -> {
        Matcher.Each each = (Matcher.Each) m;
        if (each.element.kind != Matcher.Kind.VALUE) {
          throw fail(
              path,
              m.describe,
              "",
              "the element rule must be a value matcher",
              "use regex(...), like(...), integer(...) and the like as the first argument");
        }
        JsonNode example = walk(m.example, path);
        MatchingRule rule =
            m.kind == Matcher.Kind.EACH_KEY
                ? new MatchingRule.EachKey(each.element.rules, null)
                : new MatchingRule.EachValue(each.element.rules, null);
        validate(rule, example, path, m);
        addRules(path, List.of(rule));
        return example;
      }
      case STATE_VARIABLE -> {
        Matcher.StateVariable v = (Matcher.StateVariable) m;
        StateVariable var = variable(v, path);
        addRules(
            path, var.rules().isEmpty() ? List.of(new MatchingRule.Type(null, null)) : var.rules());
        generators.put(path.text(), new Generator.ProviderState(v.name, Generator.DataType.RAW));
        return var.example();
      }
      case TEMPLATE -> {
        Scalar s = compileScalar(m, true);
        addRules(path, s.rules());
        generators.put(path.text(), s.generator());
        return nodes.stringNode(s.example());
      }
      default -> throw new IllegalStateException("unknown matcher kind " + m.kind);
    }
  }

  private StateVariable variable(Matcher.StateVariable v, PathExpression path) {
    StateVariable var = variables.get(v.name);
    if (var == null) {
      throw new ContractDefinitionException(
          "Unknown state variable '"
              + v.name
              + "' in "
              + where
              + " at "
              + path
              + ".\n  declared variables: "
              + (variables.isEmpty() ? "none" : String.join(", ", variables.keySet()))
              + "\n  fix: declare it as a parameter of a provider state: given(\"a product exists\", Map.of(\""
              + v.name
              + "\", <default value>))");
    }
    return var;
  }

  private void addRules(PathExpression path, List<MatchingRule> newRules) {
    if (newRules.isEmpty()) {
      return;
    }
    RuleList existing = rules.get(path.text());
    List<MatchingRule> all = new ArrayList<>();
    if (existing != null) {
      all.addAll(existing.rules());
    }
    for (MatchingRule r : newRules) {
      if (!all.contains(r)) {
        all.add(r);
      }
    }
    rules.put(path.text(), new RuleList(all, null));
  }

  /**
   * Refuses an example its own rule refuses, in pact-core's words: the first mismatch gives the
   * place (below the matcher's own path for a key or an element) and the problem.
   */
  private void validate(MatchingRule rule, JsonNode example, PathExpression path, Matcher m) {
    List<Mismatch> mismatches = Matching.checkExample(rule, example);
    if (mismatches.isEmpty()) {
      return;
    }
    String at = mismatches.get(0).path();
    String problems =
        mismatches.stream()
            .filter(x -> x.path().equals(at))
            .map(Mismatch::description)
            .distinct()
            .collect(Collectors.joining("; "));
    String fix =
        m instanceof Matcher.EachLike each
            ? eachLikeFix(each)
            : "change the example so that it satisfies its own rule, or change the rule";
    String shown =
        m instanceof Matcher.EachLike each ? each.examples + " example(s)" : render(example);
    throw fail(
        path.text() + (at.startsWith("$") ? at.substring(1) : ""),
        m.describe,
        shown,
        problems,
        fix);
  }

  private static String eachLikeFix(Matcher.EachLike each) {
    if ((each.min != null && each.min < 0)
        || (each.max != null && (each.max < 0 || (each.min != null && each.max < each.min)))) {
      return "give sizes with 0 <= min <= max: eachLike(template, min, max)";
    }
    if (each.min != null && each.examples < each.min) {
      return "give at least " + each.min + " examples: .examples(" + each.min + ")";
    }
    return "give at most " + each.max + " examples: .examples(" + each.max + ")";
  }

  private ContractDefinitionException fail(
      PathExpression path, String matcher, String example, String problem, String fix) {
    return fail(path.text(), matcher, example, problem, fix);
  }

  private ContractDefinitionException fail(
      String path, String matcher, String example, String problem, String fix) {
    return new ContractDefinitionException(
        "Invalid matcher in "
            + where
            + " at "
            + path
            + ": "
            + problem
            + ".\n"
            + "  matcher: "
            + matcher
            + "\n"
            + (example.isEmpty() ? "" : "  example: " + example + "\n")
            + "  fix:     "
            + fix);
  }

  static String text(JsonNode node) {
    return node.isString() ? node.asString() : node.toString();
  }

  static String render(JsonNode node) {
    return node.isString() ? "'" + node.asString() + "'" : node.toString();
  }
}
