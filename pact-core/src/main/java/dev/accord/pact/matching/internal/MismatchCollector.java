package dev.accord.pact.matching.internal;

import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.matching.MismatchType;
import java.util.ArrayList;
import java.util.List;

/** Collects the mismatches of one part (body, headers, ...) under one {@link MismatchType}. */
public final class MismatchCollector {
  private final MismatchType type;
  private final List<Mismatch> mismatches;

  public MismatchCollector(MismatchType type) {
    this(type, new ArrayList<>());
  }

  public MismatchCollector(MismatchType type, List<Mismatch> target) {
    this.type = type;
    this.mismatches = target;
  }

  public MismatchType type() {
    return type;
  }

  public void add(String path, String expected, String actual, String description) {
    mismatches.add(new Mismatch(type, path, expected, actual, description));
  }

  /** A mismatch naming the rule that decided ({@link Mismatch#NO_RULE} when none applied). */
  public void add(String path, String expected, String actual, String description, String rule) {
    mismatches.add(new Mismatch(type, path, expected, actual, description, rule));
  }

  public void addAll(List<Mismatch> more) {
    mismatches.addAll(more);
  }

  /** A fresh collector of the same type, for trying alternatives (OR, arrayContains variants). */
  public MismatchCollector scratch() {
    return new MismatchCollector(type);
  }

  public List<Mismatch> mismatches() {
    return mismatches;
  }

  public boolean isEmpty() {
    return mismatches.isEmpty();
  }

  public int size() {
    return mismatches.size();
  }
}
