package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.path.BodyPath;
import dev.accord.pact.path.PathExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A path shown in a mismatch can be pasted into a pact as the rule expression for the same node.
 */
class PathRenderingProperties {

  /** A path segment: an object key, or an array index when {@code index >= 0}. */
  record Segment(String key, int index) {}

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aRenderedPathParsesBackToTheSameSegments(long seed) {
    List<Segment> segments = path(new Random(seed * 0x9E3779B97F4A7C15L));
    BodyPath path = BodyPath.root();
    List<String> expected = new ArrayList<>();
    for (Segment s : segments) {
      path = s.index() >= 0 ? path.index(s.index()) : path.field(s.key());
      expected.add(s.index() >= 0 ? Integer.toString(s.index()) : s.key());
    }
    List<PathExpression.Token> tokens = PathExpression.parse(path.toString()).tokens();
    assertThat(tokens.get(0)).isEqualTo(new PathExpression.Root());
    List<String> parsed = new ArrayList<>();
    for (PathExpression.Token t : tokens.subList(1, tokens.size())) {
      // a numeric key renders as [n]: rule lookup treats a key "n" and an index n alike
      parsed.add(
          t instanceof PathExpression.Index i
              ? Integer.toString(i.index())
              : ((PathExpression.Field) t).name());
    }
    assertThat(parsed).isEqualTo(expected);
  }

  static LongStream seeds() {
    return LongStream.range(0, 500);
  }

  /** Up to six segments: keys with punctuation, all-digit keys, or indices. */
  static List<Segment> path(Random random) {
    int size = random.nextInt(7);
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      segments.add(
          switch (random.nextInt(3)) {
            case 0 -> new Segment(randomString(random, "abcXYZ019_-. @#$'[]*", 1, 8), -1);
            case 1 -> new Segment(randomString(random, "0123456789", 1, 12), -1);
            default -> new Segment(null, random.nextInt(10_001));
          });
    }
    return segments;
  }

  private static String randomString(Random random, String chars, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(chars.charAt(random.nextInt(chars.length())));
    }
    return sb.toString();
  }
}
