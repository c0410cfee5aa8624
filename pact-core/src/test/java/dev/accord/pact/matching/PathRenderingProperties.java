package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.matching.internal.BodyPath;
import dev.accord.pact.matching.internal.PathExpression;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A path shown in a mismatch can be pasted into a pact as the rule expression for the same node. */
class PathRenderingProperties {

  /** A path segment: an object key, or an array index when {@code index >= 0}. */
  record Segment(String key, int index) {}

  @Property(tries = 500)
  void aRenderedPathParsesBackToTheSameSegments(@ForAll("paths") List<Segment> segments) {
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
      parsed.add(t instanceof PathExpression.Index i ? Integer.toString(i.index())
          : ((PathExpression.Field) t).name());
    }
    assertThat(parsed).isEqualTo(expected);
  }

  @Provide
  Arbitrary<List<Segment>> paths() {
    Arbitrary<Segment> key = Arbitraries.oneOf(
            Arbitraries.strings().withChars("abcXYZ019_-. @#$'[]*").ofMinLength(1).ofMaxLength(8),
            Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(12))
        .map(k -> new Segment(k, -1));
    Arbitrary<Segment> index = Arbitraries.integers().between(0, 10_000).map(i -> new Segment(null, i));
    return Arbitraries.oneOf(key, index).list().ofMaxSize(6);
  }
}
