package dev.accord.contract.exploration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Shrinks a failing sequence to a shortest one that still fails the same way (the same check on the
 * same operation), by delta debugging: drop chunks of steps, halving the chunks when none can go,
 * down to single steps. A step that takes a value from a dropped step is dropped with it, so every
 * candidate's transitions stay valid; the failing step is never dropped. Every candidate is re-run
 * from a fresh state.
 */
final class Shrinker {

  /** Stop after this many re-runs, keeping the shortest so far. */
  static final int MAX_RUNS = 200;

  /** A failing sequence: its steps, what they did, and the failed check (at the last step). */
  record Failing(List<PlannedStep> steps, List<Exchange> exchanges, Finding finding) {}

  /** The shortest failing sequence found, and how many re-runs it took. */
  record Result(Failing shortest, int runs, boolean complete) {}

  /**
   * One re-run of candidate steps from a fresh state; null when it could not run (a missing input).
   */
  @FunctionalInterface
  interface Replayer {
    Failing replay(List<PlannedStep> steps);
  }

  private final Replayer replayer;
  private final BooleanSupplier outOfTime;

  Shrinker(Replayer replayer, BooleanSupplier outOfTime) {
    this.replayer = replayer;
    this.outOfTime = outOfTime;
  }

  Result shrink(Failing failing) {
    String signature = failing.finding().signature();
    Failing current = truncate(failing);
    int runs = 0;
    int granularity = 2;
    while (current.steps().size() > 1) {
      int removable = current.steps().size() - 1;
      granularity = Math.min(granularity, removable);
      List<List<Integer>> chunks = chunks(removable, granularity);
      boolean shrunk = false;
      for (List<Integer> chunk : chunks) {
        if (runs >= MAX_RUNS || outOfTime.getAsBoolean()) {
          return new Result(current, runs, false);
        }
        List<PlannedStep> candidate = without(current.steps(), chunk);
        if (candidate == null) {
          continue;
        }
        runs++;
        Failing result = replayer.replay(candidate);
        if (result != null
            && result.finding() != null
            && result.finding().signature().equals(signature)) {
          current = truncate(result);
          granularity = Math.max(granularity - 1, 2);
          shrunk = true;
          break;
        }
      }
      if (!shrunk) {
        if (granularity >= removable) {
          break;
        }
        granularity = Math.min(granularity * 2, removable);
      }
    }
    return new Result(current, runs, true);
  }

  /** The steps up to the failing one. */
  private static Failing truncate(Failing failing) {
    int last = failing.finding().step();
    return new Failing(
        List.copyOf(failing.steps().subList(0, last + 1)),
        List.copyOf(failing.exchanges().subList(0, last + 1)),
        failing.finding());
  }

  /** {@code 0..size-1} in {@code n} contiguous chunks, as even as can be. */
  static List<List<Integer>> chunks(int size, int n) {
    List<List<Integer>> chunks = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = start + (size - start) / (n - i);
      List<Integer> chunk = new ArrayList<>();
      for (int j = start; j < end; j++) {
        chunk.add(j);
      }
      if (!chunk.isEmpty()) {
        chunks.add(chunk);
      }
      start = end;
    }
    return chunks;
  }

  /**
   * The steps without those at {@code dropped} and without every step that takes a value from a
   * dropped one, the sources renumbered; null when the last (failing) step would go, or nothing
   * would.
   */
  static List<PlannedStep> without(List<PlannedStep> steps, List<Integer> dropped) {
    Map<Integer, Integer> renumbered = new HashMap<>();
    List<PlannedStep> kept = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      PlannedStep step = steps.get(i);
      boolean sourceKept = step.source() < 0 || renumbered.containsKey(step.source());
      if (dropped.contains(i) || !sourceKept) {
        continue;
      }
      renumbered.put(i, kept.size());
      kept.add(step.source() < 0 ? step : step.withSource(renumbered.get(step.source())));
    }
    if (!renumbered.containsKey(steps.size() - 1) || kept.size() == steps.size()) {
      return null;
    }
    return kept;
  }
}
