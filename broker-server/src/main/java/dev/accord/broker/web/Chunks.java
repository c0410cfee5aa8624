package dev.accord.broker.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * IN lists are bound in chunks of {@link #SIZE} values: PostgreSQL's protocol takes at most 65,535
 * parameters per statement, and a selector such as {@code q[][tag]=prod} may resolve to more
 * versions than that. Callers group their results by the chunked key, so chunking changes no
 * answer.
 */
public final class Chunks {
  public static final int SIZE = 1000;

  private Chunks() {}

  public static List<List<Long>> of(Collection<Long> ids) {
    return of(ids, SIZE);
  }

  /** Chunks of at most {@code size} values, for statements that grow with each value. */
  public static List<List<Long>> of(Collection<Long> ids, int size) {
    List<Long> all = List.copyOf(ids);
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }
}
