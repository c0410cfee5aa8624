package dev.accord.compat.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the two sides' verdicts and sorts the disagreements into known categories and
 * unexplained ones.
 */
final class DifferentialReport {
  /** One case where the two sides disagree. */
  record Disagreement(DiffCase c, Verdict accord, Verdict reference, KnownDisagreement known) {}

  private final long seed;
  private final List<DiffCase> cases;
  private final List<Disagreement> disagreements = new ArrayList<>();

  DifferentialReport(
      long seed,
      List<DiffCase> cases,
      Map<String, Verdict> accord,
      Map<String, Verdict> reference,
      List<KnownDisagreement> known) {
    this.seed = seed;
    this.cases = cases;
    for (DiffCase c : cases) {
      Verdict a = accord.get(c.id());
      Verdict r = reference.get(c.id());
      if (a.passed() != r.passed()) {
        KnownDisagreement k = known.stream().filter(e -> e.covers(c, a)).findFirst().orElse(null);
        disagreements.add(new Disagreement(c, a, r, k));
      }
    }
  }

  List<Disagreement> unexplained() {
    return disagreements.stream().filter(d -> d.known == null).toList();
  }

  String summary() {
    Map<String, Integer> byKnown = new TreeMap<>();
    disagreements.stream()
        .filter(d -> d.known != null)
        .forEach(d -> byKnown.merge(d.known.name(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder();
    sb.append("Differential test: seed ")
        .append(seed)
        .append(", ")
        .append(cases.size())
        .append(" cases, ")
        .append(disagreements.size())
        .append(" disagreement(s), ")
        .append(unexplained().size())
        .append(" unexplained\n");
    byKnown.forEach((k, n) -> sb.append("  known: ").append(k).append(": ").append(n).append('\n'));
    return sb.toString();
  }

  String describe(List<Disagreement> list) {
    StringBuilder sb = new StringBuilder();
    for (Disagreement d : list) {
      sb.append("- ")
          .append(d.c.id())
          .append(" accord=")
          .append(d.accord.word())
          .append(" ref=")
          .append(d.reference.word())
          .append(": ")
          .append(d.c.signature())
          .append('\n');
      sb.append("    accord: ").append(trim(d.accord.detail())).append('\n');
      sb.append("    reference: ").append(trim(d.reference.detail())).append('\n');
    }
    return sb.toString();
  }

  String markdown() {
    StringBuilder sb =
        new StringBuilder("# Differential test report\n\n").append(summary()).append('\n');
    Map<String, List<Disagreement>> groups = new LinkedHashMap<>();
    for (Disagreement d : disagreements) {
      groups
          .computeIfAbsent(d.known == null ? "UNEXPLAINED" : d.known.name(), k -> new ArrayList<>())
          .add(d);
    }
    groups.forEach(
        (name, list) -> {
          sb.append("## ").append(name).append(" (").append(list.size()).append(")\n\n");
          if (list.get(0).known != null) {
            sb.append(list.get(0).known.status().words)
                .append(": ")
                .append(list.get(0).known.reason())
                .append("\n\n");
          }
          sb.append(describe(list)).append('\n');
          sb.append("Reproducer of ")
              .append(list.get(0).c.id())
              .append(":\n\n```json\n")
              .append(list.get(0).c.reproducer())
              .append("\n```\n\n");
        });
    return sb.toString();
  }

  private static String trim(String s) {
    return s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }
}
