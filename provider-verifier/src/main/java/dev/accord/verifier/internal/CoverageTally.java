package dev.accord.verifier.internal;

import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.ProviderState;
import dev.accord.verifier.Coverage;
import dev.accord.verifier.Coverage.CoveringInteraction;
import dev.accord.verifier.Coverage.EndpointCoverage;
import dev.accord.verifier.Coverage.StateCoverage;
import dev.accord.verifier.Failure;
import dev.accord.verifier.InteractionResult;
import dev.accord.verifier.InteractionResult.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Counts what a run covered, from the selected interactions' results and the filtered-out
 * interactions.
 */
public final class CoverageTally {
  static final String PARAM = "{param}";
  private static final Pattern ID =
      Pattern.compile(
          "\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?=.*\\d)[0-9a-fA-F]{16,}");
  private static final Set<String> STATE_FAILURES =
      Set.of(Failure.STATE_CHANGE, Failure.STATE_TEARDOWN, Failure.MISSING_STATE_HANDLER);

  private CoverageTally() {}

  /**
   * @param selected the interactions chosen for verification, in the order of {@code results}
   * @param results one result per selected interaction
   * @param filteredOut the interactions the filters left out
   */
  public static Coverage of(
      List<Verification.Selected> selected,
      List<InteractionResult> results,
      List<Verification.Selected> filteredOut) {
    long passed = 0;
    long failed = 0;
    long pending = 0;
    long notRun = 0;
    Map<String, long[]> states =
        new LinkedHashMap<>(); // interactions, passed, failed, notRun, setupFailures
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      InteractionResult r = results.get(i);
      String outcome;
      switch (r.outcome()) {
        case PASSED -> {
          passed++;
          outcome = "passed";
        }
        case FAILED -> {
          if (r.pending()) {
            pending++;
            outcome = "pending";
          } else {
            failed++;
            outcome = "failed";
          }
        }
        default -> {
          notRun++;
          outcome = "not run";
        }
      }
      for (ProviderState s : r.states()) {
        long[] n = states.computeIfAbsent(s.name(), k -> new long[5]);
        n[0]++;
        n[r.outcome() == Outcome.PASSED ? 1 : r.outcome() == Outcome.FAILED ? 2 : 3]++;
        if (r.failures().stream()
            .anyMatch(f -> STATE_FAILURES.contains(f.summary()) && f.detail().contains(s.name()))) {
          n[4]++;
        }
      }
      if (i < selected.size()) {
        endpoint(selected.get(i), r.displayName(), outcome, endpoints);
      }
    }
    for (Verification.Selected s : filteredOut) {
      endpoint(s, s.displayName(), "filtered out", endpoints);
    }
    List<StateCoverage> stateCoverage = new ArrayList<>();
    states.forEach(
        (name, n) -> stateCoverage.add(new StateCoverage(name, n[0], n[1], n[2], n[3], n[4])));
    return new Coverage(
        results.size() + filteredOut.size(),
        passed,
        failed,
        pending,
        filteredOut.size(),
        notRun,
        stateCoverage,
        templates(endpoints));
  }

  /**
   * The coverage of one pact, as published with its verification result: its interactions without a
   * result count as filtered out.
   */
  public static Coverage ofPact(
      dev.accord.verifier.PactToVerify pact, List<InteractionResult> results) {
    List<Verification.Selected> selected = new ArrayList<>();
    List<InteractionResult> matched = new ArrayList<>();
    List<Verification.Selected> filteredOut = new ArrayList<>();
    List<InteractionResult> left =
        new ArrayList<>(
            results.stream().filter(r -> r.pactOrigin().equals(pact.origin())).toList());
    for (dev.accord.pact.model.Interaction i : pact.pact().interactions()) {
      InteractionResult r =
          left.stream()
              .filter(
                  x ->
                      x.description().equals(i.description())
                          && x.states().equals(i.providerStates()))
              .findFirst()
              .orElse(null);
      if (r == null) {
        filteredOut.add(new Verification.Selected(pact, i));
      } else {
        left.remove(r);
        selected.add(new Verification.Selected(pact, i));
        matched.add(r);
      }
    }
    return of(selected, matched, filteredOut);
  }

  /**
   * Coverage from results alone (no filtered-out interactions, no endpoints: the interactions are
   * not at hand).
   */
  public static Coverage of(List<InteractionResult> results) {
    return of(List.of(), results, List.of());
  }

  record Endpoint(String method, String[] segments, String name, String outcome) {}

  private static void endpoint(
      Verification.Selected s, String name, String outcome, List<Endpoint> into) {
    if (s.interaction() instanceof HttpInteraction http) {
      into.add(
          new Endpoint(
              http.request().method().toUpperCase(java.util.Locale.ROOT),
              segments(http.request().path(), http.request().generators().category(Category.PATH)),
              name,
              outcome));
    }
  }

  /** The path's segments with ids, UUIDs and state-injected values as {@code {param}}. */
  static String[] segments(String path, Map<String, Generator> pathGenerators) {
    String[] segments = split(path);
    String[] injected = null;
    for (Generator g : pathGenerators.values()) {
      if (g instanceof Generator.ProviderState ps && ps.expression().contains("${")) {
        injected = split(ps.expression());
      }
    }
    for (int i = 0; i < segments.length; i++) {
      boolean fromState =
          injected != null && injected.length == segments.length && injected[i].contains("${");
      if (fromState || ID.matcher(segments[i]).matches()) {
        segments[i] = PARAM;
      }
    }
    return segments;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  /**
   * Merges paths of one method and length that differ in exactly one segment (not the first) into
   * one template with {@code {param}} there, until none is left to merge: {@code /users/alice} and
   * {@code /users/bob} become {@code /users/{param}}.
   */
  static List<EndpointCoverage> templates(List<Endpoint> endpoints) {
    Map<String, String[]> templates = new LinkedHashMap<>();
    for (Endpoint e : endpoints) {
      templates.putIfAbsent(key(e.method(), e.segments()), e.segments());
    }
    boolean merged = true;
    while (merged) {
      merged = false;
      List<Map.Entry<String, String[]>> all = new ArrayList<>(templates.entrySet());
      outer:
      for (int a = 0; a < all.size(); a++) {
        for (int b = a + 1; b < all.size(); b++) {
          String[] x = all.get(a).getValue();
          String[] y = all.get(b).getValue();
          if (x.length != y.length
              || !method(all.get(a).getKey()).equals(method(all.get(b).getKey()))) {
            continue;
          }
          int differing = -1;
          int count = 0;
          for (int i = 0; i < x.length; i++) {
            if (!x[i].equals(y[i])) {
              differing = i;
              count++;
            }
          }
          if (count == 1 && differing > 0) {
            String[] t = x.clone();
            t[differing] = PARAM;
            String method = method(all.get(a).getKey());
            // every path that fits the new template moves to it
            for (Map.Entry<String, String[]> e : templates.entrySet()) {
              if (method(e.getKey()).equals(method) && fits(e.getValue(), t)) {
                e.setValue(t);
              }
            }
            merged = true; // each merge adds a {param}, so this ends
            break outer;
          }
        }
      }
    }
    Map<String, List<CoveringInteraction>> covering =
        new TreeMap<>(
            Comparator.comparing((String k) -> k.substring(k.indexOf(' ') + 1))
                .thenComparing(k -> k));
    for (Endpoint e : endpoints) {
      String[] t = templates.get(key(e.method(), e.segments()));
      covering
          .computeIfAbsent(key(e.method(), t), k -> new ArrayList<>())
          .add(new CoveringInteraction(e.name(), e.outcome()));
    }
    List<EndpointCoverage> out = new ArrayList<>();
    covering.forEach(
        (k, v) -> out.add(new EndpointCoverage(method(k), k.substring(k.indexOf(' ') + 1), v)));
    return out;
  }

  private static boolean fits(String[] path, String[] template) {
    if (path.length != template.length) {
      return false;
    }
    for (int i = 0; i < path.length; i++) {
      if (!template[i].equals(PARAM) && !template[i].equals(path[i])) {
        return false;
      }
    }
    return true;
  }

  private static String key(String method, String[] segments) {
    return method + " /" + String.join("/", segments);
  }

  private static String method(String key) {
    return key.substring(0, key.indexOf(' '));
  }
}
